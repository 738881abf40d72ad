"""
Questions in plain words: when few entries have every concept of a search, the entries having the
most of them, ranked by how many they have and then by score (title, then summary, then body).

A question of six content words rarely has all six in one entry ("what works to stop repeat removals
after a baby is removed"), and requiring every word made such questions find nothing or the wrong
thing. Requiring none would list every entry that shares one common word. The rule in between: if
fewer than ENOUGH entries have every concept, entries with one concept fewer are added, and so on
until ENOUGH are found, but never below half of the concepts (all of them for a search of one or two):
a result always has at least half of what was asked. If no entry has half, those with the most are
shown. Words no entry has cannot be used; they are left out of the count and the page names them.

(Weighting concepts by rarity, as inverse document frequency does, was tried and judged worse on the
judged questions: a rare word that only phrases the question, "classes" or "instead", then outweighs
the words that say what is wanted.)
"""

import math
from dataclasses import dataclass

from .fulltext import ConceptMatches

ENOUGH = 10  # the first ten results are what a reader looks at (and what relevance is judged on)


@dataclass(frozen=True)
class Coverage:
    """The entries shown for a search, with their rank scores, and what the search could not use."""

    scores: dict[int, float]
    needed: int  # concepts every entry shown has at least
    not_found: tuple[int, ...] = ()  # positions of concepts no entry has


def fewest_needed(concepts: int) -> int:
    """The fewest concepts an entry shown may have: all of one or two, half (rounded up) of more."""
    return concepts if concepts <= 2 else math.ceil(concepts / 2)


def by_coverage(matches: ConceptMatches, concepts: int) -> Coverage:
    """Entries having enough of the concepts (see the module's rule); more concepts first, then score."""
    not_found = tuple(i for i, found in enumerate(matches.found) if not found)
    if not matches.covered:
        return Coverage({}, concepts, not_found)
    counts = {pk: matches.count(pk) for pk in matches.covered}
    usable = concepts - len(not_found)
    floor = min(fewest_needed(usable), max(counts.values()))
    at_least = [0] * (usable + 2)
    for count in counts.values():
        at_least[count] += 1
    for count in range(usable, 0, -1):
        at_least[count] += at_least[count + 1]
    needed = next((n for n in range(usable, floor, -1) if at_least[n] >= ENOUGH), floor)
    top = max(matches.scores.values()) or 1.0
    # The count orders results first; the score, scaled below 1, orders entries having as many.
    scores = {
        pk: counts[pk] + 0.999 * max(matches.scores[pk], 0.0) / top for pk in matches.covered if counts[pk] >= needed
    }
    return Coverage(scores, needed, not_found)
