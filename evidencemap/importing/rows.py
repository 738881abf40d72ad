"""Check each raw row on its own and against the file; collect every problem, row by row."""

import datetime
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError

from catalogue.io.numbers import parse_int
from catalogue.models import EntryPage, Outcome, Reference, ReferenceOutcome

DOI_PATTERN = re.compile(r"^10\.\d{4,9}/\S+$")


@dataclass
class ValidRow:
    """A row that passed every check, ready to write."""

    line: int
    reference: Reference  # unsaved, or an existing one with updated fields
    findings: list[tuple[Outcome, str]] = field(default_factory=list)
    entries: list[EntryPage] = field(default_factory=list)


def _lookup(choices) -> dict[str, str]:
    """Accept a choice by its stored value or its label, in any case ('rct', 'Randomised controlled trial')."""
    table = {}
    for value, label in choices:
        for key in (value, label, value.replace("_", " ")):
            table[key.casefold()] = value
    return table


class RowValidator:
    """Everything needed to check rows, loaded in a few queries up front."""

    def __init__(self):
        self.designs = _lookup(Reference.Design.choices)
        self.directions = _lookup(ReferenceOutcome.Direction.choices)
        self.outcomes = {}
        for outcome in Outcome.objects.all():
            self.outcomes[outcome.slug.casefold()] = outcome
            self.outcomes[outcome.name.casefold()] = outcome
        self.entries = {}
        for entry in EntryPage.objects.only("pk", "slug", "title"):
            self.entries.setdefault(entry.slug, []).append(entry)
        self.by_doi = {ref.doi.casefold(): ref for ref in Reference.objects.exclude(doi="")}
        self.by_title = {(ref.title.casefold(), ref.year): ref for ref in Reference.objects.all()}
        self.seen = {}

    def validate(self, raw: dict) -> tuple[ValidRow | None, list[str]]:
        if raw.get("error"):
            return None, [raw["error"]]
        errors = []
        year = self._year(raw.get("year", ""), errors)
        design = raw.get("design", "") or Reference.Design.OTHER
        if design.casefold() not in self.designs:
            errors.append(f"Unknown study design '{design}'. Use one of: {', '.join(Reference.Design.values)}.")
        sample_size = self._sample_size(raw.get("sample_size", ""), errors)
        doi = raw.get("doi", "").removeprefix("https://doi.org/").strip()
        if doi and not DOI_PATTERN.match(doi):
            errors.append(f"'{doi}' is not a DOI (they look like 10.1234/abcd).")
        title = raw.get("title", "")
        reference = self._existing(doi, title, year) or Reference()
        for name, value in {
            "authors": raw.get("authors", ""),
            "title": title,
            "year": year,
            "publisher": raw.get("publisher", ""),
            "url": raw.get("url", ""),
            "doi": doi,
            "design": self.designs.get(design.casefold(), design),
            "country": raw.get("country", ""),
            "sample_size": sample_size,
        }.items():
            setattr(reference, name, value)
        try:
            # Design, year and sample size were checked above with clearer messages.
            reference.full_clean(
                exclude=["design", "year", "sample_size"], validate_unique=False, validate_constraints=False
            )
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                errors += [f"{name.replace('_', ' ').capitalize()}: {message}" for message in messages]
        findings = self._findings(raw.get("outcomes", ""), errors)
        entries = self._entries(raw.get("entries", ""), errors)
        self._check_duplicate(raw["where"], doi, title, year, errors)
        if errors:
            return None, errors
        return ValidRow(raw["line"], reference, findings, entries), []

    def _year(self, text, errors):
        if not text:
            return None
        this_year = datetime.date.today().year
        year = parse_int(text, minimum=1800, maximum=this_year + 1)
        if year is None:
            errors.append(f"Year '{text}' is not a year between 1800 and {this_year + 1}.")
        return year

    def _sample_size(self, text, errors):
        text = text.replace(",", "")
        if not text:
            return None
        size = parse_int(text, minimum=1)
        if size is None:
            errors.append(f"Sample size '{text}' must be a whole number above zero (leave it blank if not reported).")
        return size

    def _findings(self, text, errors) -> list[tuple[Outcome, str]]:
        findings, seen = [], set()
        for part in filter(None, (piece.strip() for piece in text.split(";"))):
            name, _, direction = (piece.strip() for piece in part.partition(":"))
            outcome = self.outcomes.get(name.casefold())
            value = self.directions.get((direction or ReferenceOutcome.Direction.NOT_RECORDED).casefold())
            if outcome is None:
                errors.append(f"Unknown outcome '{name}'.")
            elif outcome.pk in seen:
                errors.append(f"Outcome '{name}' is given twice.")
            if value is None:
                errors.append(
                    f"Unknown direction of effect '{direction}' for '{name}'. Use one of: "
                    f"{', '.join(ReferenceOutcome.Direction.values)}."
                )
            if outcome is not None and value is not None and outcome.pk not in seen:
                seen.add(outcome.pk)
                findings.append((outcome, value))
        return findings

    def _entries(self, text, errors) -> list[EntryPage]:
        entries = []
        for slug in filter(None, (piece.strip() for piece in text.split(";"))):
            matches = self.entries.get(slug, [])
            if len(matches) != 1:
                errors.append(
                    f"No catalogue entry has the slug '{slug}'."
                    if not matches
                    else f"More than one entry has the slug '{slug}'."
                )
            else:
                entries.append(matches[0])
        return entries

    def _existing(self, doi, title, year):
        return (self.by_doi.get(doi.casefold()) if doi else None) or self.by_title.get((title.casefold(), year))

    def _check_duplicate(self, where, doi, title, year, errors):
        keys = {"DOI": ("doi", doi.casefold())} if doi else {}
        keys["title and year"] = ("title", title.casefold(), year)
        for label, key in keys.items():
            if key in self.seen:
                errors.append(f"Repeats {self.seen[key].lower()} (same {label}).")
                return
        for key in keys.values():
            self.seen[key] = where
