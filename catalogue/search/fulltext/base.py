"""
What every full-text adapter shares: the catalogue's two questions asked in one statement each, and
the line between a database that is briefly unable to answer and an index that no longer looks as
the adapter expects.
"""

import logging
import math
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType

from ...models.entries import ENTRY_TYPES
from ..vocabulary import Concept, TextPlan

logger = logging.getLogger(__name__)

MAX_MATCHES = 100_000
TYPED_WEIGHT = 3.0


@dataclass(frozen=True)
class ConceptMatches:
    """For each entry matching any of a plan's concepts: its score and which of the concepts it has."""

    scores: dict[int, float]
    covered: dict[int, int]  # entry id -> bit i set if it has concept i
    found: tuple[bool, ...]  # per concept: whether any entry has it

    def count(self, pk: int) -> int:
        return self.covered.get(pk, 0).bit_count()


class TextSearchUnavailable(Exception):
    """The search backend failed for a passing reason; the catalogue can still filter without text search."""


class IndexAdapter:
    """
    Answers the catalogue's text questions from one search backend's index. A subclass spells a plan
    in its database's query language (`rows`) and says which of its database's errors pass (`is_transient`).
    """

    relies_on: dict = {}  # Wagtail's index models and the fields of them this adapter's SQL names
    scores_count_rarity = True  # whether the database's score already weighs rare words up (bm25 does)

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

    def match_concepts(self, plan: TextPlan) -> ConceptMatches:
        """
        For a search few entries fully match ("what works to stop repeat removals"): every entry having
        any of its concepts, with how many it has. One statement (a UNION ALL, one branch a concept, and
        one more for the words as typed of each concept with synonyms), so a search costs at most two
        queries however many words it has.
        """
        concepts = plan.concepts
        typed = [i for i, concept in enumerate(concepts) if concept.synonyms]
        plans = [TextPlan((concept,)) for concept in concepts]
        plans += [TextPlan((Concept(c.typed, c.typed_phrases or c.phrases),)) for c in (concepts[i] for i in typed)]
        covered: dict[int, int] = {}
        found = [False] * len(concepts)
        rows = self._answer(plans)
        for object_id, _, branch in rows:
            if branch < len(concepts):
                covered[object_id] = covered.get(object_id, 0) | (1 << branch)
                found[branch] = True
        rarity = self._rarity(rows, len(plans))
        scores: dict[int, float] = {}
        for object_id, score, branch in rows:
            weight = TYPED_WEIGHT if branch >= len(concepts) else 1.0
            scores[object_id] = scores.get(object_id, 0.0) + score * weight * rarity[branch]
        return ConceptMatches(scores, covered, tuple(found))

    def _rarity(self, rows: list[tuple[int, float, int]], branches: int) -> list[float]:
        """
        Each branch's weight for a score that, unlike bm25, does not count how rare a word is (ts_rank):
        log((entries found + 1) / (entries the branch found + 0.5)), as bm25's inverse document
        frequency, so a concept every entry has ("baby") does not outweigh the one the question is
        about. Each branch counts its own entries: the words as typed ("antenatal") are rarer than the
        concept with its synonyms (perinatal, postnatal, pre-birth), as bm25 finds them on SQLite; giving
        the typed branch the whole concept's weight ranked an entry having a common word ("parents")
        above one having the word asked for. 1 for every branch where the score already counts rarity.
        """
        if self.scores_count_rarity:
            return [1.0] * branches
        having = [set() for _ in range(branches)]
        for object_id, _, branch in rows:
            having[branch].add(object_id)
        found = len(set().union(*having))
        return [math.log((found + 1) / (len(ids) + 0.5)) if ids else 0.0 for ids in having]

    def match_most_concepts(self, plan: TextPlan) -> tuple[dict[int, float], int]:
        """The entries matching the most of the plan's concepts, with that number."""
        matches = self.match_concepts(plan)
        most = max((matches.count(pk) for pk in matches.covered), default=0)
        return {pk: matches.scores[pk] for pk in matches.covered if matches.count(pk) == most}, most

    def existing_words(self, words: list[str]) -> set[str]:
        """Which of `words` an indexed entry has as a word (its stem on PostgreSQL), never as a prefix only."""
        if not words:
            return set()
        return {words[i] for i in self._reporting_failures(self.word_rows, words)}

    def word_rows(self, words: list[str]) -> list[int]:
        """The positions in `words` of those found, in one statement."""
        raise NotImplementedError

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
