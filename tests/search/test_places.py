"""
A place in the search box leads to the place: local authorities (English and Welsh names), family
justice areas and the towns in their names, and regions. Expected names, codes and areas are read
from the fixture files (fixtures/open-data/la_lookup.csv, fixtures/seed-questions/), never typed in.
"""

import csv
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalogue.models import LocalAuthority
from catalogue.places.index import fold, place_index
from catalogue.places.search import read_place
from demo.site_tree import ensure_site_tree
from explorer.loading.family_justice import load_family_justice
from tests.conftest import built_once_for_the_module
from tests.data_urls import reverse
from tests.factories import GuidancePageFactory, InterventionPageFactory

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def rows(folder: str, name: str) -> list[dict]:
    with open(FIXTURES / folder / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


AUTHORITIES = {row["la_name"]: row for row in rows("open-data", "la_lookup.csv")}
AREA_OF = {row["la_name"]: row for row in rows("seed-questions", "la_dfj_area.csv")}


def area_slug(area_name: str) -> str:
    from explorer.models import DfjArea

    return DfjArea.objects.get(name=area_name).slug


def add_places_and_entries():
    _, catalogue = ensure_site_tree()
    load_family_justice()
    InterventionPageFactory(parent=catalogue, title="National thing", regions=["england-and-wales"])
    InterventionPageFactory(parent=catalogue, title="North West example", regions=["north-west"])
    GuidancePageFactory(parent=catalogue, title="Welsh guidance", regions=["wales-wide"])
    InterventionPageFactory(parent=catalogue, title="London example", regions=["london"])


@pytest.fixture(scope="module")
def places_and_entries(django_db_setup, django_db_blocker):
    """The family justice areas and four entries, built once: every database test of this module reads them."""
    yield from built_once_for_the_module(django_db_blocker, add_places_and_entries)


@pytest.fixture
def places(places_and_entries, catalogue):
    return catalogue


def test_names_are_folded_for_comparison():
    assert fold("Ynys Môn") == "ynys mon"
    assert fold("King’s Lynn") == fold("Kings Lynn") == "kings lynn"
    assert fold("Stoke-on-Trent") == fold("stoke on trent")
    assert fold("Blackburn/Lancaster") == "blackburn lancaster"
    assert fold("Cleveland & South Durham") == "cleveland and south durham"
    assert fold("?!…") == ""


@pytest.mark.django_db
def test_every_authority_is_known_by_its_english_and_welsh_names(places):
    index = place_index()
    for name, row in AUTHORITIES.items():
        for typed in filter(None, (name, row["la_name_welsh"])):
            found = read_place(typed, index)
            assert found is not None and found.leads, typed
            keys = [place.key for place in found.named]
            assert f"local-authority:{row['ons_code']}" in keys, typed


@pytest.mark.django_db
def test_blackpool_caerdydd_and_lancaster_lead_to_their_pages(client, places):
    blackpool, cardiff = AUTHORITIES["Blackpool"], AUTHORITIES["Cardiff"]
    area = AREA_OF["Blackpool"]["dfj_area_name"]
    assert "Lancaster" in area  # the fixture's area for Blackpool is the Blackburn/Lancaster one
    area_url = reverse("explorer:area_detail", args=[area_slug(area)])

    from_blackpool = InterventionPageFactory(parent=places, title="Zed service", regions=["north-west"])
    from_blackpool.local_authorities.add(LocalAuthority.objects.get(ons_code=blackpool["ons_code"]))
    from_blackpool.save_revision().publish()

    html = client.get("/catalogue/", {"q": "Blackpool"}).content.decode()
    assert f'href="{reverse("explorer:local_authority", args=[blackpool["ons_code"]])}"' in html
    assert f'href="{area_url}"' in html
    assert "<strong>3</strong> entries" in html  # England and Wales, and the two North West examples
    results = html[html.index('class="results"') :]
    # The entry from Blackpool itself first (though last A to Z and unrated), then its region's, then national.
    assert results.index("Zed service") < results.index("North West example") < results.index("National thing")
    assert "Local example</strong> from North West: Blackpool" in html

    html = client.get("/catalogue/", {"q": cardiff["la_name_welsh"]}).content.decode()
    assert f'href="{reverse("explorer:local_authority", args=[cardiff["ons_code"]])}"' in html
    assert "<strong>2</strong> entries" in html  # England and Wales, and Wales-wide
    assert "Welsh guidance" in html and "London example" not in html

    html = client.get("/catalogue/", {"q": "lancaster"}).content.decode()
    assert f'href="{area_url}"' in html


@pytest.mark.django_db
def test_in_a_place_keeps_the_other_words(client, places):
    found = read_place("north west example in Blackpool")
    assert found.leads and found.remainder == "north west example"
    html = client.get("/catalogue/", {"q": "example in Blackpool"}).content.decode()
    assert "North West example" in html and "London example" not in html


@pytest.mark.django_db
def test_a_place_named_in_passing_is_offered_but_does_not_narrow(client, places):
    found = read_place("reading to babies")
    assert found is not None and not found.leads and found.remainder == "reading to babies"


AWKWARD = [
    "Rhondda Cynon Taf",
    "Bro Morgannwg",
    "King's Lynn",
    "Stoke-on-Trent",
    "Glasgow",
    "ÿñàéü Môn",
    "!!! ??? ...",
    "’'‘-/&",
    " ".join(["word"] * 1000),
    "in",
    "Blackpool " * 300,
]


@pytest.mark.django_db
def test_bad_and_awkward_places_get_a_page(client, places):
    for typed in AWKWARD:
        assert client.get("/catalogue/", {"q": typed}).status_code == 200, typed
    for typed in ("Rhondda Cynon Taf", "Bro Morgannwg", "Stoke-on-Trent", "stoke on trent"):
        assert read_place(typed).leads, typed


@pytest.mark.django_db
def test_a_place_outside_england_and_wales_is_told_so(client, places):
    html = client.get("/catalogue/", {"q": "Glasgow"}).content.decode()
    assert "England and Wales" in html and "found none by that name" in html


@pytest.mark.django_db
def test_place_look_ups_cost_no_queries(client, places):
    client.get("/catalogue/", {"q": "Blackpool"})  # warm the snapshot and the place index
    client.get("/catalogue/", {"region": "north-west"})
    with CaptureQueriesContext(connection) as by_place:
        client.get("/catalogue/", {"q": "Blackpool"})
    with CaptureQueriesContext(connection) as by_region:
        client.get("/catalogue/", {"region": "north-west"})
    assert len(by_place) == len(by_region)


@pytest.mark.django_db
def test_the_home_page_asks_where_you_work(client, places):
    html = client.get("/").content.decode()
    assert "Where do you work?" in html
