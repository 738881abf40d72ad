"""
Questions in plain words: when few entries have every concept of a search, the entries having at
least half of them, ranked by how many they have and by score (title, then summary, then body).

A question of six content words rarely has all six in one entry ("what works to stop repeat removals
after a baby is removed"), and requiring every word made such questions find nothing or the wrong
thing. Requiring none would list every entry that shares one common word. The rule in between: if
fewer than ENOUGH entries have every concept, the results are the entries having at least half of
them (all of one or two; if none has that many, those having the most). Words no entry has cannot be
used; they are left out of the count and the page names them.

Tried and judged worse on the judged questions (tests/search/judged_queries.py): weighting the count by
how rare each concept is, without limit (a rare word that only phrases the question, "classes",
"instead", then outweighs the words that say what is wanted), and widening one concept at a time only until ENOUGH
entries were found (a strong answer having one concept fewer, Pause above, was then left out).
"""

import math
from dataclasses import dataclass

from .fulltext import ConceptMatches

ENOUGH = 10  # the first ten results are what a reader looks at (and what relevance is judged on)
# How many concepts the best score is worth in the ranking. With 1 or less, one concept more always
# wins, and an entry naming a common word ("baby") outranked the one answering the question (Pause for
# "what works to stop repeat removals after a baby is removed", placed tenth on SQLite, eleventh on
# PostgreSQL); with 2, the best-scoring entry can rise above entries having one concept more.
SCORE_SPAN = 2.0
# What it is worth to be the kind of entry a question asks for ("what works…": an intervention): one
# concept, the question's own. Chosen after the judged questions were run on PostgreSQL (Dec 2026): the
# law on removing a baby at birth (s.46, s.20, R (G) v Nottingham) has "prevent", "baby" and "removal",
# three of the four concepts of "what works to stop repeat removals after a baby is removed", and Pause,
# which answers it, has one ("children removed", "further removals"), so counting concepts alone placed the
# law above it on both databases once PostgreSQL stopped reading "further removals" as any "removal".
# With it Pause was tenth on PostgreSQL and ninth on SQLite; counting common concepts for less
# (`concept_worth`, also added after seeing those results) then placed it seventh on both.
ANSWER_WORTH = 1.0


@dataclass(frozen=True)
class Coverage:
    """The entries shown for a search, with their rank scores, and what the search could not use."""

    scores: dict[int, float]
    needed: int  # concepts every entry shown has at least
    not_found: tuple[int, ...] = ()  # positions of concepts no entry has


def fewest_needed(concepts: int) -> int:
    """The fewest concepts an entry shown may have: all of one or two, half (rounded up) of more."""
    return concepts if concepts <= 2 else math.ceil(concepts / 2)


def by_coverage(
    matches: ConceptMatches, concepts: int, answers: frozenset[int] = frozenset(), catalogue_size: int = 0
) -> Coverage:
    """
    Entries having enough of the concepts (see the module's rule); more concepts first (each counted as
    `concept_worth` says, given the `catalogue_size` entries searched), then score.
    `answers` are the entries of the kind the question asks for ("what works": interventions,
    `asking_for.py`): in the ranking they count ANSWER_WORTH concepts more; which entries are shown
    does not change.
    """
    not_found = tuple(i for i, found in enumerate(matches.found) if not found)
    if not matches.covered:
        return Coverage({}, concepts, not_found)
    counts = {pk: matches.count(pk) for pk in matches.covered}
    usable = concepts - len(not_found)
    needed = min(fewest_needed(usable), max(counts.values()))
    top = max(matches.scores.values()) or 1.0
    worth = concept_worth(matches, concepts, catalogue_size)
    ranked = {pk: sum(w for i, w in enumerate(worth) if bits >> i & 1) for pk, bits in matches.covered.items()}
    # The count orders results first; the score (scaled to 0..SCORE_SPAN) orders entries having as many,
    # and lets an entry that matches far better (title and summary first) rise above one with one more.
    scores = {
        pk: ranked[pk] + SCORE_SPAN * max(matches.scores[pk], 0.0) / top + (ANSWER_WORTH if pk in answers else 0.0)
        for pk in matches.covered
        if counts[pk] >= needed
    }
    return Coverage(scores, needed, not_found)


def concept_worth(matches: ConceptMatches, concepts: int, catalogue_size: int) -> list[float]:
    """
    What having each concept counts for in the ranking: 1 for a concept at most half the catalogue has,
    less for a commoner one, down to 0 for one every entry has (log2(entries / entries having it), where
    bm25's Robertson-Spärck Jones weight reaches zero at half). On a catalogue about babies, "baby" is in
    two entries of three and "care" in nine of ten: having them says little about which entry a question
    means. A rare concept counts 1, never more, so a rare word that only phrases a question cannot
    outweigh the rest (the reason weighting by rarity alone was rejected, above). Without a catalogue
    size every concept counts 1.
    """
    if catalogue_size <= 0:
        return [1.0] * concepts
    having = [sum(1 for bits in matches.covered.values() if bits >> i & 1) for i in range(concepts)]
    return [min(1.0, max(0.0, math.log2(catalogue_size / n))) if n else 0.0 for n in having]


def favouring_answers(scores: dict[int, float], concepts: int, answers: frozenset[int]) -> dict[int, float]:
    """
    Entries having every concept, ranked as `by_coverage` ranks them (the same scale), so that the entries
    of the kind asked for count ANSWER_WORTH concepts more here too. Without `answers`, the scores as they are.
    """
    if not answers or not scores:
        return scores
    top = max(scores.values()) or 1.0
    return {
        pk: concepts + SCORE_SPAN * max(score, 0.0) / top + (ANSWER_WORTH if pk in answers else 0.0)
        for pk, score in scores.items()
    }
