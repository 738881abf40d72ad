"""
Turn an uploaded CSV or RIS file into raw rows: dicts of the CSV column names below, each with a
`where` label ("row 4", "record 2") for messages. No validation of values happens here.

CSV columns: authors, title, year, publisher, url, doi, design, country, sample_size, outcomes
("outcome-slug: direction; ..."), entries ("entry-slug; ..."). Only authors and title are required.

RIS: AU/A1 authors, TI/T1 title, PY/Y1 year, JO/T2/PB publisher, UR url, DO doi, and keywords for
what RIS has no tag for: "KW  - design: rct", "KW  - country: England", "KW  - sample size: 120",
"KW  - outcome: recurrence-avoided = benefit", "KW  - entry: pause". Other keywords are ignored.
"""

import csv
import io

import rispy

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
REQUIRED_COLUMNS = ("authors", "title")
MAX_ROWS = 5000
MAX_COLUMNS = 50  # the format has eleven; a far wider header is not a references file


class ImportFileError(ValueError):
    """The file as a whole cannot be read; nothing in it is imported."""


def decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(
            f"The file is not UTF-8 text (byte {error.start} cannot be read). "
            "Save it as 'CSV UTF-8' or export it again as UTF-8."
        ) from None


def read_csv(data: bytes) -> list[dict]:
    reader = csv.DictReader(io.StringIO(decode(data), newline=""))
    header = [name.strip().lower() for name in (reader.fieldnames or [])]
    if not header:
        raise ImportFileError("The file is empty: the first line must name the columns.")
    if len(header) > MAX_COLUMNS:
        raise ImportFileError(
            f"The first line has {len(header)} columns; at most {MAX_COLUMNS} are read. "
            f"Columns allowed: {', '.join(COLUMNS)}."
        )
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    unknown = [name for name in header if name and name not in COLUMNS]
    if missing or unknown:
        problems = []
        if missing:
            problems.append(f"missing column(s): {', '.join(missing)}")
        if unknown:
            problems.append(f"unknown column(s): {', '.join(unknown)}")
        raise ImportFileError(f"The header is wrong ({'; '.join(problems)}). Columns allowed: {', '.join(COLUMNS)}.")
    reader.fieldnames = header
    rows = []
    for number, record in enumerate(reader, start=2):
        if None in record:
            rows.append({"where": f"Row {number}", "error": "This row has more values than the header has columns."})
            continue
        values = {key: (value or "").strip() for key, value in record.items() if key}
        if any(values.values()):
            rows.append({"where": f"Row {number}", **values})
        if len(rows) > MAX_ROWS:
            raise ImportFileError(f"The file has more than {MAX_ROWS} rows: split it into smaller files.")
    return rows


KEYWORD_FIELDS = {
    "design": "design",
    "country": "country",
    "sample size": "sample_size",
    "outcome": "outcomes",
    "entry": "entries",
}


def read_ris(data: bytes) -> list[dict]:
    text = decode(data)
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
