import pytest

from catalogue.io.numbers import parse_int
from catalogue.io.spreadsheets import safe_cell, safe_row


@pytest.mark.parametrize("raw", ["²", "١٢", "1²", "", " ", "1.5", "1e3", "0x10", "--1", None, "١", "12a", "9" * 19])
def test_parse_int_refuses_what_is_not_an_ascii_integer(raw):
    assert parse_int(raw) is None


@pytest.mark.parametrize(("raw", "expected"), [("2024", 2024), (" 7 ", 7), ("-3", -3), ("+5", 5), (12, 12)])
def test_parse_int_reads_ascii_integers(raw, expected):
    assert parse_int(raw) == expected


def test_parse_int_bounds():
    assert parse_int("5", minimum=1, maximum=10) == 5
    assert parse_int("0", minimum=1) is None
    assert parse_int("11", maximum=10) is None


@pytest.mark.parametrize("text", ['=HYPERLINK("x")', "+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1", "  =1", "\tplain"])
def test_formula_like_text_is_quoted(text):
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("value", ["Pause", "a=b", "", 3, -4, 2.5])
def test_ordinary_values_pass_unchanged(value):
    assert safe_cell(value) == value


def test_safe_row_and_none():
    assert safe_row([None, "=1", 2]) == ["", "'=1", 2]
