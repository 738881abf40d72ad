"""Runs a `CatalogueQuery` against the snapshot: results, disjunctive facet counts, one page."""

import math
from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import urlencode

import numpy as np
from django.db.models import F

from ..caches import content_version, previous_version_served
from ..models import EntryPage
from ..models.visibility import without_private
from .asking_for import answer_types
from .coverage import ENOUGH, by_coverage, favouring_answers
from .facets import FACETS, PAGE_SIZE
from .known_words import known_words_for
from .match_cache import TextMatchCache
from .notices import Notice, NoticeCode, notice
from .query import CatalogueQuery
from .records import record_search
from .snapshot import Snapshot
from .text import TextSearchUnavailable, match_concepts, match_entries
from .vocabulary import TextPlan, plan_text, vocabulary_for

BROWSE_FACETS = ("stage", "area")
_text_masks = TextMatchCache.for_process("text matches")  # (content version, plan) -> matches and scores


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
    page: int  # the page shown: the one asked for, or the last if it asked past the end
    page_count: int
    page_size: int = PAGE_SIZE
    page_ids: list[int] = field(default_factory=list)  # the page's entries, in result order
    facets: dict[str, list[FacetOption]] = field(default_factory=dict)
    text_search_unavailable: bool = False
    ordered_ids: np.ndarray | None = None
    plan: TextPlan | None = None
    text_matches: int = 0  # entries the words found before any filter
    without_filter: dict[str, int] = field(default_factory=dict)  # facet param -> total if it were dropped
    snapshot: Snapshot | None = field(default=None, repr=False)
    notices: tuple[Notice, ...] = ()  # what the search itself found to say (the query has its own)
    words_not_found: tuple[str, ...] = ()  # words of the search no entry has, left out of it

    @cached_property
    def entries(self) -> list:
        """The page's entries, loaded when first asked for (the catalogue page shows kept cards: `cards.py`)."""
        return load_entries(self.page_ids)

    @property
    def recommended(self) -> list:
        """What editors recommend for these words (`recommended.py`), on the first page only."""
        from .recommended import recommended_for

        if not self.query.text or self.page != 1 or self.snapshot is None:
            return []
        return recommended_for(self.query.text, self.snapshot)

    @property
    def words_not_used(self) -> dict[str, tuple[str, ...]]:
        """What the page says it could not use: words that only ask, and words no entry has."""
        asking = self.plan.asking if self.plan and self.plan.concepts else ()
        return {"asking": asking, "not_found": self.words_not_found}

    @property
    def all_notices(self) -> tuple[Notice, ...]:
        """Everything the page tells the reader: what the request could not use, then what the search found."""
        return self.query.notices + self.notices

    @property
    def filter_drops(self) -> list[dict]:
        """Each selected facet that removed results: dropping it, and how many entries that gives."""
        drops = []
        for facet in FACETS:
            count = self.without_filter.get(facet.param, 0)
            if count > self.total:
                labels = [o.label for o in self.facets.get(facet.param, []) if o.selected]
                drops.append(
                    {"facet": facet.label, "labels": labels, "count": count, "url": self.query.url_without(facet.param)}
                )
        return drops

    @property
    def browse(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """Ways into the whole catalogue for an empty result: every stage and area, as links."""
        return [
            (
                facet.label,
                [
                    (option.label, "?" + urlencode([(facet.param, option.slug)]))
                    for option in self.facets.get(facet.param, [])
                ],
            )
            for facet in FACETS
            if facet.param in BROWSE_FACETS
        ]

    @property
    def suggestion(self):
        """A "Did you mean …?" spelling for a search that found little, or None."""
        from .suggestions import LITTLE, suggest

        if self.plan is None or not self.plan.concepts or self.text_matches > LITTLE or self.snapshot is None:
            return None
        return suggest(self.query, self.snapshot)

    @property
    def chips(self) -> list[dict]:
        """The selected filters as removable links, text query first."""
        chips = []
        if self.query.text:
            chips.append(
                {"facet": "Search words", "label": f"‘{self.query.text}’", "remove_url": self.query.url_without("q")}
            )
        for facet in FACETS:
            for option in self.facets.get(facet.param, []):
                if option.selected:
                    chips.append(
                        {
                            "facet": facet.label,
                            "label": facet.chip_wording.format(label=option.label),
                            "remove_url": self.query.url_without(facet.param, option.slug),
                        }
                    )
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


def run_search(
    query: CatalogueQuery, snapshot: Snapshot, page_size: int = PAGE_SIZE, tiers: np.ndarray | None = None
) -> CatalogueResults:
    """
    Every entry matching `query` in order, the facet counts and the page asked for (the last page if
    it asked past the end). It reads the query and never changes it: the page actually shown is
    `results.page` and what the search has to tell the reader is `results.notices`. `tiers` (one
    integer per snapshot position) lists lower tiers first, each in the sort's order: a search for
    a place lists its local examples before national guidance (`catalogue.places.search`).
    """
    plan = plan_text(query.text, vocabulary_for(snapshot)) if query.text else None
    notices = _plan_notices(plan)
    answers = answer_types(query.text) if plan and plan.concepts else ()
    text_mask, scores, unavailable, (concepts_matched, not_found) = _text_mask(plan, snapshot, answers)
    if plan and 0 < concepts_matched < len(plan.concepts):
        notices.append(notice(NoticeCode.PARTIAL_MATCH, matched=concepts_matched, terms=len(plan.concepts)))
    selected = {param: snapshot.mask_for(param, values) for param, values in query.filters.items() if values}

    matched = text_mask.copy()
    for mask in selected.values():
        matched &= mask

    facets, without_filter = _facet_counts(query, text_mask, selected, snapshot)
    ordered = _ordered_positions(query.sort, matched, scores, snapshot)
    if tiers is not None:
        ordered = ordered[np.argsort(tiers[ordered], kind="stable")]
    total = len(ordered)
    page_count = max(1, math.ceil(total / page_size))
    page = query.page
    if page > page_count:
        notices.append(notice(NoticeCode.PAGE_PAST_END, asked=page, last=page_count))
        page = page_count
    start = (page - 1) * page_size
    page_ids = [int(i) for i in snapshot.ids[ordered[start : start + page_size]]]
    if previous_version_served() and snapshot.version != content_version():
        page_ids = _still_public(page_ids)
    return CatalogueResults(
        query=query,
        total=total,
        page=page,
        page_count=page_count,
        page_size=page_size,
        page_ids=page_ids,
        facets=facets,
        text_search_unavailable=unavailable,
        ordered_ids=snapshot.ids[ordered],
        plan=plan,
        without_filter=without_filter,
        snapshot=snapshot,
        text_matches=int(np.count_nonzero(text_mask)) if plan and plan.concepts else snapshot.size,
        notices=tuple(notices),
        words_not_found=tuple(plan.concepts[i].typed for i in not_found) if plan else (),
    )


def log_search(results: CatalogueResults) -> None:
    """
    Count a search in the search log (`records.py`) so editors see which words found little. Kept out
    of `run_search` so that searching changes nothing (bar its caches): only the catalogue page logs,
    never the API, exports or feed. Only searches whose words were searched count, and only on the
    first page asked for (a later page is the same search continued, not a new one).
    """
    plan = results.plan
    if plan and plan.concepts and results.query.page == 1 and not results.text_search_unavailable:
        record_search(results.query.text, results.text_matches, known=known_words_for(results.snapshot))


def _facet_counts(query: CatalogueQuery, text_mask: np.ndarray, selected: dict, snapshot: Snapshot):
    """Every facet value's count, and for each selected facet the total if it were dropped."""
    facets, without_filter = {}, {}
    for facet in FACETS:
        # Disjunctive counts: a facet's own selection does not narrow its own counts.
        base = text_mask.copy()
        for param, mask in selected.items():
            if param != facet.param:
                base &= mask
        chosen = query.filters.get(facet.param, ())
        if chosen:
            without_filter[facet.param] = int(np.count_nonzero(base))
        counts = np.count_nonzero(snapshot.matrix(facet.param) & base, axis=1)  # all values at once
        facets[facet.param] = [
            FacetOption(value.slug, value.label, int(count), value.slug in chosen, value.group)
            for value, count in zip(snapshot.facets[facet.param], counts, strict=True)
        ]
    return facets, without_filter


def _plan_notices(plan: TextPlan | None) -> list[Notice]:
    """A notice when the words hold nothing the index can search for (all entries are then shown)."""
    if plan is None or plan.concepts:
        return []
    if plan.ignored:
        return [notice(NoticeCode.ONLY_COMMON_WORDS, words=tuple(plan.ignored[:5]))]
    return [notice(NoticeCode.NO_SEARCHABLE_CHARACTERS)]


def _text_mask(plan: TextPlan | None, snapshot: Snapshot, answers: tuple[str, ...] = ()):
    """
    (mask of matching entries, their scores, whether text search failed, (concepts each result has at
    least, positions of concepts no entry has)). `answers`: the entry types the question asks for.
    """
    if plan is None or not plan.concepts:
        return np.ones(snapshot.size, dtype=bool), None, False, (0, ())
    key = _match_key(snapshot, plan, answers)
    cached = _text_masks.get(key)
    if cached is None:
        try:
            cached = _matched(plan, snapshot, answers)
        except TextSearchUnavailable:
            return np.ones(snapshot.size, dtype=bool), None, True, (0, ())
        # Popular searches repeat: keep what they matched until the catalogue changes (the version
        # is part of the key). Failures are never kept.
        _text_masks.put(key, *cached)
    positions, match_scores, concepts_matched = cached
    mask = np.zeros(snapshot.size, dtype=bool)
    mask[positions] = True
    scores = np.zeros(snapshot.size, dtype=np.float64)
    scores[positions] = match_scores
    return mask, scores, False, concepts_matched


def _match_key(snapshot: Snapshot, plan: TextPlan, answers: tuple[str, ...]) -> tuple:
    return (snapshot.version, plan.concepts, answers)


def _matched(plan: TextPlan, snapshot: Snapshot, answers: tuple[str, ...]) -> tuple:
    """(positions, scores, concepts matched): what the text-match cache keeps for one search."""
    matches, concepts_matched = _matches(plan, _entries_of_types(snapshot, answers), snapshot.size)
    return (*_matched_positions(matches, snapshot), concepts_matched)


def text_matches_for(snapshot: Snapshot, texts: list[str], max_bytes: int) -> list[tuple]:
    """
    (cache key, cached value) for each search in `texts` on `snapshot`, as a search keeps them, up to
    `max_bytes` of matches: the worker works out the popular searches with the snapshot it builds, so that
    they are still quick on the first request after a publish (`snapshot_files.py`).
    """
    pairs, total, vocabulary = [], 0, vocabulary_for(snapshot)
    for text in texts:
        plan = plan_text(text, vocabulary)
        if not plan.concepts:
            continue
        answers = answer_types(text)
        try:
            cached = _matched(plan, snapshot, answers)
        except TextSearchUnavailable:
            return pairs
        total += cached[0].nbytes + cached[1].nbytes
        if total > max_bytes:
            break
        pairs.append((_match_key(snapshot, plan, answers), cached))
    return pairs


def keep_text_matches(pairs: list[tuple]) -> None:
    """Hold matches worked out elsewhere (`text_matches_for`) as if this process had searched for them."""
    for key, (positions, scores, concepts_matched) in pairs:
        _text_masks.put(key, positions, scores, concepts_matched)


def _matches(
    plan: TextPlan, answers: frozenset[int], catalogue_size: int
) -> tuple[dict[int, float], tuple[int, tuple[int, ...]]]:
    """
    Entries having every concept; if fewer than ENOUGH do, those having the most (`coverage.py`).
    `answers`: entries of the kind the question asks for, ranked up (`coverage.ANSWER_WORTH`);
    `catalogue_size`: the entries searched, for what a common concept is worth (`coverage.concept_worth`).
    """
    concepts = len(plan.concepts)
    matches = match_entries(plan)
    if concepts == 1 or len(matches) >= ENOUGH:
        return favouring_answers(matches, concepts, answers), (concepts, ())
    coverage = by_coverage(match_concepts(plan), concepts, answers, catalogue_size)
    if not coverage.scores:
        return favouring_answers(matches, concepts, answers), (concepts, coverage.not_found)
    return coverage.scores, (coverage.needed, coverage.not_found)


def _entries_of_types(snapshot: Snapshot, types: tuple[str, ...]) -> frozenset[int]:
    """The ids of the snapshot's entries of these types (from the type facet's masks: no SQL)."""
    if not types or "type" not in snapshot.facets:
        return frozenset()
    return frozenset(int(pk) for pk in snapshot.ids[snapshot.mask_for("type", types)])


def _matched_positions(matches: dict[int, float], snapshot: Snapshot):
    """Only what matched: snapshot positions (int32) and scores (float32), a few bytes an entry."""
    ids = np.fromiter(matches.keys(), dtype=np.int64, count=len(matches))
    match_scores = np.fromiter(matches.values(), dtype=np.float64, count=len(matches))
    positions, found = snapshot.locate(ids)
    return positions[found].astype(np.int32), match_scores[found].astype(np.float32)


def _ordered_positions(sort: str, matched: np.ndarray, scores, snapshot: Snapshot) -> np.ndarray:
    if sort == "relevance" and scores is not None:
        positions = np.flatnonzero(matched)
        title_rank = snapshot.orders["title_rank"][positions]
        return positions[np.lexsort((title_rank, -scores[positions]))]
    order = snapshot.orders.get(sort, snapshot.orders["evidence"])
    return order[matched[order]]


def _still_public(page_ids: list[int]) -> list[int]:
    """A previous version's snapshot may list an entry withdrawn or made private since: never show it."""
    public = set(
        without_private(EntryPage.objects.live()).filter(pk__in=page_ids).order_by().values_list("pk", flat=True)
    )
    return [pk for pk in page_ids if pk in public]


def load_entries(page_ids: list[int]) -> list[EntryPage]:
    """The entries for one page of results, in result order, with what the result cards show."""
    entries = (
        # order_by(): Wagtail orders pages by tree path, which makes SQLite walk the whole path
        # index (14 ms at 100,000 entries) instead of looking up twenty ids; order is restored below.
        EntryPage.objects.filter(pk__in=page_ids)
        .order_by()
        .select_related("evidence_level")
        .prefetch_related("areas", "regions", "stages")
        # Guidance shows its status instead of a rating badge (a left join: one query still).
        .annotate(guidance_status=F("guidancepage__guidance_status"))
    )
    by_id = {entry.pk: entry for entry in entries}
    return [by_id[pk] for pk in page_ids if pk in by_id]
