"""Readable everywhere and honest about Wales: one sub-menu and breadcrumbs on every data page, every data page
in the sitemap, data tables closed behind a summary, the area pack keeping its suppression markers, and Welsh
pages saying (from the loaded data) which measures exist for Wales."""

import csv
import io
import re
import zipfile

import pytest

from explorer.figures import under_one
from explorer.models import DfjArea
from explorer.navigation import DATA_MENU
from explorer.routes import SITEMAP_NAMES
from tests.data_urls import reverse
from tests.sitemaps import sitemap_paths

from .conftest import fixture_rows


@pytest.fixture
def all_data(all_data_once):
    """Every dataset, loaded once for every test that only reads it (tests/shared_builds.py)."""
    return all_data_once


CARDIFF, BLACKPOOL = "W06000015", "E06000009"


def welsh_area_slugs() -> list[str]:
    names = {
        row["dfj_area_code"]
        for row in fixture_rows("seed-questions", "dfj_areas.csv")
        if row["hmcts_region"] == "Wales"
    }
    return list(DfjArea.objects.filter(code__in=names).values_list("slug", flat=True))


def test_every_data_page_has_the_one_menu_breadcrumbs_and_closed_tables(all_data, client):
    pages = [reverse(f"explorer:{name}") for name, _ in DATA_MENU]
    pages += [
        reverse("explorer:local_authority", args=[BLACKPOOL]),
        reverse("explorer:area_detail", args=["blackburn-lancaster"]),
    ]
    for address in pages:
        html = client.get(address).content.decode()
        assert html.count('aria-label="Data explorer"') == 1, address
        assert all(reverse(f"explorer:{name}") in html for name, _ in DATA_MENU), address
        crumbs = html[html.index('class="govuk-breadcrumbs"') :].split("</nav>")[0]
        assert ">Home<" in crumbs and 'aria-current="page"' in crumbs, address
        assert not re.search(r'<details class="govuk-details explorer-chart__table"[^>]* open', html), address
    profile = client.get(pages[-2]).content.decode()
    crumbs = profile[profile.index('class="govuk-breadcrumbs"') :].split("</nav>")[0]
    assert reverse("explorer:local_authorities") in crumbs and "Blackpool" in crumbs
    relationship = client.get(reverse("explorer:relationship", args=["under1-vs-imd"])).content.decode()
    crumbs = relationship[relationship.index('class="govuk-breadcrumbs"') :].split("</nav>")[0]
    assert f'href="{reverse("explorer:relationships")}"' in crumbs and 'aria-current="page">Deprivation<' in crumbs


def test_the_sitemap_lists_every_data_page_profile_and_area(all_data, client):
    paths = set(sitemap_paths(client))
    assert {reverse(f"explorer:{name}") for name, _ in DATA_MENU} <= paths | {reverse("explorer:overview")}
    assert {reverse(f"explorer:{name}") for name in SITEMAP_NAMES} <= paths
    codes = {row["ons_code"] for row in fixture_rows("la_lookup.csv")}  # today's authorities of England and Wales
    assert {reverse("explorer:local_authority", args=[code]) for code in codes} <= paths
    slugs = DfjArea.objects.exclude(code="HIGH_COURT").values_list("slug", flat=True)
    assert {reverse("explorer:area_detail", args=[slug]) for slug in slugs} <= paths
    listed = client.get(reverse("explorer:relationships")).content.decode()
    relationships = set(re.findall(r'href="({}[^/"]+/)"'.format(re.escape(reverse("explorer:relationships"))), listed))
    assert len(relationships) > 10 and relationships <= paths  # each relationship's own page


def test_the_area_pack_keeps_the_suppression_markers_its_readme_promises(all_data, client):
    years = under_one.years_with_births()
    links = {
        row["la_code"]: row for row in fixture_rows("seed-questions", "la_dfj_area.csv") if row["n_dfj_areas"] == "1"
    }
    suppressed = next(
        row
        for row in fixture_rows("england_cla_starts_under1.csv")
        if row["starts_under1_flag"] and int(row["year"]) in years and row["la_code_current"] in links
    )
    area = DfjArea.objects.get(code=links[suppressed["la_code_current"]]["dfj_area_code"])
    response = client.get(reverse("explorer:area_pack", args=[area.slug]), {"year": suppressed["year"]})
    pack = zipfile.ZipFile(io.BytesIO(response.content))
    assert "[c] suppressed, [x] not available" in pack.read("README.txt").decode()
    table = list(csv.reader(io.StringIO(pack.read("born-into-care-area-under1.csv").decode())))
    row = next(row for row in table if row[0] == links[suppressed["la_code_current"]]["la_name"])
    assert row[2] == f"[{suppressed['starts_under1_flag']}]"
    assert all("Source:" not in line[0] for line in table if line)  # sources are in the README, not rows


def test_welsh_pages_say_which_measures_exist_for_wales(all_data, client):
    welsh = [row for row in fixture_rows("wales_cla_at31march_under1_la.csv") if row["la_code"] == CARDIFF]
    years = sorted(int(row["year"]) for row in welsh)
    html = client.get(reverse("explorer:local_authority", args=[CARDIFF])).content.decode()
    box = html[html.index('id="wales-coverage"') :].split("</div>")[0]
    held, _, missing = box.partition("Not held for")
    assert f"Infants (under 1) looked after on 31 March, Wales: {years[0]} to {years[-1]}" in held
    assert "Infants (under 1) starting to be looked after" in missing  # DfE publishes England only
    assert "Ofsted inspection judgement" in missing
    assert (
        'id="wales-coverage"' not in client.get(reverse("explorer:local_authority", args=[BLACKPOOL])).content.decode()
    )
    slugs = welsh_area_slugs()
    assert len(slugs) == 3
    for slug in slugs:
        page = client.get(reverse("explorer:area_detail", args=[slug])).content.decode()
        assert 'id="wales-coverage"' in page and "Infants (under 1) looked after on 31 March, Wales" in page
