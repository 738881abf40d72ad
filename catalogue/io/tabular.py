"""
Reading an uploaded table (CSV in UTF-8, or the first sheet of an .xlsx workbook) into a header and rows
of text cells keyed by column, each with the row number a spreadsheet shows for it.

One `TableSpec` says what an importer accepts (its columns, their other names, its limits, how to call a
row); `read_table` refuses anything else with an `ImportFileError` whose message says what to do. Cells
are returned as written (stripped of surrounding spaces): nothing is evaluated, so a cell starting "="
is text to the importer, and whatever writes it out again goes through `spreadsheets.safe_cell`.

Every read is bounded before and while it walks the file, so an upload cannot hold a web worker: bytes
(`max_bytes`), lines or sheet rows (`max_rows` plus the header plus `max_blank_rows`), columns, the
characters of one cell (`max_cell_chars`, Excel's own limit), a workbook's unpacked bytes
(`workbooks.SheetLimits`), and, as a last guard, `READ_SECONDS` of reading.
"""

import csv
import io
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from math import ceil

from .decoding import decode_text
from .errors import ImportFileError
from .workbooks import SheetLimits, is_workbook, workbook_records

MEGABYTE = 1024 * 1024
# A cell may be as large as the largest file any importer accepts (Python's default is 128 KB).
csv.field_size_limit(5 * MEGABYTE)
# Whatever the limits let through, a read that has taken this long stops with a message.
READ_SECONDS = 10.0
# An .xlsx file may unpack to this many times the upload limit (its XML is typically 5-10 times its size).
UNPACKED_PER_UPLOAD_BYTE = 10

__all__ = ["ImportFileError", "Table", "TableRow", "TableSpec", "check_size", "read_table", "read_upload"]


@dataclass(frozen=True)
class TableSpec:
    """What one importer accepts. Column names are compared lower-case, with spaces read as underscores."""

    columns: tuple[str, ...]
    required: tuple[str, ...]
    max_bytes: int
    max_rows: int
    max_columns: int = 100
    aliases: Mapping[str, str] = field(default_factory=dict)  # another accepted name -> column
    ignore_unknown_columns: bool = False  # otherwise an unknown column refuses the file
    row_noun: str = "rows"  # "entries", "references": how the messages name the rows
    layout_hint: str = ""  # ends every message about the columns, e.g. "Download the template."
    too_many_rows_hint: str = ""  # e.g. where a larger file can be imported
    max_blank_rows: int = 1000  # blank lines or sheet rows read in all, besides the header and the rows
    max_cell_chars: int = 32_767  # the most characters an Excel cell holds

    @property
    def max_lines(self) -> int:
        """The last line (or sheet row) a file may use: header, rows and blank rows."""
        return 1 + self.max_rows + self.max_blank_rows

    @property
    def sheet_limits(self) -> SheetLimits:
        return SheetLimits(
            rows=self.max_lines, columns=self.max_columns, unpacked_bytes=UNPACKED_PER_UPLOAD_BYTE * self.max_bytes
        )


@dataclass
class TableRow:
    line: int  # the row number a spreadsheet shows (the header is 1)
    values: dict[str, str]  # column -> stripped cell; a column the row leaves out is ""
    problem: str = ""  # why the row could not be read as a row (then `values` is empty)


@dataclass
class Table:
    columns: list[str]  # the file's known columns, in file order, by their canonical names
    rows: list[TableRow]
    ignored_columns: list[str] = field(default_factory=list)  # as written in the file


def check_size(size: int, spec: TableSpec) -> None:
    """Refuse a file over the limit before it is read or parsed."""
    if size > spec.max_bytes:
        shown = ceil(size / MEGABYTE * 10) / 10  # rounded up: 5.01 MB is never shown as "5.0 MB"
        raise ImportFileError(
            f"The file is {shown:.1f} MB; the limit is {spec.max_bytes / MEGABYTE:g} MB. Split it into smaller files."
        )


def read_upload(uploaded_file, spec: TableSpec) -> Table:
    """Read a Django UploadedFile (or anything with .read()) without taking more than the limit into memory."""
    size = getattr(uploaded_file, "size", None)
    if size is not None:
        check_size(size, spec)
    data = uploaded_file.read(spec.max_bytes + 1)
    if len(data) > spec.max_bytes:  # its size was not given, so only the start was read
        raise ImportFileError(
            f"The file is larger than {spec.max_bytes / MEGABYTE:g} MB, the limit. Split it into smaller files."
        )
    return read_table(data, spec)


def read_table(data: bytes, spec: TableSpec) -> Table:
    """The header and every non-blank row of a CSV or .xlsx file; problems with the file as a whole raise."""
    check_size(len(data), spec)
    if not data.strip():
        raise _empty(spec)
    if is_workbook(data):
        records = workbook_records(data, spec.sheet_limits)
    else:
        records = _csv_records(decode_text(data))
    try:
        header = _without_trailing_blanks(next(records, []))
        _check_bounds(1, header, spec, time.monotonic() + READ_SECONDS)
        if not header:
            raise _empty(spec)
        if len(header) > spec.max_columns:
            raise ImportFileError(
                f"The first line has {len(header)} columns; at most {spec.max_columns} are read. "
                f"{spec.layout_hint}".strip()
            )
        names, ignored = _check_header(header, spec)
        rows = list(_rows(records, names, spec))
    finally:
        records.close()  # a workbook stopped early (too many rows) is closed now, not when collected
    if not rows:
        raise ImportFileError(f"The file has a header row but no {spec.row_noun}.")
    return Table([name for name in names if name], rows, ignored)


def _csv_records(text: str) -> Iterator[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    while True:
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise ImportFileError(
                f"Line {reader.line_num} could not be read as CSV ({error}). "
                "Save your spreadsheet as 'CSV UTF-8 (comma delimited)'."
            ) from None
        yield record


def _rows(records: Iterable[list[str]], names: list[str], spec: TableSpec) -> Iterator[TableRow]:
    count = 0
    deadline = time.monotonic() + READ_SECONDS
    for line, record in enumerate(records, start=2):
        _check_bounds(line, record, spec, deadline)
        cells = [cell.strip() for cell in record]
        if not any(cells):
            continue  # spreadsheets often leave blank lines, especially at the end
        count += 1
        if count > spec.max_rows:
            raise ImportFileError(
                f"The file has more than {spec.max_rows:,} {spec.row_noun}; at most {spec.max_rows:,} can be "
                f"imported here at once{spec.too_many_rows_hint}. Split it into smaller files."
            )
        if any(cells[len(names) :]):
            yield TableRow(
                line,
                {},
                f"This row has more values than the header has columns ({len(_without_trailing_blanks(cells))} "
                f"values, {len(names)} columns): check for an unquoted comma.",
            )
            continue
        padded = cells + [""] * (len(names) - len(cells))
        yield TableRow(line, {name: cell for name, cell in zip(names, padded, strict=False) if name})


def _check_bounds(line: int, record: list[str], spec: TableSpec, deadline: float) -> None:
    """Refuse the file at the first line past the bounds, before that line is looked at further."""
    if line > spec.max_lines:
        raise ImportFileError(
            f"The file goes on past line {spec.max_lines:,}: at most {spec.max_rows:,} {spec.row_noun} and "
            f"{spec.max_blank_rows:,} blank lines are read. Delete the empty lines and split the file if it is larger."
        )
    for position, cell in enumerate(record[: spec.max_columns + 1], start=1):
        if len(cell) > spec.max_cell_chars:
            raise ImportFileError(
                f"Line {line:,}, column {position} holds {len(cell):,} characters; a cell may hold at most "
                f"{spec.max_cell_chars:,}. Shorten it and upload the file again."
            )
    if time.monotonic() >= deadline:
        raise ImportFileError(
            f"Reading the file took too long (stopped at line {line:,}). Split it into smaller files."
        )


def _check_header(header: list[str], spec: TableSpec) -> tuple[list[str], list[str]]:
    """The canonical name of each column ("" for one that is ignored), and the ignored ones as written."""
    written = [cell.strip() for cell in header]
    normalised = [name.lower().replace(" ", "_") for name in written]
    names = [spec.aliases.get(name, name) for name in normalised]
    known = [name if name in spec.columns else "" for name in names]
    problems = []
    repeated = [name for name, count in Counter(filter(None, known)).items() if count > 1]
    if repeated:
        problems.append(f"columns appear more than once: {', '.join(_as_written(repeated, known, written))}")
    missing = [name for name in spec.required if name not in known]
    if missing:
        problems.append(f"required columns are missing: {', '.join(missing)}")
    unknown = [name or "(blank)" for name, canonical in zip(written, known, strict=True) if not canonical]
    if unknown and not spec.ignore_unknown_columns:
        shown = ", ".join(unknown[:10]) + (f" and {len(unknown) - 10} more" if len(unknown) > 10 else "")
        problems.append(f"unknown columns: {shown}")
    if problems:
        message = f"The columns are not the expected ones: {'; '.join(problems)}. {spec.layout_hint}"
        raise ImportFileError(message.strip())
    return known, [name for name in unknown if name != "(blank)"]


def _as_written(repeated: list[str], known: list[str], written: list[str]) -> list[str]:
    """'year' when a file repeats a column; 'year (year, period)' when it gives it under two names."""
    shown = []
    for name in sorted(repeated):
        spellings = list(dict.fromkeys(written[i] for i, canonical in enumerate(known) if canonical == name))
        shown.append(name if len(spellings) == 1 else f"{name} ({', '.join(spellings)})")
    return shown


def _without_trailing_blanks(cells: list[str]) -> list[str]:
    cells = list(cells)
    while cells and not cells[-1].strip():
        cells.pop()
    return cells


def _empty(spec: TableSpec) -> ImportFileError:
    return ImportFileError(f"The file is empty: the first line must name the columns. {spec.layout_hint}".strip())
