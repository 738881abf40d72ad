"""
The import itself: check every row against the catalogue, then — only if every row is valid — create or
update the entries as drafts in one transaction and submit each changed one to the evidence review.
The admin view and `manage.py import_entries` both call `run_import`.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.html import escape
from django.utils.text import slugify
from wagtail.log_actions import log
from wagtail.models import Page
from wagtail.rich_text import RichText

from catalogue.io.importing import MAX_LISTED_PROBLEMS, RowError, capped, write_all_or_nothing
from catalogue.models import CatalogueIndexPage
from catalogue.models.entries import ENTRY_TYPES, REVIEW_INTERVAL_DAYS

from ..forms import RATING_FIELDS, can_rate_evidence
from ..models import ImportedEntry
from .reader import MAX_ROWS, ImportFileError, read_rows
from .rows import TAXONOMY_COLUMNS, CheckedRow, check_row
from .vocabulary import ImportVocabulary

__all__ = ["MAX_LISTED_PROBLEMS", "ImportReport", "RowOutcome", "run_import"]

# Tree bookkeeping Wagtail fills in when the page is added; not the editor's concern when checking a row.
TREE_FIELDS = [
    "path",
    "depth",
    "numchild",
    "url_path",
    "draft_title",
    "locale",
    "translation_key",
    "content_type",
    "live_revision",
    "latest_revision",
    "owner",
    "locked_by",
]


@dataclass
class RowOutcome:
    """What happened (or, in a check, would happen) to one row."""

    line: int
    identifier: str
    title: str = ""
    action: str = ""  # "create", "update", "unchanged" or "" when the row is invalid
    errors: list[str] = field(default_factory=list)
    page: Page | None = None


@dataclass
class ImportReport:
    """The result shown to the editor: a file-level error, or one outcome per row."""

    file_error: str = ""
    rows: list[RowOutcome] = field(default_factory=list)
    dry_run: bool = False
    written: bool = False

    @property
    def error_rows(self) -> list[RowOutcome]:
        return [row for row in self.rows if row.errors]

    @property
    def ok(self) -> bool:
        return not self.file_error and not self.error_rows

    @property
    def listed_rows(self) -> list[RowOutcome]:
        """The rows the report lists: every row, or when some have problems the first of those only."""
        return self.rows if self.ok else capped(self.error_rows)[0]

    @property
    def unlisted_problem_rows(self) -> int:
        return 0 if self.ok else capped(self.error_rows)[1]

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action and not row.errors)

    @property
    def count_created(self) -> int:
        return self.count("create")

    @property
    def count_updated(self) -> int:
        return self.count("update")

    @property
    def count_unchanged(self) -> int:
        return self.count("unchanged")


@dataclass
class _Plan:
    checked: CheckedRow
    outcome: RowOutcome
    page: Page  # new (unsaved) page or the latest draft of the existing one, with the row applied
    record: ImportedEntry | None


def run_import(data: bytes, user=None, dry_run: bool = False, max_rows: int = MAX_ROWS) -> ImportReport:
    """Check `data` (the CSV or .xlsx file's bytes) and, unless a row is invalid or `dry_run`, write every row."""
    report = ImportReport(dry_run=dry_run)
    try:
        rows = read_rows(data, max_rows).rows
    except ImportFileError as error:
        report.file_error = str(error)
        return report
    catalogue = CatalogueIndexPage.objects.first()
    if catalogue is None:
        report.file_error = "There is no catalogue page to import into yet."
        return report
    if user is not None and not catalogue.permissions_for_user(user).can_add_subpage():
        report.file_error = "You do not have permission to add catalogue entries."
        return report

    vocabulary = ImportVocabulary()
    checked_rows = [check_row(row, vocabulary) for row in rows]
    _flag_repeated_identifiers(checked_rows)
    records = {
        record.identifier: record
        for record in ImportedEntry.objects.filter(
            identifier__in=[row.identifier for row in checked_rows]
        ).select_related("page")
    }
    slugs = _SlugAllocator(catalogue)
    plans = []
    for checked in checked_rows:
        outcome = RowOutcome(
            checked.line, checked.identifier, checked.fields.get("title") or "", errors=list(checked.errors)
        )
        report.rows.append(outcome)
        if checked.is_valid:
            plan = _plan_row(checked, outcome, records.get(checked.identifier), catalogue, vocabulary, slugs, user)
            if plan is not None:
                plans.append(plan)
    problems = [RowError(row.line, "", message) for row in report.error_rows for message in row.errors]
    report.written = write_all_or_nothing(lambda: _write(plans, catalogue, user), problems, dry_run=dry_run)
    return report


def _flag_repeated_identifiers(checked_rows: list[CheckedRow]) -> None:
    lines = defaultdict(list)
    for row in checked_rows:
        if row.identifier:
            lines[row.identifier].append(row.line)
    for row in checked_rows:
        if len(lines[row.identifier]) > 1:
            others = ", ".join(str(line) for line in lines[row.identifier])
            row.errors.append(
                f"identifier: '{row.identifier}' is used on lines {others}; each entry needs its own identifier."
            )


class _SlugAllocator:
    """Slugs for new entries: from the title, unique among the catalogue's pages and this file's rows."""

    def __init__(self, catalogue):
        self.taken = set(catalogue.get_children().values_list("slug", flat=True))

    def allocate(self, title: str) -> str:
        base = slugify(title)[:240] or "entry"
        slug, suffix = base, 1
        while slug in self.taken:
            suffix += 1
            slug = f"{base}-{suffix}"
        self.taken.add(slug)
        return slug


def _plan_row(checked, outcome, record, catalogue, vocabulary, slugs, user) -> _Plan | None:
    page_class = ENTRY_TYPES[checked.entry_type]
    if record is None:
        page = page_class(live=False, evidence_level=vocabulary.not_yet_rated)
        # Let Wagtail's slug check see the catalogue as the parent before the page is in the tree.
        page.path, page.depth, page._cached_parent_obj = catalogue.path + "ZZZZ", catalogue.depth + 1, catalogue
        page.slug = slugs.allocate(checked.fields["title"])
        outcome.action = "create"
    else:
        existing = record.page.specific
        if not isinstance(existing, page_class):
            outcome.errors.append(
                f"type: this identifier is already a {existing.entry_type_label.lower()}; "
                "the type of an imported entry cannot change."
            )
            return None
        page = existing.get_latest_revision_as_object()
        outcome.page = existing
    before = _state(page)
    _apply(page, checked)
    after = _state(page)
    outcome.title = page.title
    if record is not None:
        outcome.action = "update" if after != before else "unchanged"
        if outcome.action == "unchanged":
            return _Plan(checked, outcome, page, record)  # nothing to write, so nothing to permit
        _check_may_edit(outcome, outcome.page, user)
    rating_changed = any(before.get(name) != after.get(name) for name in RATING_FIELDS)
    if record is None:
        rating_changed = (
            page.evidence_level != vocabulary.not_yet_rated or page.evidence_rationale or page.evidence_rated_on
        )
    if rating_changed and user is not None and not can_rate_evidence(user):
        outcome.errors.append(
            "evidence_level: only a reviewer can set or change an evidence rating; leave the "
            "evidence columns blank or as they are."
        )
    try:
        page.full_clean(exclude=TREE_FIELDS)
    except ValidationError as error:
        outcome.errors.extend(_messages(error))
    return None if outcome.errors else _Plan(checked, outcome, page, record)


def _check_may_edit(outcome, existing, user) -> None:
    """The same rules as the page editor: edit permission, and no lock (e.g. awaiting someone else's review)."""
    if user is None:
        return
    if not existing.permissions_for_user(user).can_edit():
        outcome.errors.append("You do not have permission to edit this entry.")
        return
    lock = existing.get_lock()
    if lock and lock.for_user(user):
        outcome.errors.append(f"The entry cannot be changed now: {lock.get_message(user)}")


def _apply(page, checked: CheckedRow) -> None:
    for name, value in checked.fields.items():
        if name == "body":
            text = (value or "").replace("\r\n", "\n")
            paragraphs = [part.strip() for part in text.split("\n\n") if part.strip()]
            value = [("paragraph", RichText(f"<p>{escape(part)}</p>")) for part in paragraphs]
        setattr(page, name, value)
    for name, terms in checked.links.items():
        setattr(page, name, terms)
    if checked.fields.get("last_reviewed") and not checked.fields.get("next_review_due"):
        # The catalogue's default (EntryPage.save): due two years after the last review.
        page.next_review_due = checked.fields["last_reviewed"] + datetime.timedelta(days=REVIEW_INTERVAL_DAYS)


def _state(page) -> dict:
    """The imported fields' values in comparable form, to tell an update from an unchanged row."""
    from .columns import COLUMN_NAMES

    state = {}
    for name in COLUMN_NAMES:
        if name in ("identifier", "type") or not hasattr(page, name):
            continue
        value = getattr(page, name)
        if name in TAXONOMY_COLUMNS:
            value = sorted(term.pk for term in value.all())
        elif name == "body":
            value = [(block.block_type, getattr(block.value, "source", str(block.value))) for block in value]
        elif hasattr(value, "pk"):
            value = value.pk
        state[name] = value
    return state


def _messages(error: ValidationError) -> list[str]:
    if not hasattr(error, "error_dict"):
        return list(error.messages)
    return [
        message if name == NON_FIELD_ERRORS else f"{name}: {message}"
        for name, messages in error.message_dict.items()
        for message in messages
    ]


def _write(plans: list[_Plan], catalogue, user) -> None:
    # New entries can have no workflow of their own yet: they all take the catalogue's.
    catalogue_workflow = catalogue.get_workflow()
    for plan in plans:
        if plan.outcome.action == "unchanged":
            continue
        page = plan.page
        if plan.record is None:
            page.has_unpublished_changes = True
            catalogue.add_child(instance=page)
            log(instance=page, action="wagtail.create", user=user)
            ImportedEntry.objects.create(identifier=plan.checked.identifier, page=page)
            workflow = catalogue_workflow
        else:
            plan.record.save()  # records when it was last imported
            workflow = page.get_workflow()
        # Already validated when the row was checked (and again by add_child's save).
        page.save_revision(user=user, log_action=True, clean=False)
        if workflow is not None and not page.workflow_in_progress:
            workflow.start(page, user)
        plan.outcome.page = page
