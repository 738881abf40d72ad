"""
What every full-text adapter shares: the catalogue's two questions asked in one statement each, and
the line between a database that is briefly unable to answer and an index that no longer looks as
the adapter expects.
"""

import logging

from django.contrib.contenttypes.models import ContentType

from ...models.entries import ENTRY_TYPES
from ..vocabulary import TextPlan

logger = logging.getLogger(__name__)

MAX_MATCHES = 100_000
TYPED_WEIGHT = 3.0


class TextSearchUnavailable(Exception):
    """The search backend failed for a passing reason; the catalogue can still filter without text search."""


class IndexAdapter:
    """
    Answers the catalogue's text questions from one search backend's index. A subclass spells a plan
    in its database's query language (`rows`) and says which of its database's errors pass (`is_transient`).
    """

    relies_on: dict = {}  # Wagtail's index models and the fields of them this adapter's SQL names

    def __init__(self, backend):
        self.backend = backend

    def match_entries(self, plan: TextPlan) -> dict[int, float]:
        """Every indexed entry (any status) matching every concept of `plan`, with a relevance score."""
        if not plan.concepts:
            return {}
        # With synonyms, the words as typed are matched again in the same statement, and entries
        # having them score twice: a synonym widens the search without outranking the words typed.
        plans = [plan] + ([plan.as_typed] if plan.as_typed else [])
        scores: dict[int, float] = {}
        for object_id, score, branch in self._answer(plans):
            scores[object_id] = scores.get(object_id, 0.0) + score * (TYPED_WEIGHT if branch else 1.0)
        return scores

    def match_most_concepts(self, plan: TextPlan) -> tuple[dict[int, float], int]:
        """
        For a search no entry fully matches ("care leavers becoming parents"): the entries matching the
        most of its concepts, with that number. One statement (a UNION ALL, one branch a concept), so a
        search costs at most two queries however many words it has.
        """
        concepts_found: dict[int, int] = {}
        scores: dict[int, float] = {}
        for object_id, score, _ in self._answer([TextPlan((concept,)) for concept in plan.concepts]):
            concepts_found[object_id] = concepts_found.get(object_id, 0) + 1
            scores[object_id] = scores.get(object_id, 0.0) + score
        most = max(concepts_found.values(), default=0)
        return {pk: scores[pk] for pk, found in concepts_found.items() if found == most}, most

    def rows(self, plans: list[TextPlan]) -> list[tuple[int, float, int]]:
        """(entry id, score, index of the plan matched) for every plan, in one statement."""
        raise NotImplementedError

    def is_transient(self, error: Exception) -> bool:
        """Whether `error` says the database could not answer now, rather than that the SQL no longer fits."""
        raise NotImplementedError

    def _answer(self, plans: list[TextPlan]) -> list[tuple[int, float, int]]:
        return self._reporting_failures(self.rows, plans)

    def _reporting_failures(self, ask, *args):
        try:
            return ask(*args)
        except Exception as error:
            # Only a passing failure becomes "text search unavailable". Anything else (a missing table
            # or column after a Wagtail upgrade) propagates, so it is seen at once, not absorbed.
            if not self.is_transient(error):
                raise
            logger.warning("Text search unavailable: %s", error, exc_info=True)
            raise TextSearchUnavailable(str(error)) from error


def entry_content_type_ids() -> list[int]:
    """The content types of the catalogue's entries (cached by Django after the first request)."""
    return [ct.pk for ct in ContentType.objects.get_for_models(*ENTRY_TYPES.values()).values()]
