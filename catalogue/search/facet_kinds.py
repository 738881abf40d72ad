"""
The kinds of facet, each knowing how to read its values and which entries have each value.

A facet is declared once (`catalogue.search.facets`); from its kind come the snapshot's masks (one
boolean mask over the live entries per value), its open-data record field (exports, API) and that
field's type, and the vocabulary model whose edits refresh the snapshot and which editors manage.
Two kinds cover the catalogue: a vocabulary an entry links to (many-to-many, or one term through a
foreign key) and the entry's page type.
"""

from dataclasses import dataclass
from functools import cached_property

import numpy as np
from django.contrib.contenttypes.models import ContentType
from typing_extensions import TypedDict  # pydantic reads its fields (typing.TypedDict only on 3.12+)

from ..models import EntryPage
from ..models.entries import ENTRY_TYPES

SLUGS = "One or more slugs; see /api/v1/taxonomies/. Repeat the parameter for several (any of them matches)."


class Term(TypedDict):
    """A vocabulary value in an open-data record: its URL slug and its name."""

    slug: str
    name: str


@dataclass(frozen=True)
class FacetValue:
    """One value of a facet: what the URL says, what people read, and which entries have it."""

    slug: str
    label: str
    mask: np.ndarray
    group: str = ""  # e.g. "research" / "practice" for evidence levels, "scope" for regions
    tagged: np.ndarray | None = None  # for a nested vocabulary, the entries tagged with this very term


@dataclass(frozen=True)
class EntryColumns:
    """The live public entries in snapshot order (ascending id) and the columns the facets asked for."""

    ids: np.ndarray
    columns: dict[str, np.ndarray]  # EntryPage column -> one integer per entry (0 for null)

    def positions(self, entry_ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        return locate(self.ids, entry_ids)


def locate(ids: np.ndarray, entry_ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(positions, found): where each of `entry_ids` sits in the sorted `ids`, and which are there at all."""
    if not len(ids):
        return np.zeros(len(entry_ids), dtype=np.int64), np.zeros(len(entry_ids), dtype=bool)
    positions = np.searchsorted(ids, entry_ids)
    positions[positions >= len(ids)] = 0
    return positions, ids[positions] == entry_ids


@dataclass(frozen=True)
class Facet:
    """
    What every facet declares: its URL parameter and its label. A kind adds how the values and
    each entry's values are read (`read`, `record_reader`), the record field (`field`, also the
    export column and API field) and its type (`record_type`), and the `vocabulary` model, if any.
    """

    param: str
    label: str

    vocabulary = None
    entry_columns = ()  # EntryPage columns the snapshot and records read for it
    description = SLUGS  # what the API's description says about the parameter
    chip_wording = "{label}"  # how a selected value reads among the selected filters

    @property
    def field(self) -> str:
        raise NotImplementedError

    @property
    def record_type(self) -> type:
        raise NotImplementedError

    def read(self, entries: EntryColumns) -> list[FacetValue]:
        """Every value, in display order, with the mask of entries that have it."""
        raise NotImplementedError

    def record_reader(self):
        """A function from (entry ids, their rows by id) to each entry's record value; made once a request."""
        raise NotImplementedError


@dataclass(frozen=True)
class VocabularyFacet(Facet):
    """
    Terms of a vocabulary model an entry links to through `relation`, an EntryPage field: a
    many-to-many field (the record holds a list of terms) or a foreign key (one term or none).
    Values are listed in `ordering` (default: the model's own), grouped by the `group` field if any.
    """

    relation: str = ""
    ordering: tuple[str, ...] = ()
    group: str = ""
    slug_field: str = "slug"
    name_field: str = "name"

    @cached_property
    def _relation(self):
        return EntryPage._meta.get_field(self.relation)

    @property
    def vocabulary(self):
        return self._relation.related_model

    @property
    def many(self) -> bool:
        return self._relation.many_to_many

    @property
    def field(self) -> str:
        return self.relation

    @property
    def entry_columns(self) -> tuple[str, ...]:
        return () if self.many else (self._relation.attname,)

    @property
    def record_type(self) -> type:
        return list[Term] if self.many else Term | None

    def _terms(self) -> list:
        terms = self.vocabulary.objects.all()
        return list(terms.order_by(*self.ordering) if self.ordering else terms)

    def _record(self, term) -> Term:
        return {"slug": str(getattr(term, self.slug_field)), "name": str(getattr(term, self.name_field))}

    def _links(self, entry_ids=None):
        """(entry id, term id) pairs from the relation's link table, for some entries or all."""
        through = self._relation.remote_field.through
        links = through.objects.order_by("pk")
        if entry_ids is not None:
            links = links.filter(entrypage_id__in=entry_ids)
        return links.values_list("entrypage_id", f"{self.vocabulary._meta.model_name}_id")

    def read(self, entries: EntryColumns) -> list[FacetValue]:
        if self.many:
            pairs = np.array(list(self._links()), dtype=np.int64).reshape(-1, 2)
            positions, present = entries.positions(pairs[:, 0])
            positions, term_ids = positions[present], pairs[present, 1]
        else:
            term_column = entries.columns[self._relation.attname]
        values = []
        for term in self._terms():
            if self.many:
                mask = np.zeros(len(entries.ids), dtype=bool)
                mask[positions[term_ids == term.pk]] = True
            else:
                mask = term_column == term.pk
            record = self._record(term)
            group = str(getattr(term, self.group)) if self.group else ""
            values.append(FacetValue(record["slug"], record["name"], mask, group))
        return values

    def record_reader(self):
        terms = {term.pk: self._record(term) for term in self._terms()}
        if not self.many:
            column = self._relation.attname
            return lambda ids, rows: {pk: terms.get(rows[pk][column]) for pk in ids if pk in rows}

        def linked_terms(ids, rows):
            chosen = {pk: [] for pk in ids}
            for entry_id, term_id in self._links(ids):
                chosen[entry_id].append(terms[term_id])
            return chosen

        return linked_terms


@dataclass(frozen=True)
class EntryTypeFacet(Facet):
    """The kind of entry (intervention, guidance, case study): its page type, one per entry."""

    entry_columns = ("content_type_id",)

    @property
    def field(self) -> str:
        return "type"

    @property
    def record_type(self) -> type:
        return str

    @property
    def description(self) -> str:
        slugs = list(ENTRY_TYPES)
        return f"{', '.join(slugs[:-1])} or {slugs[-1]}."

    @staticmethod
    def _content_types() -> dict[str, int]:
        return {slug: ContentType.objects.get_for_model(model).pk for slug, model in ENTRY_TYPES.items()}

    def read(self, entries: EntryColumns) -> list[FacetValue]:
        content_types = entries.columns["content_type_id"]
        return [
            FacetValue(slug, ENTRY_TYPES[slug].entry_type_label, content_types == type_id)
            for slug, type_id in self._content_types().items()
        ]

    def record_reader(self):
        slugs = {type_id: slug for slug, type_id in self._content_types().items()}
        return lambda ids, rows: {pk: slugs.get(rows[pk]["content_type_id"], "") for pk in ids if pk in rows}


@dataclass(frozen=True)
class NestedVocabularyFacet(VocabularyFacet):
    """
    A vocabulary whose terms lie within wider ones (`within`, a many-to-many field of the vocabulary
    model to itself): a term's value is every entry tagged with it or with any term containing it,
    so `?region=wales` means "applies in Wales" (Wales, Wales-wide, England and Wales). The masks are
    widened when the snapshot is built (one query more then), so filters and counts cost nothing extra.
    Records still hold the terms editors tagged: what an entry is about.
    """

    within: str = "within"
    chip_wording = "Applies in {label}"
    description = SLUGS + " A value also matches entries tagged with a wider term containing it (applies there)."

    def containing(self) -> dict[str, set[str]]:
        """Term slug -> the slugs of every term containing it, directly or through another."""
        through = getattr(self.vocabulary, self.within).through
        name = self.vocabulary._meta.model_name
        pairs = through.objects.values_list(f"from_{name}__{self.slug_field}", f"to_{name}__{self.slug_field}")
        direct: dict[str, set[str]] = {}
        for inner, outer in pairs:
            direct.setdefault(str(inner), set()).add(str(outer))
        closed = {}
        for slug in direct:
            found, level = set(), set(direct[slug])
            while level - found:
                found |= level
                level = {outer for inner in level for outer in direct.get(inner, ())}
            closed[slug] = found - {slug}
        return closed

    def read(self, entries: EntryColumns) -> list[FacetValue]:
        tagged = super().read(entries)
        by_slug = {value.slug: value.mask for value in tagged}
        containing = self.containing()
        values = []
        for value in tagged:
            mask = value.mask.copy()
            for outer in containing.get(value.slug, ()):
                if outer in by_slug:
                    mask |= by_slug[outer]
            values.append(FacetValue(value.slug, value.label, mask, value.group, tagged=value.mask))
        return values
