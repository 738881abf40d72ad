"""The funnel plot flags exactly the known outliers of a constructed dataset, and no others."""

import pytest

from catalogue.models import LocalAuthority
from explorer import pages
from explorer.measures import area_rates
from explorer.statistics import FunnelPosition

from .conftest import make_dataset

# 21 English LAs with 2,000 births each: 17 at 7 babies (35 per 10,000), one at 14, one at 25, one at 0
# and one at 3 (suppressed, but still in England's total). England: 161 / 42,000 = 38.33 per 10,000,
# so lambda = 7.67 for 2,000 births: exact Poisson limits put 25 above 99.8%, 14 above 95% only,
# and 0 below 99.8% (P(X = 0) = e^-7.67 = 0.00047 < 0.001).
HIGH, MODERATE, LOW, SMALL = "E08000025", "E06000001", "E09000033", "E06000002"


@pytest.fixture
def constructed(db):
    others = [code for code in LocalAuthority.objects.filter(country="England").exclude(
        ons_code__in=[HIGH, MODERATE, LOW, SMALL]).order_by("ons_code").values_list("ons_code", flat=True)[:17]]
    rows = [(code, 7) for code in others] + [(HIGH, 25), (MODERATE, 14), (LOW, 0), (SMALL, 3)]
    return make_dataset(rows)


def test_funnel_flags_exactly_the_known_outliers(constructed):
    chart = pages.funnel(constructed, area_rates(constructed), 2020)
    positions = {row[0]: row[-1] for row in chart.rows}
    outside = {name: position for name, position in positions.items() if position != FunnelPosition.WITHIN}
    assert outside == {
        "Birmingham": FunnelPosition.ABOVE_998,
        "Hartlepool": FunnelPosition.ABOVE_95,
        "Westminster": FunnelPosition.BELOW_998,
    }
    assert len(positions) == 20  # the suppressed LA is not plotted...
    assert "Middlesbrough" not in positions
    assert any("Middlesbrough" in note for note in chart.notes)  # ...and the page says why


def test_funnel_names_the_outliers_in_words_and_on_the_chart(constructed):
    chart = pages.funnel(constructed, area_rates(constructed), 2020)
    assert "England's rate of 38.3 per 10,000" in chart.summary
    assert "3 lie outside the limits" in chart.summary
    for name in ("Birmingham", "Hartlepool", "Westminster"):
        assert name in chart.summary
    # Points outside the 99.8% limits are labelled on the SVG itself.
    assert ">Birmingham</text>" in chart.svg and ">Westminster</text>" in chart.svg
    assert ">Hartlepool</text>" not in chart.svg


def test_funnel_table_shows_the_limits_for_each_area(constructed):
    chart = pages.funnel(constructed, area_rates(constructed), 2020)
    birmingham = next(row for row in chart.rows if row[0] == "Birmingham")
    assert birmingham[2:5] == ["25", "2000", "125.0"]
    lower_998, lower_95, upper_95, upper_998 = map(float, birmingham[5:9])
    assert lower_998 < lower_95 < 38.3 < upper_95 < upper_998 < 125.0


def test_small_pooled_counts_are_suppressed_in_regions_too(db):
    dataset = make_dataset([("E06000001", 3), ("E08000025", 25)])  # Hartlepool (North East), Birmingham
    chart = pages.regions_compared(dataset, area_rates(dataset), 2020)
    rows = {row[0]: row for row in chart.rows}
    assert rows["North East"][1] == "[c]" and rows["North East"][3] == ""
    assert rows["West Midlands"][1:4] == ["25", "2000", "125.0"]
    assert "no figure" in chart.svg
    trend = pages.national_trend(dataset, area_rates(dataset))
    assert trend.rows[0][2:5] == ["28", "4000", "70.0"]  # England still counts the suppressed area
