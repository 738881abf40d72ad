"""
Checking one CSV row and turning it into field values for an entry page. Nothing is written here: a row
comes back either as values or as a list of messages, each naming the column it is about.
"""

import datetime
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from catalogue.models import GuidancePage

from .columns import COLUMNS, ENTRY_TYPE_NAMES, LIST_SEPARATOR, REQUIRED_FOR_TYPE
from .reader import TableRow
from .vocabulary import ImportVocabulary

IDENTIFIER_PATTERN = re.compile(r"^[A-Za-z0-9._-]+$")
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")
TRUE_WORDS, FALSE_WORDS = {"yes", "y", "true", "1"}, {"no", "n", "false", "0", ""}
CHOICES = {"jurisdiction": GuidancePage.Jurisdiction, "status": GuidancePage.Status}
TAXONOMY_COLUMNS = ("areas", "stages", "topics", "regions", "local_authorities")


@dataclass
class CheckedRow:
    """A row after checking: its entry type, field values and taxonomy links, or its errors."""

    line: int
    identifier: str
    entry_type: str = ""
    fields: dict = field(default_factory=dict)
    links: dict = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    @property
    def is_valid(self) -> bool:
        return not self.errors


def check_row(row: TableRow, vocabulary: ImportVocabulary) -> CheckedRow:
    """Check every cell of one row, collecting every problem rather than stopping at the first."""
    if row.problem:
        return CheckedRow(row.line, "", errors=[row.problem])
    values = row.values
    checked = CheckedRow(row.line, values.get("identifier", ""))
    if not checked.identifier:
        checked.errors.append("identifier: required.")
    elif not IDENTIFIER_PATTERN.match(checked.identifier):
        checked.errors.append("identifier: use only letters, digits, '.', '_' and '-'.")
    checked.entry_type = ENTRY_TYPE_NAMES.get(values.get("type", "").strip().lower(), "")
    if not checked.entry_type:
        checked.errors.append(f"type: '{values.get('type', '')}' is not one of intervention, guidance, case-study.")
    for column in COLUMNS:
        if column.name in ("identifier", "type") or column.name not in values:
            continue
        raw = values[column.name]
        if column.types and checked.entry_type and checked.entry_type not in column.types:
            if raw:
                checked.errors.append(f"{column.name}: does not apply to a {checked.entry_type}; leave it blank.")
            continue
        required = column.required or column.name in REQUIRED_FOR_TYPE.get(checked.entry_type, [])
        if not raw:
            if required:
                checked.errors.append(f"{column.name}: required.")
            elif column.kind == "list":
                checked.links[column.name] = []
            elif column.name != "evidence_level":  # a blank rating keeps the entry's current one
                checked.fields[column.name] = None if column.kind == "date" else _blank(column)
            continue
        try:
            _convert(checked, column, raw, vocabulary)
        except ValidationError as error:
            checked.errors.extend(f"{column.name}: {message}" for message in error.messages)
    for column in REQUIRED_FOR_TYPE.get(checked.entry_type, []):
        if column not in values:
            checked.errors.append(f"{column}: required for a {checked.entry_type}.")
    return checked


def _blank(column):
    return False if column.kind == "boolean" else ""


def _convert(checked: CheckedRow, column, raw: str, vocabulary: ImportVocabulary) -> None:
    name = column.name
    if column.max_length and len(raw) > column.max_length:
        raise ValidationError(f"{len(raw)} characters; at most {column.max_length}.")
    if column.kind == "date":
        checked.fields[name] = parse_date(raw)
    elif column.kind == "url":
        URLValidator(schemes=["http", "https"], message="not a web address; it must start with https:// or http://.")(
            raw
        )
        checked.fields[name] = raw
    elif column.kind == "boolean":
        if raw.lower() not in TRUE_WORDS | FALSE_WORDS:
            raise ValidationError(f"'{raw}' is not yes or no.")
        checked.fields[name] = raw.lower() in TRUE_WORDS
    elif name == "evidence_level":
        level = vocabulary.look_up(name, raw)
        if level is None:
            raise ValidationError(f"unknown evidence level '{raw}'.")
        checked.fields[name] = level
    elif name in CHOICES:
        choices = CHOICES[name]
        match = next((value for value, label in choices.choices if raw.lower() in (value, label.lower())), None)
        if match is None:
            raise ValidationError(f"'{raw}' is not one of {', '.join(choices.values)}.")
        checked.fields[name] = match
    elif column.kind == "list":
        checked.links[name] = _look_up_terms(name, raw, vocabulary)
    else:
        checked.fields[name] = raw


def _look_up_terms(column: str, raw: str, vocabulary: ImportVocabulary) -> list:
    terms, unknown = [], []
    for value in (part.strip() for part in raw.split(LIST_SEPARATOR)):
        if not value:
            continue
        term = vocabulary.look_up(column, value)
        if term is None:
            unknown.append(value)
        elif term not in terms:
            terms.append(term)
    if unknown:
        noun = "value" if len(unknown) == 1 else "values"
        raise ValidationError(
            f"unknown {noun} {', '.join(repr(v) for v in unknown)}. Use the names, slugs or "
            "codes listed under Catalogue in the admin."
        )
    return terms


def parse_date(raw: str) -> datetime.date:
    for pattern in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(raw, pattern).date()
        except ValueError:
            continue
    raise ValidationError(f"'{raw}' is not a date; write it as YYYY-MM-DD (e.g. 2026-03-31) or DD/MM/YYYY.")
