"""
Check citation records against the Reference model, match them to references already in the library (by
DOI, then by title), and save the new ones all or nothing. Only fields the model has are written, so the
optional ones (kind, journal, volume, issue, pages) are set wherever a later version of the model adds them.
"""

import re
from dataclasses import dataclass, field

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.validators import URLValidator
from django.db import transaction

from catalogue.io.importing import RowError
from catalogue.models import Reference

from .parsing import CitationRecord

DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
OPTIONAL_FIELDS = ("kind", "journal", "volume", "issue", "pages")


@dataclass
class PlannedReference:
    record: CitationRecord
    values: dict
    existing: Reference | None = None  # the library's reference it matches, which is left as it is
    matched_by: str = ""


@dataclass
class ImportPlan:
    planned: list[PlannedReference] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def new(self):
        return [item for item in self.planned if item.existing is None]

    @property
    def matched(self):
        return [item for item in self.planned if item.existing is not None]


def normalise_doi(doi: str) -> str:
    return DOI_PREFIX.sub("", doi.strip()).lower()


def _title_key(title: str) -> str:
    return re.sub(r"\W+", " ", title).strip().lower()


def _model_has(name: str) -> bool:
    try:
        Reference._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


def check_record(record: CitationRecord) -> tuple[dict, list[RowError]]:
    """The Reference field values of one record, and every problem in it (named by record and field)."""
    raw, errors = record.values, []

    def problem(field_name, message):
        errors.append(RowError(record.number, field_name, f"{record.name}: {message}"))

    values = {
        "title": raw.get("title", ""),
        "authors": raw.get("authors", ""),
        "doi": normalise_doi(raw.get("doi", "")),
    }
    if not values["title"]:
        problem("title", "has no title. Add one in your citation manager and export it again.")
    if not values["authors"]:
        values["authors"] = "Not stated"
    year = raw.get("year", "")
    if year and not (year.isascii() and year.isdigit() and 1500 <= int(year) <= 2100):
        problem("year", f"the year '{year[:20]}' is not a four-digit year.")
    values["year"] = int(year) if year.isascii() and year.isdigit() and not errors else None
    url = raw.get("url", "") or (f"https://doi.org/{values['doi']}" if values["doi"] else "")
    try:
        if url:
            URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        problem("url", f"the URL '{url[:80]}' is not a web address (https://...).")
    values["url"] = url
    journal = raw.get("journal", "")
    values["publisher"] = journal or raw.get("publisher", "")
    for name in OPTIONAL_FIELDS:
        if raw.get(name) and _model_has(name):
            values[name] = raw[name]
    if "kind" in values and values["kind"] not in dict(Reference._meta.get_field("kind").choices or ()):
        del values["kind"]
    for name, value in values.items():
        limit = getattr(Reference._meta.get_field(name), "max_length", None)
        if limit and isinstance(value, str) and len(value) > limit:
            problem(name, f"the {name} is {len(value)} characters long; the most the library keeps is {limit}.")
    return values, errors


def plan_import(records: list[CitationRecord]) -> ImportPlan:
    """Check every record, refuse DOIs repeated in the text, and match each to the library where it can."""
    plan, seen_dois = ImportPlan(), {}
    for record in records:
        values, errors = check_record(record)
        doi = values["doi"]
        if doi and doi in seen_dois:
            errors.append(
                RowError(record.number, "doi", f"{record.name}: the DOI {doi} is also in {seen_dois[doi]}; remove one.")
            )
        elif doi:
            seen_dois[doi] = record.name
        plan.errors.extend(errors)
        if not errors:
            plan.planned.append(_matched(PlannedReference(record, values)))
    return plan


def _matched(item: PlannedReference) -> PlannedReference:
    doi, title = item.values["doi"], _title_key(item.values["title"])
    if doi:
        for reference in Reference.objects.filter(doi__iendswith=doi):
            if normalise_doi(reference.doi) == doi:
                item.existing, item.matched_by = reference, "DOI"
                return item
    for reference in Reference.objects.filter(title__icontains=item.values["title"][:40]):
        if _title_key(reference.title) == title:
            item.existing, item.matched_by = reference, "title"
            return item
    return item


@transaction.atomic
def save_plan(plan: ImportPlan) -> list[Reference]:
    """Create every new reference, or none: any failure rolls back the lot. Matched ones are not changed."""
    if plan.errors:
        raise ValueError("A plan with errors is never saved.")
    created = []
    for item in plan.new:
        reference = Reference(**item.values)
        reference.full_clean()
        reference.save()
        created.append(reference)
    return created
