"""
The one reader of the data wing's fixture files and its one error. Every loader reads a published CSV
with `read_rows`, which names the file and line of anything wrong; `FixtureError` stops the load and
the transaction around it leaves the previous data in place.
"""

import csv
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.db import connections, router

from catalogue.io.numbers import parse_int

# DfE's c (suppressed), x (not available) and z (not applicable); an empty flag means a published value.
DFE_FLAGS = {"c", "x", "z", ""}


class FixtureError(Exception):
    """A fixture file is missing or one of its rows cannot be read: the message names both."""


class _Position:
    """The file and line being read, so an error raised while converting a row can name them."""

    filename = ""
    line = 0


POSITION = _Position()


class Row(dict):
    """One CSV row (column -> text) that knows its file and line, so every error can say where it is."""

    def __init__(self, path: Path, line: int, values: dict):
        super().__init__(values)
        self.path, self.line = path, line

    def fail(self, message: str):
        raise FixtureError(f"{self.path}, line {self.line}: {message}")

    def text(self, column: str, *, required=True) -> str:
        value = (self.get(column) or "").strip()
        if required and not value:
            self.fail(f"'{column}' is empty")
        return value

    def integer(self, column: str, *, required=False) -> int | None:
        """A count: ASCII digits only (`int()` would accept '²'); None where the cell is empty."""
        raw = self.text(column, required=required)
        if not raw:
            return None
        value = parse_int(raw, minimum=0)
        if value is None:
            self.fail(f"'{column}' is not a whole number: {raw[:30]!r}")
        return value

    def year(self, column="year") -> int:
        value = parse_int(self.text(column), minimum=1990, maximum=2100)
        if value is None:
            self.fail(f"'{column}' is not a year: {self.get(column, '')[:30]!r}")
        return value

    def decimal(self, column: str) -> Decimal | None:
        """A non-negative rate, or None where the cell is empty."""
        raw = self.text(column, required=False)
        if not raw:
            return None
        try:
            value = Decimal(raw)
        except InvalidOperation:
            self.fail(f"'{column}' is not a number: {raw[:30]!r}")
        if not value.is_finite() or value < 0:
            self.fail(f"'{column}' is not a rate: {raw[:30]!r}")
        return value

    def flag(self, column: str, allowed=DFE_FLAGS) -> str:
        value = self.text(column, required=False)
        if value not in allowed:
            self.fail(f"'{column}' has an unknown flag {value[:10]!r}")
        return value


def replace_rows(model, objects) -> int:
    """Replace every row of a table with `objects` (inside the load's one transaction); returns how many."""
    delete_all(model)
    return insert_all(model, objects)


def delete_all(model) -> None:
    """
    Every row of a table, deleted inside a load. Where no other row refers to its rows, one DELETE that sends no
    signal per row: the load moves the data and content versions once itself (`load_all`), while Django's delete
    of a model with listeners read every row back and sent two signals for each, a bump of the content version
    among them (reloading every dataset over itself: 3.4 s, most of it in those deletes). A table that others
    refer to (the family justice areas, a few hundred rows) goes through Django's delete, which follows them.
    """
    if model._meta.related_objects or model._meta.many_to_many:
        model.objects.all().delete()
        return
    connection = connections[router.db_for_write(model)]
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")


def insert_all(model, objects) -> int:
    """
    `bulk_create`, except on SQLite: there one INSERT is run over every row (`executemany`). Django's SQLite
    backend allows 999 parameters a statement, so bulk_create compiled an INSERT for each batch of about 80
    rows, and that compiling was a third of the time of loading every dataset (3.5 s -> 2.4 s for the 50,000
    rows). On PostgreSQL bulk_create's many-row statements are faster than executemany (3.5 s against 4.4 s).
    Values are prepared by each field as bulk_create prepares them; the auto-incremented key is left to the
    database.
    """
    connection = connections[router.db_for_write(model)]
    if connection.vendor != "sqlite":
        return len(model.objects.bulk_create(objects))
    fields = [field for field in model._meta.concrete_fields if field is not model._meta.auto_field]
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(model._meta.db_table), ", ".join(quote(field.column) for field in fields), ", ".join(["%s"] * len(fields))
    )
    rows = [[field.get_db_prep_save(field.pre_save(obj, True), connection) for field in fields] for obj in objects]
    if rows:
        with connection.cursor() as cursor:
            cursor.executemany(sql, rows)
    return len(rows)


def replace_verbatim(model, rows, columns) -> int:
    """Replace a table of quoted figures with the file's rows in file order, each value kept as its text."""
    objects = (
        model(position=position, **{column: row[column] for column in columns})
        for position, row in enumerate(rows, start=1)
    )
    return replace_rows(model, objects)


def read_rows(path: Path, required_columns=()):
    """The rows of a UTF-8 CSV file with a header; line 1 is the header, so data start at line 2."""
    if not path.is_file():
        raise FixtureError(f"{path}: the file is missing.")
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = set(required_columns) - set(reader.fieldnames or [])
            if missing:
                raise FixtureError(f"{path}, line 1 (header): missing column(s) {', '.join(sorted(missing))}")
            for values in reader:
                POSITION.filename, POSITION.line = str(path), reader.line_num
                if None in values or None in values.values():
                    raise FixtureError(f"{path}, line {reader.line_num}: the row does not have one value per column.")
                yield Row(path, reader.line_num, values)
    except (UnicodeDecodeError, csv.Error) as error:
        raise FixtureError(f"{path}: cannot be read as UTF-8 CSV ({error})") from None
