"""
Words as the search sees them: split, stop-words, word forms, the same on SQLite and PostgreSQL.

PostgreSQL's `english` configuration stems with Snowball's English stemmer and drops its stop
words; SQLite's FTS5 index keeps words as written. Stemming the query here with the same Snowball
stemmer, and dropping the same stop words, makes both databases find the same word forms.
"""

import re
from functools import lru_cache

import snowballstemmer

WORD = re.compile(r"[^\W_]+", re.UNICODE)
# One or two characters ("s" in "s.20", "a") are never prefix-matched: they begin too many words.
MIN_PREFIX_LENGTH = 3

# PostgreSQL's english.stop (Snowball's English stop-word list), so both databases ignore the same words.
STOP_WORDS = frozenset(
    """
i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers
herself it its itself they them their theirs themselves what which who whom this that these those am is are
was were be been being have has had having do does did doing a an the and but if or because as until while
of at by for with about against between into through during before after above below to from up down in out
on off over under again further then once here there when where why how all any both each few more most
other some such no nor not only own same so than too very s t can will just don should now
""".split()
)

# Words that ask rather than say what is wanted ("what works to…", "is there anything for…", "how do I
# get help for…", "support for…"): left out of the search, so a question never finds nothing for the
# way it was asked. Only when a search has nothing else are they searched for (a search for "support").
QUESTION_WORDS = frozenset(
    """
what works work working worked anything something everything anyone someone help helps helping helped
support supports supporting supported find finding get getting got need needs needed want wants wanted
looking look know tell please can could would may might must shall way ways available options
option kind sort type types thing things use using used let stuff
instead rather extra additional else also
""".split()
)
# The last line above was added after the judged questions were run on PostgreSQL (Dec 2026): words that
# only qualify the asking ("need extra support", "instead of foster care") were taken for what is wanted,
# and the few entries having such a word ("extra", "instead") outranked those answering the question.

_stemmer = snowballstemmer.stemmer("english")


def words_of(text: str) -> list[str]:
    """The words of `text`, lower-cased, in order (punctuation, underscores and operators dropped)."""
    return WORD.findall(text.casefold())


def chunks_of(text: str) -> list[list[str]]:
    """The words of each space-separated part: "pre-birth s.20" -> [["pre", "birth"], ["s", "20"]]."""
    return [words for words in (words_of(part) for part in text.split()) if words]


@lru_cache(maxsize=20_000)
def stem(word: str) -> str:
    """Snowball English stem, the one PostgreSQL's `english` configuration uses."""
    return _stemmer.stemWord(word)


def match_key(words: list[str] | tuple[str, ...]) -> str:
    """How a term is compared with a query: stems run together, so "pre-birth", "pre birth",
    "prebirth" and "pre births" are one key, as are "s.20", "s 20" and "s20"."""
    return "".join(stem(word) for word in words)


def prefix_forms(word: str) -> tuple[str, ...]:
    """
    What to prefix-match for one word so that its inflections are found in an index that keeps
    words as written: the stem ("mothers" -> mother*), with Snowball's y->i undone ("families" ->
    family*, famili*), a final e dropped before -ing ("cared" -> care*, caring*), and the word itself
    where stemming changed its spelling.
    """
    if len(word) < MIN_PREFIX_LENGTH or word.isdigit():
        return ()
    base = stem(word)
    if len(base) < MIN_PREFIX_LENGTH:
        return (word,)
    forms = [base[:-1] + "y", base] if base.endswith("i") else [base]
    if base.endswith("e"):  # "care" -> caring, "state" -> stating: the e goes before -ing
        forms.append(base[:-1] + "ing")
    if not any(word.startswith(form) for form in forms):
        forms.append(word)
    return tuple(forms)
