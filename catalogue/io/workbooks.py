"""
The first sheet of an Excel workbook (.xlsx) as rows of text cells, read without trusting the file.

openpyxl reads in streaming mode (`read_only`), so a sheet is never held in memory whole; the zip's
declared unpacked size is checked first, so a small file that unpacks to gigabytes (a zip bomb) is
refused before any XML is parsed. Cells give their value as shown: a formula gives the result Excel
stored with it (`data_only`), never the formula text.
"""

import datetime
import io
import zipfile
from collections.abc import Iterator

from openpyxl import load_workbook

from .errors import ImportFileError

ZIP_MAGIC = b"PK\x03\x04"
# A workbook's XML is typically 5-10 times its zipped size; far more than this is not an honest sheet.
MAX_UNPACKED_RATIO = 50


def is_workbook(data: bytes) -> bool:
    return data.startswith(ZIP_MAGIC)


def workbook_records(data: bytes, max_columns: int) -> Iterator[list[str]]:
    """One list of cell texts per sheet row (row 1 first, blank rows included so numbering matches Excel)."""
    _check_unpacked_size(data)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many types (zip, XML, KeyError) for a damaged or foreign file
        raise ImportFileError(_UNREADABLE) from None
    try:
        if not workbook.worksheets:
            raise ImportFileError("The workbook has no sheets.")
        # One column past the limit is read, so a header wider than the limit is still seen as too wide.
        rows = workbook.worksheets[0].iter_rows(max_col=max_columns + 1, values_only=True)
        while True:
            try:
                cells = next(rows)
            except StopIteration:
                return
            except Exception:  # the sheet's XML is parsed lazily, row by row
                raise ImportFileError(_UNREADABLE) from None
            yield [cell_text(value) for value in cells]
    finally:
        workbook.close()


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


def _check_unpacked_size(data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except zipfile.BadZipFile:
        raise ImportFileError(_UNREADABLE) from None
    if unpacked > MAX_UNPACKED_RATIO * max(len(data), 1024 * 1024):
        raise ImportFileError(
            "This Excel file unpacks to far more data than a spreadsheet of its size holds, so it is not read. "
            "Save it again as 'CSV UTF-8 (comma delimited)' and upload that file."
        )
