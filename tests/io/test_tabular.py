"""The import toolkit's reader: CSV in UTF-8 or .xlsx in, rows with spreadsheet line numbers out, or a clear message."""

import datetime
import io
import zipfile

import pytest

from catalogue.io.tabular import ImportFileError, TableSpec, check_size, read_table, read_upload
from tests.workbooks import workbook_bytes as xlsx

SPEC = TableSpec(
    columns=("name", "year", "count"),
    required=("name", "year"),
    max_bytes=64 * 1024,
    max_rows=3,
    max_columns=5,
    aliases={"period": "year"},
    row_noun="figures",
    layout_hint="See the example file.",
)


def refusal(data: bytes, spec: TableSpec = SPEC) -> str:
    with pytest.raises(ImportFileError) as refused:
        read_table(data, spec)
    return str(refused.value)


def test_utf8_with_a_byte_order_mark_reads_the_first_column_by_its_name():
    table = read_table("name,year\nCafé,2020\n".encode("utf-8-sig"), SPEC)
    assert table.columns == ["name", "year"]
    assert [(row.line, row.values) for row in table.rows] == [(2, {"name": "Café", "year": "2020"})]


def test_windows_1252_is_refused_naming_the_byte_and_its_line():
    message = refusal("name,year\nCafé,2020\n".encode("cp1252"))
    assert "not UTF-8" in message and "0xE9" in message and "line 2" in message and "CSV UTF-8" in message


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"name,year\n\x00\x01\x02", "binary data"),
        ("name,year\n".encode("utf-16"), "UTF-16"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, ".xls"),
        (b"PK\x03\x04 not really a workbook", "could not be read"),
    ],
)
def test_undecodable_bytes_get_a_message_that_says_what_the_file_is(data, expected):
    assert expected in refusal(data)


def test_an_xlsx_sheet_reads_like_its_csv_export_with_excels_row_numbers():
    data = xlsx(
        [
            ["Name", "Period", "Count"],
            ["Hartlepool", 2019, 12.0],
            [None, None, None],
            ["Leeds", datetime.datetime(2020, 4, 1), True],
        ]
    )
    table = read_table(data, SPEC)
    assert table.columns == ["name", "year", "count"]
    assert [(row.line, row.values) for row in table.rows] == [
        (2, {"name": "Hartlepool", "year": "2019", "count": "12"}),
        (4, {"name": "Leeds", "year": "2020-04-01", "count": "yes"}),
    ]


def test_an_xlsx_that_unpacks_to_far_more_than_its_size_is_refused_before_parsing():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\x00" * (60 * 1024 * 1024))
    spec = TableSpec(columns=("name",), required=("name",), max_bytes=5 * 1024 * 1024, max_rows=10)
    assert "unpacks to far more data" in refusal(out.getvalue(), spec)


def test_an_oversize_file_is_refused_by_its_size_before_it_is_read():
    message = refusal(b"name,year\n" + b"x,2020\n" * (SPEC.max_bytes // 7 + 1))
    assert "the limit is 0.0625 MB" in message
    with pytest.raises(ImportFileError, match="The file is 5.1 MB; the limit is 5 MB"):
        check_size(5 * 1024 * 1024 + 1, TableSpec(columns=(), required=(), max_bytes=5 * 1024 * 1024, max_rows=1))


def test_an_upload_of_unknown_size_is_read_no_further_than_the_limit():
    class Stream(io.BytesIO):
        """An upload that does not say its size."""

    stream = Stream(b"name,year\n" + b"x,2020\n" * SPEC.max_bytes)
    with pytest.raises(ImportFileError, match="larger than"):
        read_upload(stream, SPEC)
    assert stream.tell() == SPEC.max_bytes + 1


def test_too_many_rows_names_the_limit_and_blank_lines_do_not_count():
    rows = "".join(f"n{number},2020\n\n" for number in range(SPEC.max_rows))
    assert len(read_table(f"name,year\n{rows}".encode(), SPEC).rows) == SPEC.max_rows
    message = refusal(f"name,year\n{rows}extra,2020\n".encode())
    assert f"more than {SPEC.max_rows} figures" in message and "Split it" in message


@pytest.mark.parametrize("data", [b"", b" \r\n\r\n", "\ufeff".encode(), b",,,\n", xlsx([])])
def test_an_empty_file(data):
    assert refusal(data) == "The file is empty: the first line must name the columns. See the example file."


def test_a_header_with_no_rows():
    assert refusal(b"name,year\n,\n\n") == "The file has a header row but no figures."


def test_missing_repeated_and_unknown_columns_are_named_together():
    message = refusal(b"Name,period,year,colour\nx,1,2,red\n")
    assert "columns appear more than once: year (period, year)" in message
    assert "unknown columns: colour" in message and message.endswith("See the example file.")
    assert "required columns are missing: name" in refusal(b"year\n2020\n")


def test_unknown_columns_can_be_ignored_and_are_then_listed():
    spec = TableSpec(columns=("name",), required=("name",), max_bytes=1024, max_rows=5, ignore_unknown_columns=True)
    table = read_table(b"name,notes\nx,hello\n", spec)
    assert table.ignored_columns == ["notes"] and table.rows[0].values == {"name": "x"}


def test_a_header_wider_than_the_limit_is_refused():
    header = ",".join(f"c{number}" for number in range(SPEC.max_columns + 1))
    assert f"{SPEC.max_columns + 1} columns; at most {SPEC.max_columns}" in refusal(f"{header}\n".encode())


def test_a_row_with_more_values_than_columns_is_a_row_problem_not_a_file_problem():
    table = read_table(b"name,year\na,2020,oops\nb,2021,,\n", SPEC)
    first, second = table.rows
    assert first.line == 2 and "more values than the header has columns" in first.problem and first.values == {}
    assert second.problem == "" and second.values == {"name": "b", "year": "2021"}


def test_cells_are_text_as_written_never_evaluated():
    table = read_table(b'name,year\n"=HYPERLINK(""x"")",2020\n', SPEC)
    assert table.rows[0].values["name"] == '=HYPERLINK("x")'
