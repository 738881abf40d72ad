"""
From what a practitioner typed to what the index is asked: the editors' synonym groups applied,
hyphen, space and joined variants, stop-words dropped. The same plan serves SQLite and PostgreSQL
(`text.py` only spells it in each database's query language), so both find the same entries.
"""

from dataclasses import dataclass

from .words import QUESTION_WORDS, STOP_WORDS, chunks_of, match_key, words_of

MAX_CONCEPTS = 12
MAX_ALTERNATIVES = 24
VOCABULARY_MEMO = "vocabulary"  # the snapshot memo: the worker's file carries it (snapshot_files.py)


@dataclass(frozen=True)
class Phrase:
    """Words that must appear together, in order ("section 20"); one word is a phrase too."""

    words: tuple[str, ...]


@dataclass(frozen=True)
class Concept:
    """One thing searched for: what was typed, and the phrases any one of which will do."""

    typed: str
    phrases: tuple[Phrase, ...]
    synonyms: tuple[str, ...] = ()  # the vocabulary's other terms, shown on the page
    typed_phrases: tuple[Phrase, ...] = ()  # the phrases for what was typed itself, ranked higher


@dataclass(frozen=True)
class TextPlan:
    """Every concept must be found (AND); within a concept any phrase will do (OR)."""

    concepts: tuple[Concept, ...]
    ignored: tuple[str, ...] = ()  # common words left out ("the", "of")
    asking: tuple[str, ...] = ()  # words that ask rather than say what is wanted ("what", "works"), left out

    @property
    def synonyms_used(self) -> list[tuple[str, tuple[str, ...]]]:
        return [(concept.typed, concept.synonyms) for concept in self.concepts if concept.synonyms]

    @property
    def as_typed(self) -> "TextPlan | None":
        """The plan without synonyms, or None if no synonym was used: entries matching the words
        as typed rank above those matching only a synonym ("pre-birth" above "antenatal")."""
        if not any(concept.synonyms for concept in self.concepts):
            return None
        return TextPlan(tuple(Concept(c.typed, c.typed_phrases or c.phrases) for c in self.concepts))

    @property
    def words(self) -> list[str]:
        return [concept.typed for concept in self.concepts]


class Vocabulary:
    """The editors' synonym groups, looked up by match key; a term in two groups gets both."""

    def __init__(self, groups: list[list[str]]):
        self.terms_by_key: dict[str, list[str]] = {}
        self.longest = 1
        for group in groups:
            for term in group:
                words = words_of(term)
                if not words:
                    continue
                self.longest = max(self.longest, len(words))
                known = self.terms_by_key.setdefault(match_key(words), [])
                known.extend(t for t in group if t not in known)

    def lookup(self, words: list[str]) -> list[str] | None:
        return self.terms_by_key.get(match_key(words))


def plan_text(text: str, vocabulary: Vocabulary) -> TextPlan:
    """
    The concepts in `text`: longest vocabulary terms first, then each remaining part on its own. Words
    that only ask ("what works", "is there anything", "help for") are left out, unless nothing else is
    left to search for.
    """
    plan = _plan(text, vocabulary, QUESTION_WORDS)
    if plan.concepts or not plan.asking:
        return plan
    return _plan(text, vocabulary, frozenset())


def _plan(text: str, vocabulary: Vocabulary, asking_words: frozenset[str]) -> TextPlan:
    tokens = [(word, n) for n, chunk in enumerate(chunks_of(text)) for word in chunk]
    words = [word for word, _ in tokens]
    concepts, ignored, asking, i = [], [], [], 0
    while i < len(tokens) and len(concepts) < MAX_CONCEPTS:
        for j in range(min(len(tokens), i + vocabulary.longest + 1), i, -1):
            terms = vocabulary.lookup(words[i:j])
            if terms:
                typed = " ".join(words[i:j])
                others = tuple(t for t in terms if match_key(words_of(t)) != match_key(words[i:j]))
                as_typed = [words_of(t) for t in terms if t not in others]
                concepts.append(
                    Concept(
                        typed,
                        _askable(_alternatives([words_of(t) for t in terms])),
                        others,
                        _askable(_alternatives(as_typed + [words[i:j]])),
                    )
                )
                i = j
                break
        else:
            chunk = [word for word, n in tokens[i:] if n == tokens[i][1]]
            if len(chunk) == 1 and chunk[0] in STOP_WORDS:
                ignored.append(chunk[0])
            elif len(chunk) == 1 and chunk[0] in asking_words:
                asking.append(chunk[0])
            else:
                # "pre-birth" is also looked for as "prebirth"; "s.20" only as "s20" (see _alternatives)
                variants = [chunk, ["".join(chunk)]] if len(chunk) > 1 else [chunk]
                concepts.append(Concept("-".join(chunk) if len(chunk) > 1 else chunk[0], _alternatives(variants)))
            i += len(chunk)
    return TextPlan(tuple(concepts), tuple(ignored), tuple(dict.fromkeys(asking)))


def _alternatives(variants: list[list[str]]) -> tuple[Phrase, ...]:
    phrases = []
    for words in variants:
        if len(words) > 1 and any(len(word) == 1 for word in words):
            # A lone letter is a stop word to PostgreSQL and begins everything: "s 20" is searched as "s20".
            words = ["".join(words)]
        phrase = Phrase(tuple(words))
        if phrase not in phrases:
            phrases.append(phrase)
    return tuple(phrases[:MAX_ALTERNATIVES])


def _askable(phrases: tuple[Phrase, ...]) -> tuple[Phrase, ...]:
    """
    A synonym term's phrases as both databases can ask them. PostgreSQL indexes no stop words and
    to_tsquery drops them silently, so a term beginning or ending with one widens there: "further
    removals" became every "removal" (each law entry on removing a child then had the concept of
    repeat removals), "parents-to-be" every "parent". Such a term is asked without its outer stop words
    on both databases ("had a child removed" as "child removed"), and left out if one word is all that
    is left, since the editor's phrase meant less than that word does. A stop word inside a phrase
    stays ("children taken into care"): PostgreSQL keeps its place. If nothing is left, the phrases
    are kept as written (a group of nothing but such terms still finds what it used to).
    """
    kept = []
    for phrase in phrases:
        words = list(phrase.words)
        while len(words) > 1 and words[0] in STOP_WORDS:
            words.pop(0)
        while len(words) > 1 and words[-1] in STOP_WORDS:
            words.pop()
        trimmed = Phrase(tuple(words))
        if (len(words) > 1 or len(phrase.words) == 1) and trimmed not in kept:
            kept.append(trimmed)
    return tuple(kept) or phrases


def vocabulary_for(snapshot) -> Vocabulary:
    """The synonym groups as they were at this snapshot's content version (an edit moves it on)."""
    from ..models import SearchSynonymGroup

    return snapshot.memo(
        VOCABULARY_MEMO, lambda: Vocabulary([group.term_list() for group in SearchSynonymGroup.objects.all()])
    )
