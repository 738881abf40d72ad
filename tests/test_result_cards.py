"""
Result cards are rendered once per content version and process (catalogue/search/cards.py, issue 25):
a repeated search shows the same cards without loading its entries again, a publish shows the new
card, and the regions chosen in the filter still change what a card says about where it applies.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalogue.search.cards import CardCache
from tests.factories import InterventionPageFactory

URL = "/catalogue/?q=doula"


def entry_loads(client, url) -> tuple[str, int]:
    """(page HTML, queries that read entries' areas: one per page of cards rendered)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    loads = [q["sql"] for q in queries if "catalogue_entrypage_areas" in q["sql"] or "areas" in q["sql"].lower()]
    return response.content.decode(), len(loads)


@pytest.fixture
def doulas(catalogue):
    return [
        InterventionPageFactory(parent=catalogue, title=f"Doula service {n}", areas=["peri-natal-intervention"])
        for n in range(3)
    ]


@pytest.mark.django_db
def test_a_repeated_search_reuses_its_cards_and_loads_no_entry(client, doulas):
    first, first_loads = entry_loads(client, URL)
    again, again_loads = entry_loads(client, URL)
    assert first_loads >= 1 and again_loads == 0
    assert again.count('class="result-card"') == first.count('class="result-card"') == len(doulas)
    for doula in doulas:
        assert doula.title in again


@pytest.mark.django_db
def test_a_publish_shows_the_new_card(client, doulas, django_capture_on_commit_callbacks):
    client.get(URL)
    with django_capture_on_commit_callbacks(execute=True):
        doulas[0].title = "Doula service renamed"
        doulas[0].save_revision().publish()
    page, loads = entry_loads(client, URL)
    assert "Doula service renamed" in page and loads >= 1


@pytest.mark.django_db
def test_the_chosen_region_changes_the_card(client, catalogue):
    InterventionPageFactory(parent=catalogue, title="Doula service nationwide", regions=["england-and-wales"])
    plain, _ = entry_loads(client, URL)
    in_london, _ = entry_loads(client, URL + "&region=london")
    assert "Applies in London" not in plain.split('class="results"')[1]
    assert "Applies in London" in in_london.split('class="results"')[1]


def test_the_cards_kept_are_bounded_and_belong_to_one_version():
    cache = CardCache(max_cards=2)
    for pk in range(3):
        cache.get_many(7, [])
        cache.put(7, (pk, ()), f"card {pk}")
    assert len(cache) == 2 and cache.get_many(7, [(0, ())]) == {}  # the least recently shown went first
    assert cache.get_many(8, [(2, ())]) == {}  # a new version starts empty
    cache.put(7, (1, ()), "late")  # rendered for a version that has moved on: not kept
    assert len(cache) == 0
