"""The entries file as the import toolkit reads it: the template's columns and this importer's limits."""

from dataclasses import replace

from catalogue.io.tabular import ImportFileError, Table, TableRow, TableSpec, read_table

from .columns import COLUMN_NAMES, REQUIRED_COLUMNS

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_ROWS = 1000
# The admin imports within the web request (about 0.1-0.2 s a row on a busy 2-core machine), so it takes
# fewer rows than the command line, to finish well inside a typical 30-60 s proxy or worker timeout.
ADMIN_MAX_ROWS = 200

ENTRIES_FILE = TableSpec(
    columns=tuple(COLUMN_NAMES),
    required=tuple(REQUIRED_COLUMNS),
    max_bytes=MAX_FILE_BYTES,
    max_rows=MAX_ROWS,
    # The template has about thirty columns; a header far wider is not an entries file.
    max_columns=100,
    row_noun="entries",
    layout_hint="Download the template to see the expected columns.",
)

__all__ = ["ADMIN_MAX_ROWS", "ENTRIES_FILE", "MAX_FILE_BYTES", "MAX_ROWS", "ImportFileError", "TableRow", "read_rows"]


def read_rows(data: bytes, max_rows: int = MAX_ROWS) -> Table:
    """The file's rows; every problem with the file as a whole raises ImportFileError."""
    hint = (
        ""
        if max_rows >= MAX_ROWS
        else f" (an administrator can import up to {MAX_ROWS} at once with manage.py import_entries)"
    )
    return read_table(data, replace(ENTRIES_FILE, max_rows=max_rows, too_many_rows_hint=hint))
