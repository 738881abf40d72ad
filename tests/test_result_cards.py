"""
Result cards are rendered once and kept while what they show is unchanged (catalogue/search/cards.py,
issue 25): a repeated search shows the same cards without loading its entries again, a publish re-renders
the published entry's card and no other, renaming a term every card may show re-renders them all, and the
regions chosen in the filter still change what a card says about where it applies.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalogue.search.cards import CardCache
from catalogue.search.engine import load_entries
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


def test_the_cards_kept_are_bounded():
    cache = CardCache(max_cards=2)
    for pk in range(3):
        cache.put((pk, ()), f"card {pk}")
    assert len(cache) == 2 and cache.get_many([(0, ())]) == {}  # the least recently shown went first
    assert cache.get_many([(2, ())]) == {(2, ()): "card 2"}


@pytest.fixture
def rendered(monkeypatch):
    """The ids of the entries whose cards are rendered, request by request."""
    from catalogue.search import cards

    calls = []

    def recording(ids):
        calls.append(sorted(ids))
        return load_entries(ids)

    monkeypatch.setattr(cards, "load_entries", recording)
    return calls


@pytest.mark.django_db
def test_a_publish_re_renders_only_the_published_entrys_card(
    client, doulas, rendered, django_capture_on_commit_callbacks
):
    client.get(URL)
    assert rendered == [sorted(doula.pk for doula in doulas)]
    with django_capture_on_commit_callbacks(execute=True):
        doulas[1].summary = "A doula service with a new summary."
        doulas[1].save_revision().publish()
    page = client.get(URL).content.decode()
    assert rendered[1:] == [[doulas[1].pk]] and "A doula service with a new summary." in page
    for doula in (doulas[0], doulas[2]):
        assert doula.title in page


@pytest.mark.django_db
def test_renaming_a_term_or_moving_an_entry_re_renders_the_cards_that_show_it(
    client, catalogue, doulas, rendered, django_capture_on_commit_callbacks
):
    from catalogue.models import AreaOfPractice

    client.get(URL)
    with django_capture_on_commit_callbacks(execute=True):
        area = AreaOfPractice.objects.get(slug="peri-natal-intervention")
        area.name = "Around the birth (renamed)"
        area.save()
    page = client.get(URL).content.decode()
    assert rendered[1:] == [sorted(doula.pk for doula in doulas)] and page.count("Around the birth (renamed)") >= 3

    with django_capture_on_commit_callbacks(execute=True):
        doulas[2].slug = "doula-service-moved"
        doulas[2].save_revision().publish()
    page = client.get(URL).content.decode()
    assert rendered[2:] == [[doulas[2].pk]] and "/doula-service-moved/" in page


def test_an_entrys_card_stamp_follows_its_revision_and_its_address():
    from catalogue.search.card_stamps import card_stamps

    stamps = card_stamps([7, 7, 8, None], ["/a/", "/b/", "/a/", "/a/"])
    assert len(set(stamps.tolist())) == 4
    assert card_stamps([7], ["/a/"])[0] == stamps[0]
