"""Any other search backend (OpenSearch, Elasticsearch, Wagtail's plain database fallback): its own `.search()`."""

from django.db import DatabaseError, OperationalError

from ...models import EntryPage
from ..vocabulary import TextPlan
from .base import MAX_MATCHES, ConceptMatches, IndexAdapter


class WagtailSearch(IndexAdapter):
    """
    Asks the backend through Wagtail's public search API, which reads no private table. Search
    engines already rank in one pass; Wagtail's plain database fallback only filters.
    """

    def match_entries(self, plan: TextPlan) -> dict[int, float]:
        if not plan.concepts:
            return {}
        return self._reporting_failures(self._search, " ".join(plan.words))

    def match_concepts(self, plan: TextPlan) -> ConceptMatches:
        # Counting concepts takes one statement over the index, which only the database adapters have.
        return ConceptMatches({}, {}, tuple(False for _ in plan.concepts))

    def existing_words(self, words: list[str]) -> set[str]:
        return set()  # a search engine's term list is not read here: no word is known, none is kept

    def is_transient(self, error: Exception) -> bool:
        # A search engine's client raises its own classes (connection refused, timeout) with no common
        # base to name here, and this adapter reads no schema of its own: those pass, as do the
        # database's operational errors. A database error of any other kind is a fault to see.
        return isinstance(error, OperationalError) or not isinstance(error, DatabaseError)

    def _search(self, text: str) -> dict[int, float]:
        results = self.backend.search(text, EntryPage.objects.live()).annotate_score("_score")[:MAX_MATCHES]
        return {page.pk: float(page._score or 0.0) for page in results}
