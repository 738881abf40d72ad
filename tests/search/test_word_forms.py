"""Word forms: stems, hyphen/space/joined variants, short fragments, stop-words, the same on both databases."""

import pytest

from catalogue.search.vocabulary import Vocabulary, plan_text
from catalogue.search.words import match_key, prefix_forms
from demo.site_tree import ensure_site_tree
from tests.conftest import built_once_for_the_module
from tests.factories import InterventionPageFactory

from .helpers import search, slugs


def add_entries() -> dict[str, str]:
    _, catalogue = ensure_site_tree()
    made = {
        "families": "Support for families and babies before birth.",
        "caring": "Caring for a newborn with a specialist team.",
        "assessment": "A pre-birth assessment planned with the parents.",
        "section": "Accommodation under section 20 of the Children Act.",
        "plain": "Nothing to see here but ordinary words.",
    }
    for slug, summary in made.items():
        InterventionPageFactory(parent=catalogue, title=f"Service {slug}", slug=slug, summary=summary)
    return made


@pytest.fixture(scope="module")
def entries_once(django_db_setup, django_db_blocker):
    """Five entries, built once: the tests only search them."""
    yield from built_once_for_the_module(django_db_blocker, add_entries)


@pytest.fixture
def entries(entries_once, db):
    """{slug: summary} of the entries."""
    return entries_once


@pytest.mark.django_db
@pytest.mark.parametrize(
    "typed, expected",
    [
        ("family", "families"),
        ("families", "families"),
        ("baby", "families"),
        ("babies", "families"),
        ("cared", "caring"),
        ("care", "caring"),
        ("assessments", "assessment"),
        ("assessing", "assessment"),
    ],
)
def test_inflections_match(entries, typed, expected):
    assert expected in slugs(typed)


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["pre-birth", "pre birth", "prebirth", "Pre-Births"])
def test_hyphen_space_and_joined_variants_match(entries, typed):
    assert "assessment" in slugs(typed)


@pytest.mark.django_db
def test_one_and_two_letter_fragments_are_not_prefixes(entries):
    # "s" would begin "section", "support", "specialist", "see"... in every entry.
    assert len(slugs("s.20")) < len(entries)
    assert slugs("se") == []  # begins "section", "see", "service", but is no word here
    assert slugs("xy") == []
    results = search("a")  # a stop-word: nothing to search for, said so, all entries shown
    assert results.total == len(entries) and "very common words" in " ".join(n.sentence for n in results.notices)


@pytest.mark.django_db
def test_numbers_are_matched_whole(entries):
    assert slugs("20") == ["section"]
    assert slugs("2") == []


def test_match_keys_unify_spellings():
    assert match_key(["s", "20"]) == match_key(["s20"])
    assert match_key(["pre", "birth"]) == match_key(["prebirth"]) == match_key(["pre", "births"])
    assert match_key(["learning", "disabled"]) == match_key(["learning", "disability"])


def test_prefix_forms_never_start_from_short_fragments():
    assert prefix_forms("s") == prefix_forms("20") == prefix_forms("of") == ()
    assert prefix_forms("families") == ("family", "famili")
    assert prefix_forms("caring") == ("care", "caring")
    assert prefix_forms("cared") == ("care", "caring")


def test_plan_keeps_operators_inert():
    plan = plan_text('NEAR(a b) OR "x" AND -title:*', Vocabulary([]))
    assert plan.words == ["near-a", "b", "x", "title"]
    assert "or" in plan.ignored and "and" in plan.ignored
