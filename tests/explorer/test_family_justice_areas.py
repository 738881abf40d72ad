"""Family justice areas: pooled under-1 rates and funnel limits, checked against the fixture CSVs."""

import csv
import io

import pytest

from explorer.figures import areas, statistics
from explorer.figures import under_one as under1
from explorer.figures.under_one import UnderOneFigure
from explorer.models import AuthorityArea, DfjArea
from tests.data_urls import reverse

from .conftest import fixture_rows


@pytest.fixture
def all_data(all_data_once):
    """Every dataset, loaded once for every test that only reads it (tests/shared_builds.py)."""
    return all_data_once


POOLED = {
    "single DFJ area",
    "single DFJ area among mapped courts; other courts have no DFJ area in HMCTS list",
    "via predecessor authority",
}


def expected_pool(area_code: str, year: int) -> tuple[int, int]:
    """Sum of published counts and paired births over the area's single-area LAs, read from the CSVs."""
    members = {
        row["la_code"]
        for row in fixture_rows("seed-questions", "la_dfj_area.csv")
        if row["dfj_area_code"] == area_code and row["status"] in POOLED
    }
    counts = {
        row["la_code_current"]: int(row["starts_under1"])
        for row in fixture_rows("infant-care", "england_cla_starts_under1.csv")
        if row["year"] == str(year) and row["geographic_level"] == "Local authority" and row["starts_under1"]
    }
    births = {
        row["area_code"]: int(row["live_births"])
        for row in fixture_rows("open-data", "live_births_by_la.csv")
        if row["year"] == str(year - 1)
    }
    usable = [code for code in members if code in counts and code in births]
    return sum(counts[code] for code in usable), sum(births[code] for code in usable)


@pytest.mark.parametrize("area_code", ["CLEVELAND_AND_SOUTH_DURHAM", "BIRMINGHAM", "WEST_LONDON"])
def test_pooled_rate_is_total_infants_over_total_births_of_single_area_authorities(all_data, area_code):
    year = under1.years_with_births()[-1]
    pooled = {item.area.code: item for item in areas.all_pooled(year)}[area_code]
    count, births = expected_pool(area_code, year)
    assert (pooled.count, pooled.births) == (count, births)
    assert pooled.rate == pytest.approx(count / births * 10_000)
    england = under1.under1_figures(year)[under1.ENGLAND_CODE]
    assert pooled.limits == statistics.funnel_limits(england.rate, births)


def test_authorities_with_several_areas_are_listed_on_each_candidate_but_never_pooled(all_data):
    several = AuthorityArea.objects.filter(status=AuthorityArea.Status.SEVERAL).prefetch_related("candidates")
    assert several.exists()
    for link in several:
        for area in link.candidates.all():
            members = {member.link.la_code: member for member in areas.members_of(area)}
            assert link.la_code in members and not members[link.la_code].pooled


def make_member(code: str, count, births, flag=""):
    link = AuthorityArea(
        la_code=code, la_name=code, country="England", status=AuthorityArea.Status.SINGLE, basis="test"
    )
    member = areas.Member(link, None, pooled=True)
    member.infants = UnderOneFigure(code, code, 2020, "starts", count, flag, births, None)
    return member


def test_a_constructed_area_far_above_england_is_above_the_998_limit_and_suppressed_members_are_left_out():
    area = DfjArea(code="TEST", slug="test", name="Test area")
    england = UnderOneFigure("E92000001", "England", 2020, "starts", 500, "", 500_000, None)  # 10 per 10,000
    members = [make_member("A", 40, 10_000), make_member("B", 35, 10_000), make_member("C", None, 9_000, "c")]
    pooled = areas.pool(area, members, 2020, england)
    assert (pooled.count, pooled.births, pooled.authorities) == (75, 20_000, 2)
    assert pooled.left_out == ["C"]
    assert pooled.position == statistics.FunnelPosition.ABOVE_998
    within = areas.pool(area, [make_member("D", 20, 20_000)], 2020, england)
    assert within.position == statistics.FunnelPosition.WITHIN


def test_highest_and_lowest_areas_are_ranked_by_pooled_rate(all_data):
    year = under1.years_with_births()[-1]
    ranking = areas.ranked(areas.all_pooled(year))
    rates = [item.rate for item in ranking]
    assert rates == sorted(rates, reverse=True) and len(rates) > 30
    assert all(item.area.hmcts_region != "Wales" for item in ranking)  # no under-1 figures for Welsh LAs


def test_the_area_index_shows_no_figure_never_zero_for_areas_without_data(all_data, client):
    year = under1.years_with_births()[-1]
    names = {
        row["dfj_area_code"]: row["dfj_area_name"]
        for row in fixture_rows("seed-questions", "dfj_areas.csv")
        if row["dfj_area_code"] != "HIGH_COURT"
    }
    without = {names[code] for code in names if expected_pool(code, year)[1] == 0}  # no births pooled: no data
    welsh = {
        row["dfj_area_name"]
        for row in fixture_rows("seed-questions", "dfj_areas.csv")
        if row["hmcts_region"] == "Wales"
    }
    assert welsh and welsh <= without and len(without) < len(names)
    response = client.get(reverse("explorer:area_index"), {"download": "areas", "year": str(year)})
    table, _, _ = response.content.decode("utf-8").partition("\n\n")
    rows = {row[0]: row for row in csv.reader(io.StringIO(table))}
    for name in without:
        assert rows[name][3:8] == ["no figure"] * 5, name
    for name in set(names.values()) - without:
        count, births = expected_pool({v: k for k, v in names.items()}[name], year)
        assert rows[name][3:5] == [f"{count:,}", f"{births:,}"], name
    html = client.get(reverse("explorer:area_index"), {"year": str(year)}).content.decode()
    assert "No figure (not 0) for " in html and all(name in html for name in without)
