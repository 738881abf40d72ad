"""
Which words the catalogue knows, for deciding whether a search's words may be kept (`records.py`).

The vocabularies (synonym terms; names of areas, stages, topics, outcomes, regions and local
authorities) are small and read once per content version. Any other word is looked up in the search
index as a whole word (on PostgreSQL, as its stem), in one statement for all of a search's words, and
the answer is remembered for the content version, so a repeated search asks nothing.
"""

from wagtail.search.backends import get_search_backend

from .fulltext import TextSearchUnavailable, adapter_for
from .words import words_of

MAX_REMEMBERED = 20_000  # words remembered per content version and process
VOCABULARY_WORDS_MEMO = "vocabulary words"  # the snapshot memo: the worker's file carries it (snapshot_files.py)


def vocabulary_words() -> frozenset[str]:
    """Every word of the synonym groups and of the vocabularies' names."""
    from ..models import AreaOfPractice, LocalAuthority, Outcome, Region, SearchSynonymGroup, Stage, Topic

    texts = [term for group in SearchSynonymGroup.objects.all() for term in group.term_list()]
    for model in (AreaOfPractice, Stage, Topic, Outcome, Region, LocalAuthority):
        texts += model.objects.values_list("name", flat=True)
    return frozenset(word for text in texts for word in words_of(text))


def known_words_for(snapshot):
    """A function: words -> the set of them the catalogue knows, at this snapshot's content version."""
    vocabulary = snapshot.memo(VOCABULARY_WORDS_MEMO, vocabulary_words)
    remembered: dict[str, bool] = snapshot.memo("known words", dict)

    def known(words: list[str]) -> set[str]:
        found = {word for word in words if word in vocabulary}
        # A number is kept only as part of a vocabulary term ("section 20"), never from entries' text.
        ask = [w for w in words if w not in found and w not in remembered and not any(c.isdigit() for c in w)]
        if ask:
            try:
                existing = adapter_for(get_search_backend()).existing_words(ask)
            except TextSearchUnavailable:
                return found
            if len(remembered) < MAX_REMEMBERED:
                remembered.update((word, word in existing) for word in ask)
            found |= existing
        return found | {word for word in words if remembered.get(word)}

    return known
