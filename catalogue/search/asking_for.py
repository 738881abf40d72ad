"""
What kind of entry a question asks for, from the words that only ask. "What works to stop repeat
removals…", "what helps with bonding…" ask what works: in this catalogue that is an intervention (a
programme or service with evidence on what it achieved), not the law that allows a removal or the
judgment that limits it. The words are still left out of the search (`words.QUESTION_WORDS`); this only
says which entries answer the question's kind, for the ranking (`coverage.py`).
"""

import re

from .words import words_of

# "what works", "what helps", "what has worked", "what might help", "what would work"… The phrase,
# not the word: "how do I work with…" or "help for a mother…" do not ask what works.
_ASKS_WHAT_WORKS = re.compile(
    r"\bwhat (?:(?:has|have|is|might|would|could|can|does|do) )?(?:works?|worked|helps?|helped)\b"
)

WHAT_WORKS_ANSWERS = ("intervention",)  # the entry types that answer "what works"


def answer_types(text: str) -> tuple[str, ...]:
    """The entry types a question asks for by its asking words, or () if it does not say."""
    return WHAT_WORKS_ANSWERS if _ASKS_WHAT_WORKS.search(" ".join(words_of(text))) else ()
