""" "Did you mean …?" from the catalogue's own words, as a plain link."""

import pytest

from catalogue.models import ContentVersion, Outcome
from catalogue.search.suggestions import Lexicon, edit_distance
from demo.site_tree import ensure_site_tree
from tests.conftest import built_once_for_the_module
from tests.factories import InterventionPageFactory

from .helpers import search


def add_entries():
    _, catalogue = ensure_site_tree()
    InterventionPageFactory(
        parent=catalogue, title="Pause", slug="pause", summary="Support for women who have had children removed."
    )
    InterventionPageFactory(
        parent=catalogue,
        title="Specialist perinatal mental health teams",
        slug="perinatal",
        summary="Assessment and treatment in pregnancy and after birth.",
    )
    InterventionPageFactory(parent=catalogue, title="Court services", slug="court", summary="Pays for lawyers.")


@pytest.fixture(scope="module")
def entries_once(django_db_setup, django_db_blocker):
    """Three entries, built once: the tests only search them (one adds an outcome, undone after it)."""
    yield from built_once_for_the_module(django_db_blocker, add_entries)


@pytest.fixture
def entries(entries_once, db):
    return entries_once


@pytest.mark.django_db
@pytest.mark.parametrize(
    "typed, meant",
    [
        ("paws", "pause"),
        ("perinatel", "perinatal"),
        ("perinatel mental helth", "perinatal mental health"),
        ("asessment", "assessment"),
        ("womne", "women"),
    ],
)
def test_misspellings_get_a_suggestion(entries, typed, meant):
    suggestion = search(typed).suggestion
    assert suggestion is not None and suggestion.text == meant
    assert search(meant).total > 0  # the suggestion finds something


@pytest.mark.django_db
def test_the_suggestion_is_a_link_that_keeps_the_filters(client, entries):
    html = client.get("/catalogue/", {"q": "perinatel", "area": "peri-natal-intervention"}).content.decode()
    assert (
        'Did you mean <a class="govuk-link" href="?q=perinatal&amp;area=peri-natal-intervention">perinatal</a>?' in html
    )


@pytest.mark.django_db
def test_no_suggestion_when_the_words_are_known_or_found(entries):
    assert search("pause").suggestion is None
    assert search("court lawyers").suggestion is None
    assert search("zzzzqqqq").suggestion is None  # nothing close enough


def test_joined_words_are_split_when_the_catalogue_writes_them_apart():
    lexicon = Lexicon([("Pre-birth assessment", "")], [])
    assert lexicon.split("prebirth") == "pre-birth"


def test_edit_distance_counts_swaps_as_one():
    assert edit_distance("womne", "women", 2) == 1
    assert edit_distance("paws", "pause", 2) == 2
    assert edit_distance("abc", "xyzw", 2) == 3


@pytest.mark.django_db
def test_words_of_the_vocabularies_are_suggested_too(entries):
    # "Contraception" is in no entry's title or summary here, only in the outcomes vocabulary.
    outcome = Outcome.objects.create(name="Contraception", slug="contraception-test")
    ContentVersion.bump()
    suggestion = search("contraseption").suggestion
    assert suggestion is not None and suggestion.text == outcome.name.casefold()


@pytest.mark.django_db
def test_question_words_are_left_out_and_the_page_names_them(client, entries):
    html = client.get("/catalogue/", {"q": "is there anything that works for women who had children removed"})
    assert "pause" in [entry.slug for entry in html.context["results"].entries]
    text = html.content.decode()
    assert "Left out of your search" in text and "‘works’" in text
