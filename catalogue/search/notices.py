"""
What the catalogue tells a reader about their search, as data: a code from a closed set and its
arguments, never a sentence that something downstream has to take apart again.

Each code has two wordings, kept side by side here so they cannot drift apart:
- the page's sentence says what the catalogue did instead ("…so it was ignored"), because the
  HTML catalogue uses what it can and carries on;
- a machine reader's error (API, exports, feed) says only what is wrong, because a program has
  no page to read and gets a 400 instead of a guess.

Codes in DESCRIBE_MATCHING say how the words were matched, not that the request asked for
something unusable, so machine readers answer them as usual rather than with a 400.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from string import Formatter


class NoticeCode(StrEnum):
    """Every kind of notice the catalogue search gives; add one here and in WORDINGS."""

    UNKNOWN_PARAMETERS = "unknown-parameters"
    UNKNOWN_VALUE = "unknown-value"
    BAD_SORT = "bad-sort"
    BAD_PAGE = "bad-page"
    TEXT_SHORTENED = "text-shortened"
    PAGE_PAST_END = "page-past-end"
    ONLY_COMMON_WORDS = "only-common-words"
    NO_SEARCHABLE_CHARACTERS = "no-searchable-characters"
    PARTIAL_MATCH = "partial-match"


@dataclass(frozen=True)
class Wording:
    """A code's two renderings; `{name}` fields are the notice's arguments (lists become ‘a’, ‘b’)."""

    sentence: str  # the page: what it did instead
    error: str  # a machine reader: what is wrong

    @property
    def argument_names(self) -> frozenset[str]:
        fields = (name for text in (self.sentence, self.error) for _, name, _, _ in Formatter().parse(text))
        return frozenset(name for name in fields if name)


WORDINGS: dict[NoticeCode, Wording] = {
    NoticeCode.UNKNOWN_PARAMETERS: Wording(
        "These parameters are not used by the catalogue and were ignored: {names}.",
        "These parameters are not used by the catalogue: {names}.",
    ),
    NoticeCode.UNKNOWN_VALUE: Wording(
        "{facet}: we do not recognise {values}, so it was ignored.",
        "{facet}: we do not recognise {values}.",
    ),
    NoticeCode.BAD_SORT: Wording(
        "We cannot sort by ‘{value}’; results are in the default order.",
        "We cannot sort by ‘{value}’.",
    ),
    NoticeCode.BAD_PAGE: Wording(
        "‘{value}’ is not a page number; showing the first page.",
        "‘{value}’ is not a page number.",
    ),
    NoticeCode.TEXT_SHORTENED: Wording(
        "Your search was shortened to its first {limit} characters.",
        "Search words are limited to {limit} characters.",
    ),
    NoticeCode.PAGE_PAST_END: Wording(
        "There is no page {asked}; showing page {last}, the last.",
        "There is no page {asked}; the last page is {last}.",
    ),
    NoticeCode.ONLY_COMMON_WORDS: Wording(
        "Your search had only very common words ({words}), which the search leaves out, "
        "so all entries are shown. Try a more specific word.",
        "The search words are all very common words ({words}), which the search leaves out.",
    ),
    NoticeCode.NO_SEARCHABLE_CHARACTERS: Wording(
        "Your search had no letters or numbers to search for, so all entries are shown.",
        "The search words have no letters or numbers to search for.",
    ),
    NoticeCode.PARTIAL_MATCH: Wording(
        "Few entries have all of your search terms, so these are the entries with at least {matched} "
        "of the {terms}, those with the most first.",
        "Few entries have all of the search terms; the results have at least {matched} of the {terms}.",
    ),
}

DESCRIBE_MATCHING = frozenset(
    {NoticeCode.ONLY_COMMON_WORDS, NoticeCode.NO_SEARCHABLE_CHARACTERS, NoticeCode.PARTIAL_MATCH}
)


@dataclass(frozen=True)
class Notice:
    """One notice: a code and the values its wordings name (plain text; templates escape it)."""

    code: NoticeCode
    args: Mapping[str, object] = field(default_factory=dict)

    def __post_init__(self):
        expected = WORDINGS[self.code].argument_names
        if set(self.args) != expected:
            raise ValueError(f"{self.code} takes {sorted(expected)}, not {sorted(self.args)}")

    @property
    def sentence(self) -> str:
        """What the page says: what the catalogue did instead."""
        return WORDINGS[self.code].sentence.format(**self._formatted_args())

    @property
    def error(self) -> str:
        """What a machine reader is told: what is wrong, with nothing done instead."""
        return WORDINGS[self.code].error.format(**self._formatted_args())

    @property
    def rejects_request(self) -> bool:
        """Whether a machine reader answers this with a 400 (it reports unusable input)."""
        return self.code not in DESCRIBE_MATCHING

    def __str__(self) -> str:
        return self.sentence

    def _formatted_args(self) -> dict[str, object]:
        return {
            name: ", ".join(f"‘{item}’" for item in value) if isinstance(value, list | tuple) else value
            for name, value in self.args.items()
        }


def notice(code: NoticeCode, **args) -> Notice:
    """A notice of `code` with its arguments, e.g. notice(NoticeCode.BAD_SORT, value="cheapest")."""
    return Notice(code, args)
