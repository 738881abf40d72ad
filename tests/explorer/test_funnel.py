"""The funnel plot flags exactly the known outliers of a constructed dataset, and of a real year recomputed here."""

import csv
import io
import math
import statistics as stats

import pytest

from catalogue.models import LocalAuthority
from explorer.figures import statistics, under_one
from explorer.figures.statistics import FunnelPosition
from explorer.pages import outliers as pages

from .conftest import fixture_rows, make_figures

# 21 English LAs with 2,000 births each: 17 at 7 infants (35 per 10,000), one at 14, one at 25, one at 0
# and one suppressed. England's published count 161 over 42,000 births = 38.33 per 10,000, so
# lambda = 7.67 for 2,000 births: exact Poisson limits put 25 above 99.8%, 14 above 95% only,
# and 0 below 99.8% (P(X = 0) = e^-7.67 = 0.00047 < 0.001).
HIGH, MODERATE, LOW, SUPPRESSED = "E08000025", "E06000001", "E09000033", "E06000002"


@pytest.fixture
def constructed(db):
    others = list(
        LocalAuthority.objects.filter(country="England")
        .exclude(ons_code__in=[HIGH, MODERATE, LOW, SUPPRESSED])
        .order_by("ons_code")
        .values_list("ons_code", flat=True)[:17]
    )
    make_figures(
        [(code, 7) for code in others] + [(HIGH, 25), (MODERATE, 14), (LOW, 0), (SUPPRESSED, None)], england=161
    )
    return under_one.figures(year=2020)


def names():
    return dict(LocalAuthority.objects.values_list("ons_code", "name"))


def test_funnel_flags_exactly_the_known_outliers(constructed):
    chart = pages.funnel(constructed, 2020, names=names())
    positions = {row[0]: row[-1] for row in chart.rows}
    outside = {name: position for name, position in positions.items() if position != FunnelPosition.WITHIN}
    assert outside == {
        "Birmingham": FunnelPosition.ABOVE_998,
        "Hartlepool": FunnelPosition.ABOVE_95,
        "Westminster": FunnelPosition.BELOW_998,
    }
    assert len(positions) == 20  # the suppressed LA is not plotted (and not as 0)...
    assert "Middlesbrough" not in positions
    assert any("Middlesbrough [c]" in note and "not 0" in note for note in chart.notes)  # ...and the page says why


def test_funnel_names_the_outliers_in_words_and_on_the_chart(constructed):
    chart = pages.funnel(constructed, 2020, names=names())
    assert "England's rate of 38.3 per 10,000" in chart.summary
    assert "3 lie outside the limits" in chart.summary
    for name in ("Birmingham", "Hartlepool", "Westminster"):
        assert name in chart.summary
    assert ">Birmingham</text>" in chart.svg  # above the 99.8% limit: named on the chart itself
    assert ">Hartlepool</text>" not in chart.svg and ">Westminster</text>" not in chart.svg  # in words only
    assert "Middlesbrough" not in chart.svg


def test_funnel_table_shows_the_limits_for_each_area(constructed):
    chart = pages.funnel(constructed, 2020, names=names())
    birmingham = next(row for row in chart.rows if row[0] == "Birmingham")
    assert birmingham[2:5] == ["25", "2,000", "125.0"]  # thousands separators
    lower_998, lower_95, upper_95, upper_998 = map(float, birmingham[5:9])
    assert lower_998 < lower_95 < 38.3 < upper_95 < upper_998 < 125.0


def winsorised_phi(z: list[float]) -> float:
    """Spiegelhalter's phi from the formula: z clamped to the 10th / 90th percentiles, mean of squares."""
    deciles = stats.quantiles(z, n=10, method="inclusive")
    clamped = [min(max(value, deciles[0]), deciles[-1]) for value in z]
    return sum(value**2 for value in clamped) / len(z)


def real_year_outliers(year: int) -> tuple[dict[str, tuple[str, str]], float]:
    """Chance-only and adjusted funnel positions recomputed straight from the fixture CSVs, not through the
    loader, with the over-dispersion factor computed here from its formula."""
    births_year = year - 1
    births = {
        row["area_code"]: int(row["live_births"])
        for row in fixture_rows("live_births_by_la.csv")
        if int(row["year"]) == births_year
    }
    starts = [row for row in fixture_rows("england_cla_starts_under1.csv") if int(row["year"]) == year]
    england = next(row for row in starts if row["geographic_level"] == "National")
    target = int(england["starts_under1"]) / births["E92000001"] * 10_000
    counts = {
        row["la_code_current"]: int(row["starts_under1"])
        for row in starts
        if row["geographic_level"] == "Local authority" and row["starts_under1"] and row["la_code_current"] in births
    }
    expected = {code: target * births[code] / 10_000 for code in counts}
    phi = winsorised_phi([(counts[code] - expected[code]) / math.sqrt(expected[code]) for code in counts])
    inflation = math.sqrt(phi) if len(counts) * phi > len(counts) - 1 else 1.0
    result = {}
    for code, count in counts.items():
        rate = count / births[code] * 10_000
        chance = statistics.funnel_limits(target, births[code])
        widened = {
            attr: max(0.0, target + inflation * (getattr(chance, attr) - target))
            for attr in ("lower_95", "upper_95", "lower_998", "upper_998")
        }
        wide = statistics.ControlLimits(births[code], **widened)
        result[code] = (statistics.funnel_position(rate, chance), statistics.funnel_position(rate, wide))
    return result, phi


def test_the_latest_real_year_names_the_outliers_computed_from_the_fixture(client, all_data_once):
    year = under_one.latest_year_with_births()
    expected, phi = real_year_outliers(year)
    assert len(expected) > 140
    response = client.get("/data/outliers/", {"download": "funnel"})
    table = list(csv.reader(io.StringIO(response.content.decode().split("\n\n")[0])))
    shown = {row[1]: tuple(row[-2:]) for row in table[1:]}
    chart = pages.funnel(under_one.figures(year=year), year, names=names())
    positions = {row[1]: tuple(row[-2:]) for row in chart.rows}
    assert positions == expected
    assert f"phi = {phi:.2f}" in chart.summary and f"phi = {phi:.2f}" in chart.notes[0]
    by_chance = [code for code, (chance, _) in expected.items() if chance != FunnelPosition.WITHIN]
    adjusted = [code for code, (_, wide) in expected.items() if wide != FunnelPosition.WITHIN]
    assert len(adjusted) < len(by_chance)  # the real data are over-dispersed: the allowance matters
    assert f"{len(by_chance)} lie outside the 95% limits that allow for chance alone" in chart.summary
    above = sorted(names()[code] for code, (_, wide) in expected.items() if wide == FunnelPosition.ABOVE_998)
    assert above and f"above the 99.8% limit: {', '.join(above)}" in chart.summary
    assert shown == expected  # the page's own CSV download agrees
