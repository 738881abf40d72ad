"""
Running an import all or nothing: check every row (never stopping at the first bad one), and write only
when no row failed, inside one transaction, so a file is either imported whole or leaves the database as
it was. Problems are `RowError`s; a report lists the first `MAX_LISTED_PROBLEMS` and counts the rest.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from django.db import transaction

from .errors import ImportFileError

# An error page lists this many problems and counts the rest: a file with thousands of bad rows must not
# make a page of megabytes (the first hundred show what to fix).
MAX_LISTED_PROBLEMS = 100

Row = TypeVar("Row")
Checked = TypeVar("Checked")


@dataclass(frozen=True)
class RowError:
    """One problem: with a row (its spreadsheet line) and maybe one of its columns, or with the whole file."""

    line: int | None  # None: the file as a whole
    column: str
    message: str

    def __str__(self) -> str:
        return f"{self.column}: {self.message}" if self.column else self.message


class RowInvalid(Exception):
    """Raised by a row check (or a write) with every problem found in that row."""

    def __init__(self, errors: Iterable[RowError]):
        self.errors = list(errors)
        super().__init__("; ".join(str(error) for error in self.errors))


def capped(items: list, limit: int = MAX_LISTED_PROBLEMS) -> tuple[list, int]:
    """The items a page lists, and how many more it only counts."""
    return items[:limit], max(0, len(items) - limit)


@dataclass
class ErrorReport:
    """Every problem an import found, for a page that lists the first ones and says "and N more"."""

    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def file_error(self) -> RowError | None:
        return next((error for error in self.errors if error.line is None), None)

    @property
    def listed_errors(self) -> list[RowError]:
        return capped(self.errors)[0]

    @property
    def unlisted_errors(self) -> int:
        return capped(self.errors)[1]

    def add_file_error(self, error: ImportFileError | str) -> None:
        self.errors.append(RowError(None, "", str(error)))


def check_rows(rows: Iterable[Row], check: Callable[[Row], Checked]) -> tuple[list[Checked], list[RowError]]:
    """`check` every row, collecting the problems of every row that raises RowInvalid."""
    checked, errors = [], []
    for row in rows:
        try:
            checked.append(check(row))
        except RowInvalid as invalid:
            errors += invalid.errors
    return checked, errors


def write_all_or_nothing(write: Callable[[], None], errors: list[RowError], *, dry_run: bool = False) -> bool:
    """
    Run `write` in one transaction, only if no row failed its check (and not for a dry run); True if it
    wrote. A RowInvalid raised while writing (a row that cannot be saved after all) rolls every row back
    and joins `errors`.
    """
    if errors or dry_run:
        return False
    try:
        with transaction.atomic():
            write()
    except RowInvalid as invalid:
        errors += invalid.errors
        return False
    return True


@dataclass
class ImportRun(Generic[Checked]):
    """What `import_all_or_nothing` did: the checked rows, every problem, and whether anything was written."""

    checked: list[Checked]
    errors: list[RowError]
    written: bool


def import_all_or_nothing(
    rows: Iterable[Row],
    check: Callable[[Row], Checked],
    write: Callable[[list[Checked]], None],
    *,
    dry_run: bool = False,
) -> ImportRun[Checked]:
    """Check every row, then write them all in one transaction, or nothing if any row failed."""
    checked, errors = check_rows(rows, check)
    written = write_all_or_nothing(lambda: write(checked), errors, dry_run=dry_run)
    return ImportRun(checked, errors, written)
