"""
Uploads that cannot hold a worker (issue 25, N1): every bound is checked before the rows are walked.

The N1 file (an .xlsx of about 1.6 KB whose one data row is row 10,000,000) and its relatives are made
here; each is refused, and the tests count how many rows the reader handed on before refusing, rather
than timing it.
"""

import io
import re
import zipfile
from dataclasses import replace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from catalogue.io import tabular
from catalogue.io.tabular import ImportFileError, TableSpec, read_table
from catalogue.io.workbooks import SheetLimits, workbook_records
from explorer.pages.your_data import OWN_FORMAT
from tests.data_urls import reverse

SPEC = TableSpec(
    columns=("la_code", "year", "starts_under1"),
    required=("la_code", "year"),
    max_bytes=2 * 1024 * 1024,
    max_rows=20_000,
    max_columns=50,
)
FAR_ROW = 10_000_000


def workbook(cells: dict[tuple[int, int], object]) -> bytes:
    """An .xlsx whose first sheet holds `cells` ((row, column) -> value), as openpyxl saves it."""
    book = Workbook()
    for (row, column), value in cells.items():
        book.active.cell(row=row, column=column, value=value)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def n1_file() -> bytes:
    """
    A header, then its only data row at row 10,000,000 (declared in the sheet's used range). Excel and
    openpyxl stop at row 1,048,576, so the row is written at 999,999 and renumbered in the XML, as the
    file in the review was written by hand.
    """
    header = {(1, 1): "la_code", (1, 2): "year", (1, 3): "starts_under1"}
    data = workbook(header | {(999_999, 1): "E08000025", (999_999, 2): 2020, (999_999, 3): 5})
    return with_sheet_xml(data, lambda xml: xml.replace("999999", str(FAR_ROW)))


def with_sheet_xml(data: bytes, change) -> bytes:
    """The same workbook with its first sheet's XML passed through `change`."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            content = source.read(member)
            if member.filename == "xl/worksheets/sheet1.xml":
                content = change(content.decode()).encode()
            target.writestr(member, content)
    return out.getvalue()


def rows_before_refusal(data: bytes, limits: SheetLimits) -> tuple[int, str]:
    """How many rows the workbook reader handed on, and the message it refused the file with."""
    handed_on = 0
    try:
        for _ in workbook_records(data, limits):
            handed_on += 1
    except ImportFileError as refused:
        return handed_on, str(refused)
    raise AssertionError(f"the file was read whole ({handed_on} rows)")


def test_the_n1_file_is_small_and_refused_by_its_declared_used_range_before_any_row_is_read():
    data = n1_file()
    assert len(data) < 8 * 1024
    handed_on, message = rows_before_refusal(data, SPEC.sheet_limits)
    assert handed_on == 0
    assert f"used range runs to row {FAR_ROW:,}" in message and f"at most {SPEC.max_lines:,} rows" in message


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda xml: re.sub(r'<dimension ref="[^"]*"\s*/>', '<dimension ref="A1:C2"/>', xml), id="lying"),
        pytest.param(lambda xml: re.sub(r'<dimension ref="[^"]*"\s*/>', "", xml), id="missing"),
    ],
)
def test_a_far_row_under_a_lying_or_missing_used_range_stops_the_read_at_that_row(change):
    data = with_sheet_xml(n1_file(), change)
    handed_on, message = rows_before_refusal(data, SPEC.sheet_limits)
    assert handed_on == 1  # the header; not one of the ten million rows between
    assert f"row numbered {FAR_ROW:,}" in message


def test_gaps_are_filled_only_up_to_the_row_limit():
    limits = SheetLimits(rows=50, columns=5, unpacked_bytes=10**7)
    data = with_sheet_xml(
        workbook({(1, 1): "la_code", (40, 1): "x", (51, 1): "y"}),
        lambda xml: re.sub(r'<dimension ref="[^"]*"\s*/>', "", xml),
    )
    handed_on, message = rows_before_refusal(data, limits)
    assert handed_on == 40 and "row numbered 51" in message


def test_explicit_blank_rows_count_towards_the_limit():
    limits = SheetLimits(rows=100, columns=5, unpacked_bytes=10**7)
    blank_rows = "".join(f'<row r="{number}"/>' for number in range(2, 5000))
    data = with_sheet_xml(
        workbook({(1, 1): "la_code"}),
        lambda xml: re.sub(r'<dimension ref="[^"]*"\s*/>', "", xml).replace("</row>", "</row>" + blank_rows, 1),
    )
    handed_on, message = rows_before_refusal(data, limits)
    assert handed_on == limits.rows and "row numbered 101" in message


def test_a_value_far_to_the_right_is_refused_not_dropped():
    data = workbook({(1, 1): "la_code", (1, 2): "year", (2, 1): "E08000025", (2, 16_384): "hidden"})
    with pytest.raises(ImportFileError, match="Row 2 has a value in column 16,384; at most 50 columns"):
        read_table(data, SPEC)


def test_unpacked_bytes_are_bounded_by_the_upload_limit_not_only_by_the_ratio():
    spec = replace(SPEC, max_bytes=64 * 1024)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b" " * (spec.sheet_limits.unpacked_bytes + 1))
    assert len(out.getvalue()) < spec.max_bytes  # within the upload limit, and within 50 times its size
    with pytest.raises(ImportFileError, match="unpacks to far more data"):
        read_table(out.getvalue(), spec)


def test_an_oversized_cell_is_refused_naming_its_line_and_column():
    too_long = "x" * (SPEC.max_cell_chars + 1)
    # openpyxl cuts a string to Excel's limit when it writes one, so the long cell is put in afterwards.
    sheet = workbook({(1, 1): "la_code", (1, 2): "year", (2, 1): "E08000025", (2, 2): "PLACEHOLDER"})
    for data in (
        f"la_code,year\nE08000025,{too_long}\n".encode(),
        with_sheet_xml(sheet, lambda xml: xml.replace("PLACEHOLDER", too_long)),
    ):
        with pytest.raises(ImportFileError, match=f"Line 2, column 2 holds {SPEC.max_cell_chars + 1:,} characters"):
            read_table(data, SPEC)


def test_a_csv_of_blank_lines_stops_at_the_line_limit():
    data = b"la_code,year\n" + b"\n" * (SPEC.max_lines + 10) + b"E08000025,2020\n"
    assert len(data) < SPEC.max_bytes
    with pytest.raises(ImportFileError, match=f"goes on past line {SPEC.max_lines:,}"):
        read_table(data, SPEC)


def test_blank_lines_within_the_allowance_are_still_read():
    data = b"la_code,year\n" + b"\n" * SPEC.max_blank_rows + b"E08000025,2020\n"
    assert [row.line for row in read_table(data, SPEC).rows] == [SPEC.max_blank_rows + 2]


def test_a_read_that_runs_out_of_time_stops_with_a_message(monkeypatch):
    monkeypatch.setattr(tabular, "READ_SECONDS", 0)
    with pytest.raises(ImportFileError, match="took too long"):
        read_table(b"la_code,year\nE08000025,2020\n", SPEC)


@pytest.mark.django_db
def test_the_public_upload_refuses_the_n1_file_with_a_message(client, site_tree):
    upload = SimpleUploadedFile("n1.xlsx", n1_file())
    response = client.post(reverse("explorer:your_data"), {"file": upload})
    assert response.status_code == 200
    assert f"used range runs to row {FAR_ROW:,}" in response.content.decode()
    assert OWN_FORMAT.table.max_lines < FAR_ROW
