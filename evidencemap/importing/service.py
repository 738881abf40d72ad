"""Import references all or nothing: if any row has a problem, nothing is written."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction

from catalogue.models import ReferenceOutcome

from .readers import ImportFileError, read_csv, read_ris
from .rows import RowValidator, ValidRow

READERS = {"csv": read_csv, "ris": read_ris}
# The error page lists this many problems and counts the rest, so a file of thousands of bad rows
# does not make a page of megabytes.
MAX_LISTED_PROBLEMS = 100


@dataclass
class ImportReport:
    """What an import found and (when there were no errors) did."""

    errors: list[tuple[str, str]] = field(default_factory=list)  # (where, message)
    created: int = 0
    updated: int = 0
    entries_drafted: int = 0
    rows: int = 0
    written: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def listed_errors(self) -> list[tuple[str, str]]:
        return self.errors[:MAX_LISTED_PROBLEMS]

    @property
    def unlisted_errors(self) -> int:
        return max(0, len(self.errors) - MAX_LISTED_PROBLEMS)


def guess_format(filename: str) -> str:
    return "ris" if filename.lower().endswith((".ris", ".txt")) else "csv"


def import_references(data: bytes, file_format: str, *, dry_run: bool = False, user=None) -> ImportReport:
    """
    Validate every row, then (unless `dry_run`) create or update the references in one
    transaction. A reference is matched to an existing one by DOI, else by title and year.
    """
    report = ImportReport()
    try:
        raw_rows = READERS[file_format](data)
    except ImportFileError as error:
        report.errors.append(("File", str(error)))
        return report
    except KeyError:
        report.errors.append(("File", f"Unknown format '{file_format}': use csv or ris."))
        return report
    if not raw_rows:
        report.errors.append(("File", "The file holds no references."))
        return report
    validator = RowValidator()
    valid = []
    for raw in raw_rows:
        row, errors = validator.validate(raw)
        if row:
            errors = _link_refusals(row, user)
        report.errors += [(raw["where"], message) for message in errors]
        if row:
            valid.append(row)
    report.rows = len(raw_rows)
    if report.errors or dry_run:
        return report
    try:
        with transaction.atomic():
            for row in valid:
                _write(row, report, user)
    except RowWriteError as error:  # rolled back: still nothing written
        report.errors.append((error.where, error.message))
        report.created = report.updated = report.entries_drafted = 0
        return report
    report.written = True
    return report


class RowWriteError(Exception):
    def __init__(self, where, message):
        super().__init__(message)
        self.where, self.message = where, message


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
            raise RowWriteError(
                row.where,
                f"Entry '{entry.slug}' cannot be saved as it stands "
                f"({'; '.join(error.messages)}): fix it in the admin first.",
            ) from None


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
