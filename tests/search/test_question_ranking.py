"""
How a question's words are weighed: synonym terms asked alike on both databases, "what works" asking
for interventions, and concepts most entries have counting for less (catalogue/search/coverage.py).
"""

import pytest

from catalogue.search.asking_for import answer_types
from catalogue.search.coverage import ConceptMatches, by_coverage, concept_worth
from catalogue.search.vocabulary import Phrase, Vocabulary, plan_text
from tests.factories import GuidancePageFactory, InterventionPageFactory

from .helpers import slugs

REMOVALS = ["repeat removals", "further removals", "had a child removed", "had children removed", "parents-to-be"]


def test_synonym_terms_are_asked_without_their_outer_stop_words():
    concept = plan_text("repeat removals", Vocabulary([REMOVALS])).concepts[0]
    # "further" is a stop word to PostgreSQL, which would ask for any "removals": left out on both databases.
    assert Phrase(("removals",)) not in concept.phrases
    assert Phrase(("further", "removals")) not in concept.phrases
    assert Phrase(("parents",)) not in concept.phrases and Phrase(("parents", "to", "be")) not in concept.phrases
    assert Phrase(("children", "removed")) in concept.phrases  # "had children removed", its "had" dropped
    assert Phrase(("repeat", "removals")) in concept.phrases


def test_a_stop_word_inside_a_term_stays():
    concept = plan_text("kinship", Vocabulary([["kinship", "family and friends"]])).concepts[0]
    assert Phrase(("family", "and", "friends")) in concept.phrases


@pytest.mark.parametrize(
    "question, types",
    [
        ("what works to stop repeat removals after a baby is removed", ("intervention",)),
        ("What helps with bonding between mum and baby", ("intervention",)),
        ("what has worked for fathers", ("intervention",)),
        ("how do I work with domestic abuse", ()),
        ("help for a mother with postnatal depression", ()),
        ("repeat removals", ()),
    ],
)
def test_what_works_asks_for_interventions(question, types):
    assert answer_types(question) == types


def test_concepts_most_entries_have_count_for_less():
    # Concept 0 in 1 entry of 100, concept 1 in 50, concept 2 in all 100.
    covered = {pk: (1 if pk == 0 else 0) | (2 if pk < 50 else 0) | 4 for pk in range(100)}
    matches = ConceptMatches(dict.fromkeys(covered, 1.0), covered, (True, True, True))
    assert concept_worth(matches, 3, 100) == [1.0, 1.0, 0.0]
    assert concept_worth(matches, 3, 0) == [1.0, 1.0, 1.0]  # no catalogue size: every concept counts 1
    # Which entries are shown is still decided by counting concepts: two of three are needed, so only the
    # entries having concept 2 and another are shown, although concept 2 counts for nothing in the ranking.
    assert set(by_coverage(matches, 3, catalogue_size=100).scores) == set(range(50))


def test_entries_of_the_kind_asked_for_rank_up_but_are_never_added():
    covered = {1: 0b111, 2: 0b011, 3: 0b001, 4: 0b011}  # entry 3 has one concept of three: never shown
    matches = ConceptMatches({1: 0.5, 2: 0.6, 3: 1.0, 4: 1.0}, covered, (True, True, True))
    plain = by_coverage(matches, 3).scores
    assert plain[1] > plain[2] and 3 not in plain
    favoured = by_coverage(matches, 3, answers=frozenset({2, 3})).scores
    assert favoured[2] > favoured[1] and 3 not in favoured


@pytest.mark.django_db
def test_what_works_puts_the_intervention_above_the_law_having_more_words(catalogue):
    GuidancePageFactory(
        parent=catalogue, title="Emergency powers", slug="law", summary="A baby may be removed to prevent harm."
    )
    InterventionPageFactory(
        parent=catalogue, title="A service", slug="service", summary="For women who have had children removed."
    )
    for n in range(6):  # "baby" in most of the catalogue, as in the real one: it says little
        InterventionPageFactory(parent=catalogue, title=f"Clinic {n}", slug=f"clinic-{n}", summary="A baby clinic.")
    assert slugs("what works to stop repeat removals after a baby is removed")[:2] == ["service", "law"]
    # The same words asked otherwise: the entry having more of them comes first.
    assert slugs("how do I stop repeat removals after a baby is removed")[:2] == ["law", "service"]
