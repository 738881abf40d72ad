"""
"Did you mean …?": spellings from the catalogue's own words (entry titles and summaries, the editors'
synonym terms, and the names and descriptions of its vocabularies: areas, stages, topics, outcomes,
regions, local authorities), offered as a link when a search finds little. The same lexicon says
which words a search record may keep (`records.py`).
"""

from collections import Counter
from dataclasses import dataclass
from urllib.parse import urlencode

from .query import CatalogueQuery
from .words import STOP_WORDS, words_of

LITTLE = 2  # offer a spelling when the words found this many entries or fewer
MAX_DISTANCE = 2
SOUNDEX = str.maketrans("bfpvcgjkqsxzdtlmnr", "111122222222334556")


@dataclass(frozen=True)
class Suggestion:
    text: str
    url: str


class Lexicon:
    """Every word of the public catalogue's titles and summaries, with how many entries use it."""

    def __init__(self, texts: list[tuple[str, str]], extra_terms: list[str]):
        self.entries_using: Counter = Counter()
        self.in_titles: set[str] = set()
        for title, summary in texts:
            title_words = set(words_of(title))
            self.in_titles |= title_words
            self.entries_using.update(title_words | set(words_of(summary)))
        for term in extra_terms:
            self.in_titles.update(words_of(term))
            self.entries_using.update(words_of(term))
        self.by_initial: dict[str, list[str]] = {}
        for word in self.entries_using:
            if len(word) > 2 and not word.isdigit():
                self.by_initial.setdefault(word[0], []).append(word)

    def knows(self, word: str) -> bool:
        return word in self.entries_using

    def closest(self, word: str) -> str | None:
        """The likeliest intended word: fewest edits, less for sounding alike and for title words; then commonest."""
        limit = 1 if len(word) <= 4 else MAX_DISTANCE
        best, best_score = None, None
        for candidate in self.by_initial.get(word[0], ()):
            if abs(len(candidate) - len(word)) > MAX_DISTANCE:
                continue
            distance = edit_distance(word, candidate, MAX_DISTANCE)
            if distance > MAX_DISTANCE or (distance > limit and _sound(candidate) != _sound(word)):
                continue
            # Names of programmes and guidance (title words) are what people most often mistype.
            in_title = candidate in self.in_titles
            score = (
                distance - 0.5 * (_sound(candidate) == _sound(word)) - 1.0 * in_title,
                not in_title,
                -self.entries_using[candidate],
                candidate,
            )
            if best_score is None or score < best_score:
                best, best_score = candidate, score
        return best

    def split(self, word: str) -> str | None:
        """A joined word the catalogue writes as two ("prebirth" -> "pre birth")."""
        for cut in range(2, len(word) - 1):
            left, right = word[:cut], word[cut:]
            if self.knows(left) and self.knows(right) and left not in STOP_WORDS and len(right) > 2:
                return f"{left}-{right}"
        return None


def _sound(word: str) -> str:
    digits = word[1:].translate(SOUNDEX)
    code, last = word[0], ""
    for digit in digits:
        if digit.isdigit() and digit != last:
            code += digit
        last = digit if digit.isdigit() else ""
    return code[:4]


def edit_distance(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein distance (adjacent swaps count one), giving up past `limit`."""
    previous2, previous = None, list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def vocabulary_texts() -> list[tuple[str, str]]:
    """(name, description) of every term of the catalogue's vocabularies (the outcome "Contraception")."""
    from ..models import AreaOfPractice, LocalAuthority, Outcome, Region, Stage, Topic

    texts = []
    for model in (AreaOfPractice, Stage, Topic, Outcome, Region):
        texts += model.objects.values_list("name", "description")
    return texts + [(name, "") for name in LocalAuthority.objects.values_list("name", flat=True)]


def lexicon_for(snapshot) -> Lexicon:
    from ..models import EntryPage, SearchSynonymGroup
    from ..models.visibility import without_private

    def build():
        texts = list(without_private(EntryPage.objects.live()).values_list("title", "summary"))
        terms = [term for group in SearchSynonymGroup.objects.all() for term in group.term_list()]
        # Vocabulary names count as title words (names are what people mistype), descriptions as summaries.
        return Lexicon(texts + vocabulary_texts(), terms)

    return snapshot.memo("lexicon", build)


def suggest(query: CatalogueQuery, snapshot) -> Suggestion | None:
    """The query with each unknown word replaced by the closest known one, if any was replaced."""
    lexicon = lexicon_for(snapshot)
    words, changed = [], False
    for word in words_of(query.text):
        replacement = None
        if not lexicon.knows(word) and len(word) > 2 and not word.isdigit() and word not in STOP_WORDS:
            replacement = lexicon.closest(word) or lexicon.split(word)
        words.append(replacement or word)
        changed |= replacement is not None
    if not changed:
        return None
    text = " ".join(words)
    params = [("q", text)] + [(key, value) for key, value in query.as_params() if key != "q"]
    return Suggestion(text=text, url="?" + urlencode(params))
