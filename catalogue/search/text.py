"""
Full-text matching for the catalogue, scored in a single pass over the search backend's index.

The work is done by the adapter for the configured Wagtail search backend (`fulltext/`): SQLite and
PostgreSQL read Wagtail's index tables in one statement; any other backend goes through Wagtail's
`.search()`. A passing database failure raises `TextSearchUnavailable` (the catalogue then filters
without text); an index that no longer looks as the adapter expects raises the database's own error.
"""

from wagtail.search.backends import get_search_backend

from .fulltext import ConceptMatches, TextSearchUnavailable, adapter_for
from .vocabulary import TextPlan

__all__ = ["ConceptMatches", "TextSearchUnavailable", "match_concepts", "match_entries", "match_most_concepts"]


def match_entries(plan: TextPlan) -> dict[int, float]:
    """Every indexed entry (any status) matching every concept of `plan`, with a relevance score."""
    if not plan.concepts:
        return {}
    return adapter_for(get_search_backend()).match_entries(plan)


def match_most_concepts(plan: TextPlan) -> tuple[dict[int, float], int]:
    """The entries matching the most of the plan's concepts, with that number (see `IndexAdapter`)."""
    return adapter_for(get_search_backend()).match_most_concepts(plan)


def match_concepts(plan: TextPlan) -> ConceptMatches:
    """Every entry matching any of the plan's concepts, with how many it has (see `IndexAdapter`)."""
    return adapter_for(get_search_backend()).match_concepts(plan)
