"""
Turn an uploaded CSV (or .xlsx) or RIS file into raw rows: dicts of the CSV column names below, each with
its `line` (row or record number) and a `where` label ("Row 4", "Record 2") for messages. No validation
of values happens here.

CSV columns: authors, title, year, publisher, url, doi, design, country, sample_size, outcomes
("outcome-slug: direction; ..."), entries ("entry-slug; ..."). Only authors and title are required.

RIS: AU/A1 authors, TI/T1 title, PY/Y1 year, JO/T2/PB publisher, UR url, DO doi, and keywords for
what RIS has no tag for: "KW  - design: rct", "KW  - country: England", "KW  - sample size: 120",
"KW  - outcome: recurrence-avoided = benefit", "KW  - entry: pause". Other keywords are ignored.
"""

import rispy

from catalogue.io.decoding import decode_text
from catalogue.io.tabular import ImportFileError, TableSpec, check_size, read_table

__all__ = ["COLUMNS", "REFERENCES_FILE", "ImportFileError", "read_csv", "read_ris"]

COLUMNS = (
    "authors",
    "title",
    "year",
    "publisher",
    "url",
    "doi",
    "design",
    "country",
    "sample_size",
    "outcomes",
    "entries",
)
MAX_ROWS = 5000
REFERENCES_FILE = TableSpec(
    columns=COLUMNS,
    required=("authors", "title"),
    max_bytes=5 * 1024 * 1024,
    max_rows=MAX_ROWS,
    max_columns=50,  # the format has eleven; a far wider header is not a references file
    row_noun="references",
    layout_hint=f"Columns allowed: {', '.join(COLUMNS)}.",
)


def read_csv(data: bytes) -> list[dict]:
    """CSV or .xlsx: one dict per row, with its spreadsheet `line` (and `error` if it is not a row at all)."""
    rows = []
    for row in read_table(data, REFERENCES_FILE).rows:
        if row.problem:
            rows.append({"where": f"Row {row.line}", "line": row.line, "error": row.problem})
        else:
            rows.append({"where": f"Row {row.line}", "line": row.line, **row.values})
    return rows


KEYWORD_FIELDS = {
    "design": "design",
    "country": "country",
    "sample size": "sample_size",
    "outcome": "outcomes",
    "entry": "entries",
}


def read_ris(data: bytes) -> list[dict]:
    check_size(len(data), REFERENCES_FILE)
    text = decode_text(data)
    if "TY  -" not in text:
        raise ImportFileError("This is not an RIS file: no record starts with 'TY  -'.")
    try:
        records = rispy.loads(text)
    except Exception as error:  # rispy raises several types for malformed files
        raise ImportFileError(f"The RIS file cannot be read: {error}") from None
    if len(records) > MAX_ROWS:
        raise ImportFileError(f"The file has more than {MAX_ROWS} records: split it into smaller files.")
    return [_ris_row(number, record) for number, record in enumerate(records, start=1)]


def _ris_row(number: int, record: dict) -> dict:
    def first(*keys):
        for key in keys:
            value = record.get(key)
            if isinstance(value, list):
                value = value[0] if value else ""
            if value:
                return str(value).strip()
        return ""

    authors = record.get("authors") or record.get("first_authors") or []
    row = {
        "where": f"Record {number}",
        "line": number,
        "authors": ", ".join(author.strip() for author in authors),
        "title": first("title", "primary_title"),
        "year": first("year", "publication_year")[:4],
        "publisher": first("journal_name", "secondary_title", "publisher"),
        "url": first("urls"),
        "doi": first("doi"),
    }
    lists = {"outcomes": [], "entries": []}
    for keyword in record.get("keywords", []):
        label, _, value = keyword.partition(":")
        field = KEYWORD_FIELDS.get(label.strip().lower())
        if field in lists:
            lists[field].append(value.strip().replace("=", ":"))
        elif field:
            row[field] = value.strip()
    row.update({field: "; ".join(values) for field, values in lists.items()})
    return row
