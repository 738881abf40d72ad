"""
A board member finds their area, and its board report, by any authority or court town in it: the catalogue
search leads to the area page, which links to the report. Names are read from the fixture files.
"""

import csv

from catalogue.places.index import place_index
from catalogue.places.search import read_place
from explorer.loading.family_justice import load_family_justice
from explorer.places import NOT_A_TOWN
from tests.data_urls import reverse

from .conftest import ROOT

AREA_CODE = "BLACKBURN_LANCASTER"


def seed_rows(name: str) -> list[dict]:
    with open(ROOT / "seed-questions" / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_every_authority_and_court_town_of_the_area_leads_to_it_and_to_its_report(catalogue, client):
    load_family_justice()
    area_name = next(row["dfj_area_name"] for row in seed_rows("dfj_areas.csv") if row["dfj_area_code"] == AREA_CODE)
    authorities = [row["la_name"] for row in seed_rows("la_dfj_area.csv") if row["dfj_area_code"] == AREA_CODE]
    towns = [row["court_name"] for row in seed_rows("dfj_area_courts.csv") if row["dfj_area_code"] == AREA_CODE]
    assert authorities and towns and not any(NOT_A_TOWN.search(town) for town in towns)
    from explorer.models import DfjArea

    area = DfjArea.objects.get(name=area_name)
    area_url = reverse("explorer:area_detail", args=[area.slug])
    index = place_index()
    for name in authorities + towns:
        found = read_place(name, index)
        assert found is not None and f"family-justice-area:{area.slug}" in [p.key for p in found.places], name
        assert f'href="{area_url}"' in client.get("/catalogue/", {"q": name}).content.decode(), name
    assert reverse("explorer:board_report", args=[area.slug]) in client.get(area_url).content.decode()


def test_names_of_courts_that_are_not_towns_are_not_places(catalogue):
    load_family_justice()
    index = place_index()
    areas = {row["dfj_area_name"].lower() for row in seed_rows("dfj_areas.csv")}  # an area is known by its name
    not_towns = [row["court_name"] for row in seed_rows("dfj_area_courts.csv") if NOT_A_TOWN.search(row["court_name"])]
    assert "East London Family" in not_towns  # a court named "Family", in an area named otherwise
    for name in not_towns:
        assert name.lower() in areas or name.lower() not in index.by_name, name


def test_the_sitemap_lists_every_area_s_board_report(data_page, client, family_justice):
    from explorer.models import DfjArea
    from tests.sitemaps import sitemap_paths

    paths = set(sitemap_paths(client))
    slugs = DfjArea.objects.exclude(code="HIGH_COURT").values_list("slug", flat=True)
    assert slugs and {reverse("explorer:board_report", args=[slug]) for slug in slugs} <= paths
