"""Excel workbooks for import tests, built with openpyxl as a spreadsheet would save them."""

import csv
import io

from openpyxl import Workbook


def workbook_bytes(rows) -> bytes:
    """An .xlsx file whose first sheet holds `rows` (lists of cell values), row 1 first."""
    workbook = Workbook()
    for row in rows:
        workbook.active.append(list(row))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def csv_as_workbook(text: str) -> bytes:
    """The same table as a CSV text, saved as a workbook (every cell as text)."""
    return workbook_bytes(csv.reader(io.StringIO(text)))
