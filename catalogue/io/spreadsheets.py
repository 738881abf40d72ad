"""
One guard for every CSV or spreadsheet cell the site writes (CSV injection).

A text cell that a spreadsheet would read as a formula (`=HYPERLINK(...)`, `+1`, `-1+1`, `@SUM`),
including after leading tabs, carriage returns or spaces, is prefixed with an apostrophe so it
is shown as text. Numbers are left alone, so a negative figure stays a number.
"""

FORMULA_START = ("=", "+", "-", "@")
CONTROL_START = ("\t", "\r", "\n")


def safe_cell(value):
    """The value as it should be written to a CSV/XLSX cell."""
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    text = str(value)
    if text.startswith(CONTROL_START) or text.lstrip(" \t\r\n").startswith(FORMULA_START):
        return "'" + text
    return text


def safe_row(values) -> list:
    """Every cell of a row through `safe_cell`."""
    return [safe_cell(value) for value in values]
