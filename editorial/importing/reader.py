"""
Turning uploaded bytes into header + rows, refusing anything that is not a usable UTF-8 CSV file with a
message an editor can act on.
"""

import csv
import io
from collections import Counter
from dataclasses import dataclass

from .columns import COLUMN_NAMES, REQUIRED_COLUMNS

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_ROWS = 1000
# The admin imports within the web request (about 0.1-0.2 s a row on a busy 2-core machine), so it takes
# fewer rows than the command line, to finish well inside a typical 30-60 s proxy or worker timeout.
ADMIN_MAX_ROWS = 200
# The template has about thirty columns; a header far wider is not an entries file (and is refused
# before any row is read).
MAX_COLUMNS = 100
csv.field_size_limit(MAX_FILE_BYTES)


class ImportFileError(Exception):
    """The file as a whole cannot be imported; the message says why and what to do."""


@dataclass
class CsvRow:
    line: int  # line number in the file, as a spreadsheet would show it (header = 1)
    values: dict[str, str]


def read_rows(data: bytes, max_rows: int = MAX_ROWS) -> list[CsvRow]:
    """Decode, parse and check the header; every problem with the file as a whole raises ImportFileError."""
    check_size(len(data))
    if not data.strip():
        raise ImportFileError("The file is empty. Download the template, add one row per entry and upload it again.")
    if b"\x00" in data:
        raise ImportFileError(
            "This is not a CSV text file (it contains binary data). Save your spreadsheet as "
            "'CSV UTF-8 (comma delimited)' and upload that file."
        )
    text = _decode(data)
    if not text.strip():  # e.g. only the byte-order mark Excel writes
        raise ImportFileError("The file is empty. Download the template, add one row per entry and upload it again.")
    try:
        records = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        raise ImportFileError(
            f"This file could not be read as CSV ({error}). Save your spreadsheet as 'CSV UTF-8 (comma delimited)'."
        ) from None
    if len(records[0]) > MAX_COLUMNS:
        raise ImportFileError(
            f"The first line has {len(records[0])} columns; the template has {len(COLUMN_NAMES)} "
            f"and at most {MAX_COLUMNS} are read. Download the template to see the columns."
        )
    header = [name.strip().lower() for name in records[0]]
    _check_header(header)
    rows = []
    for index, record in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in record):
            continue  # spreadsheets often leave blank lines at the end
        if len(record) > len(header):
            raise ImportFileError(
                f"Line {index} has {len(record)} cells but the header has {len(header)} columns. "
                "Check for an unquoted comma in that row."
            )
        padded = record + [""] * (len(header) - len(record))
        rows.append(CsvRow(index, {name: cell.strip() for name, cell in zip(header, padded, strict=True)}))
    if not rows:
        raise ImportFileError("The file has a header row but no entries.")
    if len(rows) > max_rows:
        advice = (
            ""
            if max_rows >= MAX_ROWS
            else f" (an administrator can import up to {MAX_ROWS} at once with manage.py import_entries)"
        )
        raise ImportFileError(
            f"The file has {len(rows)} entries; at most {max_rows} can be imported here at once"
            f"{advice}. Split it into smaller files."
        )
    return rows


def check_size(size: int) -> None:
    """Refuse a file over the limit before it is read or parsed."""
    if size > MAX_FILE_BYTES:
        raise ImportFileError(
            f"The file is {size / 1024 / 1024:.1f} MB; the limit is "
            f"{MAX_FILE_BYTES // 1024 // 1024} MB. Split it into smaller files."
        )


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")  # Excel's "CSV UTF-8" starts with a byte-order mark
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ImportFileError(
            f"The file is not UTF-8 text (byte 0x{data[error.start]:02X} on line {line} is not valid UTF-8). "
            "In your spreadsheet choose 'Save as' > 'CSV UTF-8 (comma delimited)' and upload that file."
        ) from None


def _check_header(header: list[str]) -> None:
    problems = []
    duplicated = sorted(name for name, count in Counter(header).items() if count > 1 and name)
    if duplicated:
        problems.append(f"columns appear more than once: {', '.join(duplicated)}")
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    if missing:
        problems.append(f"required columns are missing: {', '.join(missing)}")
    unknown = [name or "(blank)" for name in header if name not in COLUMN_NAMES]
    if unknown:
        shown = ", ".join(unknown[:10]) + (f" and {len(unknown) - 10} more" if len(unknown) > 10 else "")
        problems.append(f"unknown columns: {shown}")
    if problems:
        raise ImportFileError(
            "The columns do not match the template: "
            + "; ".join(problems)
            + ". Download the template to see the expected columns."
        )
