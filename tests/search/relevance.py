"""Recall@10 and the share of searches finding nothing, for any search function over the judged set."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.http import QueryDict

from .judged_queries import JUDGED_QUERIES, QUESTIONS

TOP = 10
JUDGED_SETS = {"short searches": JUDGED_QUERIES, "questions": QUESTIONS}


@dataclass
class Judgement:
    recall: float  # expected entries found in the first 10, over all expected entries
    zero_share: float  # share of queries that found nothing at all
    misses: list[tuple[str, list[str]]] = field(default_factory=list)  # (query, expected entries not found)
    zero_queries: list[str] = field(default_factory=list)


def judge(top_slugs, queries=JUDGED_QUERIES) -> Judgement:
    """`top_slugs(query)` returns (slugs of the first 10 results, total results)."""
    expected_total = found_total = 0
    misses, zero = [], []
    for query, expected in queries:
        top, total = top_slugs(query)
        missing = [slug for slug in expected if slug not in top[:TOP]]
        expected_total += len(expected)
        found_total += len(expected) - len(missing)
        if missing:
            misses.append((query, missing))
        if not total:
            zero.append(query)
    return Judgement(found_total / expected_total, len(zero) / len(queries), misses, zero)


def catalogue_top(query: str):
    """The catalogue search, as the catalogue page runs it."""
    from catalogue.search.engine import run_search
    from catalogue.search.query import CatalogueQuery
    from catalogue.search.snapshot import get_snapshot

    snapshot = get_snapshot()
    results = run_search(
        CatalogueQuery.from_params(QueryDict(urlencode({"q": query})), snapshot.known_values()), snapshot, TOP
    )
    return [entry.slug for entry in results.entries], results.total


def wagtail_top(query: str):
    """Wagtail's plain search over the same pages, as `wagtail start`'s search view runs it."""
    from wagtail.models import Page

    results = Page.objects.live().search(query)
    return [page.slug for page in results[:TOP]], results.count()
