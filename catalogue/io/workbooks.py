"""
The first sheet of an Excel workbook (.xlsx) as rows of text cells, read without trusting the file.

Every bound is checked before the rows are walked, so no file can hold a worker: the zip's unpacked
sizes (a small file that unpacks to gigabytes is a zip bomb), then the sheet's declared dimension (the
used range Excel writes at its top), then, row by row, the row numbers the sheet's XML actually holds.
openpyxl's own iteration fills every gap with empty rows, so one data row at row 10,000,000 of a
1.6 KB file walked ten million rows; here only the rows present are parsed, gaps are filled only up to
`SheetLimits.rows`, and a row numbered beyond it stops the read at once. Cells give their value as
shown: a formula gives the result Excel stored with it (`data_only`), never the formula text.

The row parser is openpyxl's own (`WorkSheetParser`, the one its read-only sheets use), reached through
two private attributes; openpyxl is pinned below 3.2 and tests/io/test_upload_bounds.py covers it.
"""

import datetime
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

from openpyxl import load_workbook
from openpyxl.worksheet._reader import WorkSheetParser

from .errors import ImportFileError

ZIP_MAGIC = b"PK\x03\x04"
# A workbook's XML is typically 5-10 times its zipped size; far more than this is not an honest sheet.
MAX_UNPACKED_RATIO = 50


@dataclass(frozen=True)
class SheetLimits:
    """What one read may walk: sheet rows (header and blank rows included), columns and unpacked bytes."""

    rows: int
    columns: int
    unpacked_bytes: int


def is_workbook(data: bytes) -> bool:
    return data.startswith(ZIP_MAGIC)


def workbook_records(data: bytes, limits: SheetLimits) -> Iterator[list[str]]:
    """
    One list of cell texts per sheet row (row 1 first, blank rows included so numbering matches Excel),
    never more than `limits.rows` of them; a sheet that declares or holds more is refused.
    """
    _check_unpacked_size(data, limits.unpacked_bytes)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many types (zip, XML, KeyError) for a damaged or foreign file
        raise ImportFileError(_UNREADABLE) from None
    try:
        if not workbook.worksheets:
            raise ImportFileError("The workbook has no sheets.")
        sheet = workbook.worksheets[0]
        _check_declared_size(sheet, limits)
        yield from _present_rows(workbook, sheet, limits)
    finally:
        workbook.close()


def _present_rows(workbook, sheet, limits: SheetLimits) -> Iterator[list[str]]:
    # One column past the limit is read, so a header wider than the limit is still seen as too wide.
    width = limits.columns + 1
    expected = 1
    with sheet._get_source() as source:  # noqa: SLF001 (see the module's docstring)
        parser = WorkSheetParser(
            source,
            sheet._shared_strings,  # noqa: SLF001
            data_only=True,
            epoch=workbook.epoch,
            date_formats=workbook._date_formats,  # noqa: SLF001
            timedelta_formats=workbook._timedelta_formats,  # noqa: SLF001
        )
        rows = parser.parse()
        while True:
            try:
                number, cells = next(rows)
            except StopIteration:
                return
            except ImportFileError:
                raise
            except Exception:  # the sheet's XML is parsed lazily, row by row
                raise ImportFileError(_UNREADABLE) from None
            if number > limits.rows:
                raise _too_many_sheet_rows(f"it has a row numbered {number:,}", limits)
            if number < expected:
                continue  # a row repeated or out of order: Excel never writes one
            for _ in range(expected, number):
                yield [""] * width  # blank rows the XML leaves out (at most limits.rows in all)
            values = [None] * width
            for cell in cells:
                if cell["column"] <= width:
                    values[cell["column"] - 1] = cell["value"]
                elif cell["value"] not in (None, ""):
                    raise ImportFileError(
                        f"Row {number:,} has a value in column {cell['column']:,}; at most {limits.columns} "
                        "columns are read. Delete the cells to the right of your data and upload the file again."
                    )
            expected = number + 1
            yield [cell_text(value) for value in values]


def _check_declared_size(sheet, limits: SheetLimits) -> None:
    """The used range the sheet declares (<dimension ref="A1:C10000000">), when it declares one."""
    if sheet.max_row is not None and sheet.max_row > limits.rows:
        raise _too_many_sheet_rows(f"its used range runs to row {sheet.max_row:,}", limits)


def _too_many_sheet_rows(what: str, limits: SheetLimits) -> ImportFileError:
    return ImportFileError(
        f"The first sheet is too long to read: {what}, and at most {limits.rows:,} rows (blank ones included) "
        "are read. Delete the empty rows below your data, or copy the data to a new sheet, and upload it again."
    )


_UNREADABLE = (
    "This Excel file could not be read (it may be damaged, protected by a password, or not really .xlsx). "
    "Open it in your spreadsheet and save it again as an Excel Workbook (.xlsx) or as 'CSV UTF-8 (comma delimited)'."
)


def cell_text(value) -> str:
    """A cell as the text a CSV export of the sheet would hold: 12 not 12.0, dates as YYYY-MM-DD."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat(sep=" ")
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return str(value)


def _check_unpacked_size(data: bytes, limit: int) -> None:
    """Each member's declared size, and their total, before anything is unpacked."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except zipfile.BadZipFile:
        raise ImportFileError(_UNREADABLE) from None
    unpacked = sum(member.file_size for member in members)
    if unpacked > min(limit, MAX_UNPACKED_RATIO * max(len(data), 1024 * 1024)):
        raise ImportFileError(
            "This Excel file unpacks to far more data than a spreadsheet of its size holds, so it is not read. "
            "Save it again as 'CSV UTF-8 (comma delimited)' and upload that file."
        )
