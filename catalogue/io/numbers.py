"""
Integers from the outside world (URL parameters, form fields, uploaded cells).

`str.isdigit()` is true for "²" and other non-ASCII digits that `int()` then rejects, which turned
`?year=²` into a 500. Every integer read from a request or a file goes through `parse_int`.
"""

import re

_ASCII_INTEGER = re.compile(r"[+-]?[0-9]+")


def parse_int(raw, *, minimum: int | None = None, maximum: int | None = None, max_digits: int = 18) -> int | None:
    """
    The integer written in `raw` (ASCII digits, optional sign, surrounding spaces allowed), or None if
    it is not one or lies outside [minimum, maximum]. Never raises, whatever `raw` is.
    """
    if raw is None:
        return None
    text = str(raw).strip()
    if not _ASCII_INTEGER.fullmatch(text) or len(text.lstrip("+-")) > max_digits:
        return None
    value = int(text)
    if minimum is not None and value < minimum:
        return None
    if maximum is not None and value > maximum:
        return None
    return value
