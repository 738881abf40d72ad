"""
An in-memory picture of the public catalogue, rebuilt only when it changes.

Each facet value is a numpy boolean mask over every live, public entry, so filtering and
disjunctive facet counts are a few vector operations whatever the number of entries or facet
values, and cost no SQL. The snapshot is rebuilt (a handful of queries) when the site's
`ContentVersion` moves; a request pays one small query to read it (`catalogue.caches`).
"""

from dataclasses import dataclass, field

import numpy as np
from django.contrib.contenttypes.models import ContentType

from ..caches import VersionedValue, register
from ..models import AreaOfPractice, EntryPage, EvidenceLevel, Region, Stage, Topic
from ..models.entries import ENTRY_TYPES
from .facets import FACETS_BY_PARAM


@dataclass(frozen=True)
class FacetValue:
    """One value of a facet: what the URL says, what people read, and which entries have it."""

    slug: str
    label: str
    mask: np.ndarray
    group: str = ""  # e.g. "research" / "practice" for evidence levels, "scope" for regions


@dataclass(frozen=True)
class Snapshot:
    """Every live public entry's id, facet values and sort keys, at one content version."""

    version: int
    ids: np.ndarray  # entry page ids, ascending
    facets: dict[str, list[FacetValue]]  # param -> values in display order
    orders: dict[str, np.ndarray]  # sort name -> positions in that order
    _matrices: dict[str, np.ndarray] = field(default_factory=dict, repr=False)
    _memo: dict = field(default_factory=dict, repr=False)

    def memo(self, key: str, compute):
        """`compute()` once per snapshot, i.e. once per content version and process."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    @property
    def size(self) -> int:
        return len(self.ids)

    def known_values(self) -> dict[str, set[str]]:
        return {param: {value.slug for value in values} for param, values in self.facets.items()}

    def locate(self, entry_ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(positions, found): where each id sits in the snapshot, and which ids are in it at all."""
        if not self.size:
            return np.zeros(len(entry_ids), dtype=np.int64), np.zeros(len(entry_ids), dtype=bool)
        positions = np.searchsorted(self.ids, entry_ids)
        positions[positions >= self.size] = 0
        return positions, self.ids[positions] == entry_ids

    def matrix(self, param: str) -> np.ndarray:
        """One facet's value masks stacked (values x entries), to count all values in one operation."""
        matrix = self._matrices.get(param)
        if matrix is None:
            masks = [value.mask for value in self.facets[param]]
            matrix = np.vstack(masks) if masks else np.zeros((0, self.size), dtype=bool)
            self._matrices[param] = matrix
        return matrix

    def mask_for(self, param: str, slugs) -> np.ndarray:
        mask = np.zeros(self.size, dtype=bool)
        for value in self.facets[param]:
            if value.slug in slugs:
                mask |= value.mask
        return mask


# The lambda finds `build_snapshot` (defined below) when it first builds.
_snapshots = register("search snapshot", VersionedValue(lambda version: build_snapshot(version)))


def get_snapshot() -> Snapshot:
    """The snapshot for the catalogue as it is now, rebuilt if something was published since."""
    return _snapshots.get()


def build_snapshot(version: int) -> Snapshot:
    rows = list(
        EntryPage.objects.live()
        .public()
        .order_by("pk")
        .values_list("pk", "title", "first_published_at", "evidence_level_id", "content_type_id")
    )
    ids = np.fromiter((row[0] for row in rows), dtype=np.int64, count=len(rows))
    snapshot = Snapshot(version=version, ids=ids, facets={}, orders={})

    def link_positions(relation: str) -> tuple[np.ndarray, np.ndarray]:
        through = EntryPage._meta.get_field(relation).remote_field.through
        entry_column = "entrypage_id"
        term_column = f"{EntryPage._meta.get_field(relation).related_model._meta.model_name}_id"
        pairs = np.array(list(through.objects.values_list(entry_column, term_column)), dtype=np.int64).reshape(-1, 2)
        positions, present = snapshot.locate(pairs[:, 0])
        return positions[present], pairs[present, 1]

    def masks_from_links(relation, terms) -> list[FacetValue]:
        positions, term_ids = link_positions(relation)
        values = []
        for term in terms:
            mask = np.zeros(len(ids), dtype=bool)
            mask[positions[term_ids == term.pk]] = True
            values.append(FacetValue(term.slug, term.name, mask, getattr(term, "kind", "")))
        return values

    snapshot.facets["area"] = masks_from_links("areas", AreaOfPractice.objects.all())
    snapshot.facets["stage"] = masks_from_links("stages", Stage.objects.all())
    snapshot.facets["region"] = masks_from_links("regions", Region.objects.order_by("kind", "sort_order", "name"))
    snapshot.facets["topic"] = masks_from_links("topics", Topic.objects.all())

    content_types = np.array([row[4] for row in rows], dtype=np.int64)
    snapshot.facets["type"] = [
        FacetValue(slug, model.entry_type_label, content_types == ContentType.objects.get_for_model(model).pk)
        for slug, model in ENTRY_TYPES.items()
    ]

    levels = list(EvidenceLevel.objects.all())
    level_ids = np.array([row[3] or 0 for row in rows], dtype=np.int64)
    snapshot.facets["evidence"] = [
        FacetValue(level.slug, level.name, level_ids == level.pk, level.kind) for level in levels
    ]

    snapshot.orders.update(_sort_orders(rows, {level.pk: level.rank for level in levels}))
    assert set(snapshot.facets) == set(FACETS_BY_PARAM)
    return snapshot


def _sort_orders(rows, rank_by_level) -> dict[str, np.ndarray]:
    titles = [row[1].casefold() for row in rows]
    by_title = np.array(sorted(range(len(rows)), key=titles.__getitem__), dtype=np.int64)
    title_rank = np.empty(len(rows), dtype=np.int64)
    title_rank[by_title] = np.arange(len(rows))
    unrated = max(rank_by_level.values(), default=0) + 1
    evidence_rank = np.array([rank_by_level.get(row[3], unrated) for row in rows], dtype=np.int64)
    published = np.array([row[2].timestamp() if row[2] else 0.0 for row in rows], dtype=np.float64)
    return {
        "title": by_title,
        "evidence": np.lexsort((title_rank, evidence_rank)),
        "newest": np.lexsort((title_rank, -published)),
        "title_rank": title_rank,
    }
