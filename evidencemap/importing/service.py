"""Import references all or nothing: if any row has a problem, nothing is written."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError

from catalogue.io.importing import (
    MAX_LISTED_PROBLEMS,
    ErrorReport,
    RowError,
    RowInvalid,
    check_rows,
    write_all_or_nothing,
)
from catalogue.models import ReferenceOutcome

from .readers import ImportFileError, read_csv, read_ris
from .rows import RowValidator, ValidRow

READERS = {"csv": read_csv, "ris": read_ris}
__all__ = ["MAX_LISTED_PROBLEMS", "ImportReport", "guess_format", "import_references"]


@dataclass
class ImportReport(ErrorReport):
    """What an import found and (when there were no errors) did."""

    created: int = 0
    updated: int = 0
    entries_drafted: int = 0
    rows: int = 0
    written: bool = False
    row_unit: str = "Row"  # "Record" for RIS

    def where(self, error: RowError) -> str:
        return "File" if error.line is None else f"{self.row_unit} {error.line}"

    @property
    def problems(self) -> list[tuple[str, str]]:
        """Every problem as (where, message): ("Row 4", "...") or ("File", "...")."""
        return [(self.where(error), str(error)) for error in self.errors]

    @property
    def listed_problems(self) -> list[tuple[str, str]]:
        return [(self.where(error), str(error)) for error in self.listed_errors]


def guess_format(filename: str) -> str:
    return "ris" if filename.lower().endswith((".ris", ".txt")) else "csv"


def import_references(data: bytes, file_format: str, *, dry_run: bool = False, user=None) -> ImportReport:
    """
    Validate every row, then (unless `dry_run`) create or update the references in one
    transaction. A reference is matched to an existing one by DOI, else by title and year.
    """
    report = ImportReport(row_unit="Record" if file_format == "ris" else "Row")
    if file_format not in READERS:
        report.add_file_error(f"Unknown format '{file_format}': use csv or ris.")
        return report
    try:
        raw_rows = READERS[file_format](data)
    except ImportFileError as error:
        report.add_file_error(error)
        return report
    if not raw_rows:  # a CSV with no rows is refused by its reader; an RIS file may hold no records
        report.add_file_error("The file holds no references.")
        return report
    validator = RowValidator()

    def check(raw: dict) -> ValidRow:
        row, messages = validator.validate(raw)
        messages = messages or _link_refusals(row, user)
        if messages:
            raise RowInvalid(RowError(raw["line"], "", message) for message in messages)
        return row

    valid, report.errors = check_rows(raw_rows, check)
    report.rows = len(raw_rows)
    report.written = write_all_or_nothing(lambda: _write_all(valid, report, user), report.errors, dry_run=dry_run)
    if not report.written:
        report.created = report.updated = report.entries_drafted = 0  # counted by a write rolled back
    return report


def _write_all(rows: list[ValidRow], report: ImportReport, user) -> None:
    for row in rows:
        _write(row, report, user)


def _write(row: ValidRow, report: ImportReport, user):
    reference = row.reference
    if reference.pk:
        report.updated += 1
    else:
        report.created += 1
    reference.save()
    # The file is the record of what the study measured: replace the outcome list as a whole.
    ReferenceOutcome.objects.filter(reference=reference).delete()
    ReferenceOutcome.objects.bulk_create(
        ReferenceOutcome(reference=reference, outcome=outcome, direction=direction, sort_order=order)
        for order, (outcome, direction) in enumerate(row.findings)
    )
    for entry in row.entries:
        try:
            report.entries_drafted += _draft_link(entry, reference, user)
        except ValidationError as error:
            message = (
                f"Entry '{entry.slug}' cannot be saved as it stands "
                f"({'; '.join(error.messages)}): fix it in the admin first."
            )
            raise RowInvalid([RowError(row.line, "", message)]) from None


def _link_refusals(row: ValidRow, user) -> list[str]:
    """
    Linking saves a new revision of each entry, so the same rules as the page editor and the entry importer
    apply: the user may edit the entry, and nobody else holds a lock on it (e.g. it awaits their review).
    Entries the reference is already linked to get no revision and need no check. `user` None is the
    command line, run by an administrator.
    """
    if user is None:
        return []
    problems = []
    for entry in row.entries:
        page = entry.specific
        if row.reference.pk and row.reference in page.get_latest_revision_as_object().references.all():
            continue
        if not page.permissions_for_user(user).can_edit():
            problems.append(
                f"Entry '{entry.slug}': you do not have permission to edit it, so this reference "
                "cannot be linked to it."
            )
            continue
        lock = page.get_lock()
        if lock and lock.for_user(user):
            problems.append(f"Entry '{entry.slug}' cannot be changed now: {lock.get_message(user)}")
    return problems


def _draft_link(entry, reference, user) -> int:
    """
    Link the reference to an entry in a new *draft* revision: the link reaches the public site
    (and the evidence map) only when an editor publishes the entry, through the usual review.
    """
    page = entry.specific.get_latest_revision_as_object()
    current = list(page.references.all())
    if reference in current:
        return 0
    page.references = current + [reference]
    page.save_revision(user=user, log_action=True)
    return 1
