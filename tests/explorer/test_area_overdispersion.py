"""The family justice areas' funnel allows for over-dispersion as the local authority funnel does: phi and the
widened limits recomputed here from the fixture CSVs, and areas named as outliers only against the widened limits."""

import csv
import functools
import io
import math
import statistics as stats
from types import MappingProxyType

import pytest

from explorer.figures import areas, statistics
from explorer.figures import under_one as under1
from tests.data_urls import reverse

from .conftest import fixture_rows
from .test_family_justice_areas import expected_pool


@pytest.fixture
def all_data(all_data_once):
    """Every dataset, loaded once for every test that only reads it (tests/shared_builds.py)."""
    return all_data_once


def england_rate(year: int) -> float:
    """England's published count of infants starting care over England's live births of the paired year."""
    count = next(
        int(row["starts_under1"])
        for row in fixture_rows("infant-care", "england_cla_starts_under1.csv")
        if row["year"] == str(year) and row["la_code"] == "E92000001"
    )
    births = next(
        int(row["live_births"])
        for row in fixture_rows("open-data", "live_births_by_la.csv")
        if row["year"] == str(year - 1) and row["area_code"] == "E92000001"
    )
    return count / births * 10_000


# The fixture files do not change during a run: each area's pool is read from them once per year, not once a test
# (three files read for each of some forty areas, 0.6 s a test). A read-only view, so no test can alter another's.
@functools.cache
def pooled_from_fixtures(year: int) -> MappingProxyType[str, tuple[int, int]]:
    """(count, births) of every area with births pooled, by area name."""
    names = {
        row["dfj_area_code"]: row["dfj_area_name"]
        for row in fixture_rows("seed-questions", "dfj_areas.csv")
        if row["dfj_area_code"] != "HIGH_COURT"
    }
    pools = {names[code]: expected_pool(code, year) for code in names}
    return MappingProxyType({name: pool for name, pool in pools.items() if pool[1]})


def phi_from_the_formula(pools: dict[str, tuple[int, int]], target: float) -> float:
    """Spiegelhalter: z = (O - E) / sqrt(E), Winsorised at the 10th / 90th percentiles, phi = mean of squares."""
    z = [(count - target * births / 10_000) / math.sqrt(target * births / 10_000) for count, births in pools.values()]
    deciles = stats.quantiles(z, n=10, method="inclusive")
    return sum(min(max(value, deciles[0]), deciles[-1]) ** 2 for value in z) / len(z)


@pytest.fixture
def latest(all_data):
    year = under1.years_with_births()[-1]
    target = england_rate(year)
    pools = pooled_from_fixtures(year)
    return year, target, pools, phi_from_the_formula(pools, target)


def test_phi_for_the_areas_is_estimated_from_every_area_with_a_pooled_rate(latest):
    year, target, pools, phi = latest
    every_area = areas.all_pooled(year)
    dispersion = every_area[0].dispersion
    assert dispersion.areas == len(pools)
    assert dispersion.phi == pytest.approx(phi)
    assert dispersion.applies == (len(pools) * phi > len(pools) - 1)


def test_each_areas_widened_limits_are_sqrt_phi_further_from_englands_rate(latest):
    year, target, pools, phi = latest
    by_name = {item.area.name: item for item in areas.all_pooled(year)}
    applies = len(pools) * phi > len(pools) - 1
    for name, (_, births) in pools.items():
        chance = statistics.funnel_limits(target, births)
        inflation = math.sqrt(phi) if applies else 1.0
        item = by_name[name]
        assert item.limits == chance
        assert item.adjusted_limits.upper_95 == pytest.approx(target + inflation * (chance.upper_95 - target))
        assert item.adjusted_limits.lower_998 == pytest.approx(
            max(0.0, target + inflation * (chance.lower_998 - target))
        )


def positions(pools, target, phi) -> dict[str, tuple[str, str]]:
    """(chance-only, widened) position of every area, recomputed from the fixtures."""
    applies = len(pools) * phi > len(pools) - 1
    result = {}
    for name, (count, births) in pools.items():
        rate = count / births * 10_000
        chance = statistics.funnel_limits(target, births)
        inflation = math.sqrt(phi) if applies else 1.0
        wide = statistics.ControlLimits(
            births, **{a: max(0.0, target + inflation * (getattr(chance, a) - target)) for a in LIMITS}
        )
        result[name] = (statistics.funnel_position(rate, chance), statistics.funnel_position(rate, wide))
    return result


LIMITS = ("lower_95", "upper_95", "lower_998", "upper_998")


def test_the_index_names_outliers_only_against_the_widened_limits_and_shows_both(latest, client):
    year, target, pools, phi = latest
    expected = positions(pools, target, phi)
    by_chance = {name for name, (chance, _) in expected.items() if chance != statistics.FunnelPosition.WITHIN}
    outliers = {name for name, (_, wide) in expected.items() if wide != statistics.FunnelPosition.WITHIN}
    assert outliers <= by_chance  # widening can only take areas inside
    response = client.get(reverse("explorer:area_index"), {"download": "areas-funnel", "year": str(year)})
    table, _, _ = response.content.decode("utf-8").partition("\n\n")
    rows = {row[0]: row for row in csv.reader(io.StringIO(table))}
    for name, (chance, wide) in expected.items():
        assert rows[name][-2:] == [chance, wide], name
    html = client.get(reverse("explorer:area_index"), {"year": str(year)}).content.decode()
    summary = html[html.index(f"{len(by_chance)} of {len(pools)} areas lie outside") :].split("</", 1)[0]
    assert f"phi = {phi:.2f}" in summary or not len(pools) * phi > len(pools) - 1
    for name in by_chance - outliers:
        assert name not in summary, name  # outside chance-only limits only: not named
    for name in outliers:
        assert name.replace("&", "&amp;") in summary, name
    assert "does not mean the area is doing well or badly" in html


def test_an_area_page_and_its_board_report_give_both_positions(latest, client):
    year, target, pools, phi = latest
    expected = positions(pools, target, phi)
    item = next(item for item in areas.all_pooled(year) if item.area.name in expected)
    chance, wide = expected[item.area.name]
    page = client.get(reverse("explorer:area_detail", args=[item.area.slug]), {"year": str(year)}).content.decode()
    assert f"{wide} allowing for the usual spread between areas (over-dispersion); {chance} on chance alone" in page
    report = client.get(reverse("explorer:board_report", args=[item.area.slug])).content.decode()
    assert f"phi = {phi:.2f} from {len(pools)} areas): {wide}; on chance alone: {chance}." in report
