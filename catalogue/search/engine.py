"""Runs a `CatalogueQuery` against the snapshot: results, disjunctive facet counts, one page."""

import functools
import math
from dataclasses import dataclass, field

import numpy as np

from ..models import EntryPage
from .facets import FACETS, PAGE_SIZE
from .query import CatalogueQuery
from .snapshot import Snapshot
from .text import TextSearchUnavailable, match_entries


@dataclass
class FacetOption:
    """A facet value as the filter panel shows it."""

    slug: str
    label: str
    count: int
    selected: bool
    group: str = ""


@dataclass
class CatalogueResults:
    """Everything the catalogue page shows for one query."""

    query: CatalogueQuery
    total: int
    page: int
    page_count: int
    page_size: int = PAGE_SIZE
    entries: list = field(default_factory=list)
    facets: dict[str, list[FacetOption]] = field(default_factory=dict)
    text_search_unavailable: bool = False
    ordered_ids: np.ndarray | None = None

    @property
    def chips(self) -> list[dict]:
        """The selected filters as removable links, text query first."""
        chips = []
        if self.query.text:
            chips.append({"facet": "Search words", "label": f"‘{self.query.text}’",
                          "remove_url": self.query.url_without("q")})
        for facet in FACETS:
            for option in self.facets.get(facet.param, []):
                if option.selected:
                    chips.append({"facet": facet.label, "label": option.label,
                                  "remove_url": self.query.url_without(facet.param, option.slug)})
        return chips

    @property
    def first_number(self) -> int:
        return (self.page - 1) * self.page_size + 1

    @property
    def previous_page(self) -> int:
        return self.page - 1

    @property
    def next_page(self) -> int:
        return self.page + 1

    @property
    def page_window(self) -> list[int | None]:
        """Page numbers to link: first, last and two either side of the current (None = gap)."""
        wanted = {1, self.page_count} | set(range(self.page - 2, self.page + 3))
        numbers = sorted(n for n in wanted if 1 <= n <= self.page_count)
        window: list[int | None] = []
        for number in numbers:
            if window and number - window[-1] > 1:
                window.append(None)
            window.append(number)
        return window


def run_search(query: CatalogueQuery, snapshot: Snapshot, page_size: int = PAGE_SIZE) -> CatalogueResults:
    text_mask, scores, unavailable = _text_mask(query.text, snapshot)
    selected = {param: snapshot.mask_for(param, values) for param, values in query.filters.items() if values}

    matched = text_mask.copy()
    for mask in selected.values():
        matched &= mask

    facets = {}
    for facet in FACETS:
        # Disjunctive counts: a facet's own selection does not narrow its own counts.
        base = text_mask.copy()
        for param, mask in selected.items():
            if param != facet.param:
                base &= mask
        chosen = query.filters.get(facet.param, ())
        facets[facet.param] = [
            FacetOption(value.slug, value.label, int(np.count_nonzero(base & value.mask)),
                        value.slug in chosen, value.group)
            for value in snapshot.facets[facet.param]
        ]

    ordered = _ordered_positions(query.sort, matched, scores, snapshot)
    total = len(ordered)
    page_count = max(1, math.ceil(total / page_size))
    if query.page > page_count:
        query.notices.append(f"There is no page {query.page}; showing page {page_count}, the last.")
        query.page = page_count
    start = (query.page - 1) * page_size
    page_ids = [int(i) for i in snapshot.ids[ordered[start:start + page_size]]]
    return CatalogueResults(
        query=query, total=total, page=query.page, page_count=page_count, page_size=page_size,
        entries=load_entries(page_ids), facets=facets, text_search_unavailable=unavailable,
        ordered_ids=snapshot.ids[ordered],
    )


def _text_mask(text: str, snapshot: Snapshot):
    everything = np.ones(snapshot.size, dtype=bool)
    if not text:
        return everything, None, False
    try:
        matches = _cached_matches(text, snapshot.version)
    except TextSearchUnavailable:
        return everything, None, True
    positions = snapshot.positions(matches.keys())
    mask = np.zeros(snapshot.size, dtype=bool)
    mask[positions] = True
    scores = np.zeros(snapshot.size, dtype=np.float64)
    scores[positions] = [matches[int(i)] for i in snapshot.ids[positions]]
    return mask, scores, False


@functools.lru_cache(maxsize=256)
def _cached_matches(text: str, version: int) -> dict[int, float]:
    # Popular searches repeat; their matches are reused until the catalogue changes (the version
    # is part of the key). Failures are not cached: lru_cache does not store raised exceptions.
    return match_entries(text)


def _ordered_positions(sort: str, matched: np.ndarray, scores, snapshot: Snapshot) -> np.ndarray:
    if sort == "relevance" and scores is not None:
        positions = np.flatnonzero(matched)
        title_rank = snapshot.orders["title_rank"][positions]
        return positions[np.lexsort((title_rank, -scores[positions]))]
    order = snapshot.orders.get(sort, snapshot.orders["evidence"])
    return order[matched[order]]


def load_entries(page_ids: list[int]) -> list[EntryPage]:
    """The entries for one page of results, in result order, with what the result cards show."""
    entries = (
        EntryPage.objects.filter(pk__in=page_ids)
        .select_related("evidence_level")
        .prefetch_related("areas", "regions", "stages")
    )
    by_id = {entry.pk: entry for entry in entries}
    return [by_id[pk] for pk in page_ids if pk in by_id]
