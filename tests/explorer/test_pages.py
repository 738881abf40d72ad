"""
The explorer's public pages on the real under-1 figures: every figure checked against the fixture CSVs
read here, suppression shown and never plotted, re-codes joined, boundary changes broken, charts complete.
"""

import csv
import io
import re
from html import unescape

import pytest

from catalogue.models import LocalAuthority
from explorer.formatting import year_label
from tests.data_urls import reverse
from tests.factories import CaseStudyPageFactory

from .conftest import fixture_rows

CHART_PAGES = ["explorer:overview", "explorer:regions", "explorer:funnel"]  # and each relationship's page
BLACKPOOL, GATESHEAD, BCP, CARDIFF = "E06000009", "E08000037", "E06000058", "W06000015"
# Sections of the chart kit that are a table by design (`charts.table(...)`), with no drawing.
TABLE_ONLY = {"la-context-latest", "la-placements-years", "la-ethnicity-years"}  # tables beside a chart


@pytest.fixture
def real(all_data_once):
    """The real open data, loaded once for every test that reads it (tests/shared_builds.py)."""
    return None


def page(client, name, *args, **params):
    response = client.get(reverse(name, args=args), params)
    assert response.status_code == 200
    return unescape(response.content.decode())


def download(client, name, slug, *args, **params):
    """The chart's CSV as rows (data only), and its Link header, which names its sources and licences."""
    response = client.get(reverse(name, args=args), {"download": slug, **params})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode()))), response["Link"]


def fmt(count: str) -> str:
    return f"{int(count):,}"


def starts(code: str) -> dict[int, dict]:
    return {
        int(row["year"]): row for row in fixture_rows("england_cla_starts_under1.csv") if row["la_code_current"] == code
    }


def test_the_national_trend_shows_every_published_year_as_published(client, real):
    html = page(client, "explorer:overview")
    assert "synthetic" not in html.lower() and "invented" not in html.lower()  # nothing invented on /data/
    assert "infants (under 1) entering care" in html.lower() and "not counts of" in html
    rows, sources = download(client, "explorer:overview", "england-starts")
    national = starts("E92000001")
    assert national and len(rows) - 1 == len(national)  # every year the fixture publishes
    for row in rows[1:]:
        year = int(row[0].split(" to ")[1])
        assert row[0] == year_label(year) == f"{year - 1} to {year}"
        assert row[1] == fmt(national[year]["starts_under1"]) and row[2] == fmt(national[year]["starts_all_ages"])
        assert f">{row[1]}<" in html
    assert "open-government-licence" in sources and "Department%20for%20Education" in sources  # the Link header
    assert "rounded to the nearest 10" in html  # the definition is on the page, beside the chart


def test_rates_only_for_years_with_published_births(client, real):
    rows, _ = download(client, "explorer:overview", "england-rate")
    births = {
        int(r["year"]): int(r["live_births"])
        for r in fixture_rows("live_births_by_la.csv")
        if r["area_code"] == "E92000001"
    }
    national = starts("E92000001")
    expected = [year for year in sorted(national) if year - 1 in births]
    assert [int(row[0].split(" to ")[1]) for row in rows[1:]] == expected
    for row in rows[1:]:
        year = int(row[0].split(" to ")[1])
        assert row[2] == f"{births[year - 1]:,}" and row[3] == str(year - 1)
        assert row[4] == f"{int(national[year]['starts_under1']) / births[year - 1] * 10_000:.1f}"


def test_headline_and_quoted_figures_appear_exactly_as_published(client, real):
    html = page(client, "explorer:overview")
    for position, row in enumerate(fixture_rows("born_into_care_headlines.csv"), start=1):
        start = html.index(f'id="headline-{position}"')
        cells = html[start : html.index("</tr>", start)]
        assert (row["value"] or "not published as a number") in cells
    for position, row in enumerate(fixture_rows("published_born_into_care_figures.csv"), start=1):
        start = html.index(f'id="quote-{position}"')
        cells = html[start : html.index("</tr>", start)]
        assert row["quote"] in cells and row["url"] in cells
    assert "not Crown copyright" in html


@pytest.mark.parametrize(
    "name,args",
    [(name, []) for name in CHART_PAGES]
    + [("explorer:local_authority", [BLACKPOOL]), ("explorer:local_authority", [CARDIFF])],
)
def test_every_chart_has_svg_summary_table_csv_source_licence_and_definition(client, real, name, args):
    assert_every_chart_complete(client, name, *args)


def test_every_relationship_s_page_has_its_chart_complete(client, real):
    """Every relationship the list links to has a page of its own with the chart, its table and its CSV."""
    listed = page(client, "explorer:relationships")
    slugs = re.findall(r'href="{}([^/"]+)/"'.format(re.escape(reverse("explorer:relationships"))), listed)
    assert len(slugs) > 10
    for slug in slugs:
        assert assert_every_chart_complete(client, "explorer:relationship", slug) == [slug]


def assert_every_chart_complete(client, name, *args) -> list[str]:
    """Each chart section of the page: drawing, table, CSV (the same rows), sources, licence and definition."""
    html = page(client, name, *args)
    charts = html.split('<section class="explorer-chart"')[1:]
    assert charts
    slugs = []
    for chart in charts:
        chart = chart[: chart.index("</section>")]
        slug = chart.split('id="chart-', 1)[1].split('"', 1)[0]
        slugs.append(slug)
        if slug not in TABLE_ONLY:
            assert "<svg" in chart and "<title>" in chart, slug
        assert 'class="govuk-table"' in chart and "Download this data as CSV" in chart, slug
        assert "Source, licence and definition" in chart and "Licence:" in chart and "Definition:" in chart, slug
        rows, sources = download(client, name, slug, *args)
        table = chart[chart.index("<tbody") : chart.index("</tbody>")]
        assert table.count("<tr") == len(rows) - 1, slug
        for row in rows[1:4]:
            for cell in row:
                assert f">{cell}<" in table, (slug, cell)
        assert 'rel="license"' in sources and 'rel="via"' in sources
    return slugs


def test_blackpool_shows_every_published_year_beside_the_north_west_england_and_neighbours(client, real):
    html = page(client, "explorer:local_authority", BLACKPOOL)
    rows, _ = download(client, "explorer:local_authority", "la-under1-share", BLACKPOOL)
    header = rows[0]
    assert [c for c in header if c.endswith("(%)")] == [
        "Blackpool: under-1 share of all starts (%)",
        "North West: under-1 share of all starts (%)",
        "England: under-1 share of all starts (%)",
        "Statistical neighbours (pooled): under-1 share of all starts (%)",
    ]
    published = starts(BLACKPOOL)
    assert published and len(rows) - 1 == len(published)
    for row in rows[1:]:
        year = int(row[0].split(" to ")[1])
        assert row[1] == fmt(published[year]["starts_under1"])
        assert row[2] == fmt(published[year]["starts_all_ages"])
        assert all(row[3:]), row  # every line has a figure in every year
    neighbours = [
        r["neighbour_name"] for r in fixture_rows("statistical_neighbours_2021.csv") if r["ons_code"] == BLACKPOOL
    ]
    assert all(name in html for name in neighbours)


def test_a_recoded_authority_is_one_continuous_series(client, real):
    published = starts(GATESHEAD)
    assert {row["la_code"] for row in published.values()} == {"E08000020", "E08000037"}  # the code changed
    rows, _ = download(client, "explorer:local_authority", "la-under1-share", GATESHEAD)
    by_year = {int(row[0].split(" to ")[1]): row for row in rows[1:]}
    for year, row in published.items():
        expected = fmt(row["starts_under1"]) if row["starts_under1"] else f"[{row['starts_under1_flag']}]"
        assert by_year[year][1] == expected, year
    html = page(client, "explorer:local_authority", GATESHEAD)
    assert "Gateshead, 2011 to 2012:" in html and "Gateshead, 2018 to 2019:" in html  # plotted on both sides


def test_suppressed_figures_are_shown_as_suppressed_and_never_plotted(client, real):
    suppressed = [year for year, row in starts(GATESHEAD).items() if row["starts_under1_flag"]]
    assert suppressed  # Gateshead 2019 to 2020 is suppressed in the fixture
    html = page(client, "explorer:local_authority", GATESHEAD)
    for slug in ("la-under1-rate", "la-under1-share"):
        chart = html[html.index(f'id="chart-{slug}"') :]
        chart = chart[: chart.index("</section>")]
        for year in suppressed:
            label = year_label(year)
            assert f"Gateshead, {label}:" not in chart  # no marker at all, so never drawn as 0
            assert f"Gateshead, {year_label(year - 1)}:" in chart  # while the year before is drawn
            assert f"Suppressed (not 0, and not plotted): {label}" in chart
    rows, _ = download(client, "explorer:local_authority", "la-under1-rate", GATESHEAD)
    row = next(r for r in rows if r[0] == year_label(suppressed[0]))
    assert row[1] == "[c]" and row[3] == ""
    # In the funnel plot of a real year, suppressed LAs are listed and not drawn.
    year = max(
        int(r["year"])
        for r in fixture_rows("england_cla_starts_under1.csv")
        if r["starts_under1_flag"] and int(r["year"]) <= 2023
    )
    hidden = [
        r["la_name"]
        for r in fixture_rows("england_cla_starts_under1.csv")
        if int(r["year"]) == year and r["starts_under1_flag"] and r["geographic_level"] == "Local authority"
    ]
    html = page(client, "explorer:funnel", year=str(year))
    svg = html[html.index("<svg") : html.index("</svg>")]
    for name in hidden:
        assert f"<title>{name}:" not in svg and f"{name} [" in html


def test_a_boundary_change_is_a_series_break(client, real):
    rows, _ = download(client, "explorer:local_authority", "la-under1-share", BCP)
    header = rows[0]
    assert "Bournemouth (before the boundary change): under-1 share of all starts (%)" in header
    bournemouth = starts("E06000028")
    by_year = {int(row[0].split(" to ")[1]): row for row in rows[1:]}
    for year in range(2011, 2020):
        assert by_year[year][1] == ""  # BCP did not exist: its own column is empty, not Bournemouth's figure
    assert set(bournemouth) == set(range(2011, 2020))
    html = page(client, "explorer:local_authority", BCP)
    assert "shown as separate lines, not joined" in html


def test_a_welsh_profile_shows_its_infants_in_care_with_the_rounding_note(client, real):
    html = page(client, "explorer:local_authority", CARDIFF)
    rows, sources = download(client, "explorer:local_authority", "la-31-march", CARDIFF)
    published = {
        int(r["year"]): r for r in fixture_rows("wales_cla_at31march_under1_la.csv") if r["la_code"] == CARDIFF
    }
    assert len(rows) - 1 == len(published) == 16
    for row in rows[1:]:
        source = published[int(row[0])]
        total = source["under1_boys_plus_girls_sum_of_rounded"]
        assert row[1] == (fmt(total) if total else "[*]")
        assert row[2] == fmt(source["cla_at31march_all_ages"])
    assert rows[0][-1] == "Wales: under-1 share of all looked after (%)"
    assert "StatsWales" in sources and "rounded to the nearest 5" in html and "StatsWales" in html


def test_regions_use_the_published_regional_counts(client, real):
    html = page(client, "explorer:regions")
    rows, _ = download(client, "explorer:regions", "regions")
    year = max(int(r["year"]) for r in fixture_rows("england_cla_starts_under1.csv")) - 2  # 2023: births to 2022
    regional = {
        r["la_name"]: r
        for r in fixture_rows("england_cla_starts_under1.csv")
        if int(r["year"]) == year and r["la_code"].startswith("E12")
    }
    assert len(rows) - 1 == len(regional) == 9
    for row in rows[1:]:
        assert row[1] == fmt(regional[row[0]]["starts_under1"])
    assert "rounded to the nearest 10" in html and year_label(year) in html


def test_relationships_give_a_correlation_with_an_interval(client, real):
    for slug in ("under1-vs-imd", "under1-vs-spend", "under1-vs-ofsted", "under1-vs-cafcass"):
        html = page(client, "explorer:relationship", slug)
        chart = html[html.index(f'id="chart-{slug}"') :]
        chart = chart[: chart.index("</section>")]
        assert "correlation r = " in chart and "95% confidence interval" in chart and "not causation" in chart


def test_the_relationships_page_lists_each_with_its_correlation_and_links_to_its_own_page(client, real):
    """/data/relationships/ was 21 charts long (1.6 MB, about 68,000 px at 390 px wide): it now lists them, each
    with the correlation its own page gives, grouped as the three families of measures come."""
    from explorer.figures.statistics import relationship_in_words
    from explorer.pages.relationships import grouped_scatters

    html = page(client, "explorer:relationships")
    assert '<section class="explorer-chart"' not in html and "<svg" not in html
    groups = [(heading, charts) for heading, charts in grouped_scatters() if charts]
    assert len(groups) == 3
    rows = html.split('<tr class="govuk-table__row" id="chart-')[1:]
    assert [row.split('"', 1)[0] for row in rows] == [chart.slug for _, charts in groups for chart in charts]
    for heading, _ in groups:
        assert f'<h2 class="govuk-heading-l">{heading}</h2>' in html
    for row, chart in zip(rows, [chart for _, charts in groups for chart in charts], strict=True):
        row = row[: row.index("</tr>")]
        corr = chart.correlation
        assert f'href="{reverse("explorer:relationship", args=[chart.slug])}"' in row
        assert f"{corr.method} r = {corr.r:.2f} ({corr.low:.2f} to {corr.high:.2f})" in row, chart.slug
        assert f">{corr.n}<" in row
        words = relationship_in_words(corr)  # as the chart's own summary says it
        assert f"there is {words} between" in chart.summary and words[:1].upper() + words[1:] in row, chart.slug
        assert ("the interval includes zero" in row) == corr.includes_zero, chart.slug
    # Every source of every chart is named on the list, with its licence (the list's figures come from them).
    sources = html[html.index('<h2 class="govuk-heading-m">Sources and licences</h2>') :]
    for source in {source for _, charts in groups for chart in charts for source in chart.sources}:
        assert source.title in sources and f"Licence: {source.licence}." in sources, source.title
    # Its own page: the chart, the others listed, and the way back.
    first = groups[0][1][0]
    own = page(client, "explorer:relationship", first.slug)
    assert f'id="chart-{first.slug}"' in own and own.count('<section class="explorer-chart"') == 1
    others = own[own.index('id="explorer-others-title"') :]
    assert f'href="{reverse("explorer:relationship", args=[groups[2][1][0].slug])}"' in others
    assert f'href="{reverse("explorer:relationships")}"' in others


def test_an_unknown_relationship_is_a_clear_404_and_old_csv_links_still_work(client, real):
    response = client.get(reverse("explorer:relationship", args=["under1-vs-nothing"]))
    assert response.status_code == 404
    rows, _ = download(client, "explorer:relationships", "under1-vs-imd")  # the list still serves each CSV
    assert rows == download(client, "explorer:relationship", "under1-vs-imd", "under1-vs-imd")[0]
    assert len(rows) > 100


@pytest.mark.parametrize(
    "params",
    [{"year": "²"}, {"dataset": "²"}, {"year": "1066", "dataset": "abc"}, {"year": "٢٠٢٣"}],
)
def test_bad_parameters_are_ignored_with_a_notice(client, real, params):
    for name in ("explorer:funnel", "explorer:regions", "explorer:overview"):
        page(client, name, **params)
    html = page(client, "explorer:funnel", **params)
    if "year" in params:
        assert "There are no figures for the year" in html
    assert client.get(reverse("explorer:funnel"), {"download": "nonsense"}).status_code == 404
    assert client.get(reverse("explorer:local_authority", args=["E99999999"])).status_code == 404


def test_a_control_character_is_refused_before_the_page(client, real):
    # website/control_characters.py: a NUL byte never reaches the page or the database.
    assert client.get(reverse("explorer:funnel"), {"year": "2023\x00"}).status_code == 400


def test_profile_links_to_the_catalogue(client, real, catalogue):
    authority = LocalAuthority.objects.get(ons_code="E08000025")
    entry = CaseStudyPageFactory(parent=catalogue, title="Birmingham pre-birth pathway", publish=False)
    entry.local_authorities.set([authority])
    entry.save_revision().publish()
    html = page(client, "explorer:local_authority", "E08000025")
    for text in (
        "Ofsted judgement",
        "Index of Multiple Deprivation 2019",
        "Statistical neighbours",
        "Birmingham pre-birth pathway",
        "/catalogue/?region=",
        "return was not received",
        "Infants (under 1) starting to be looked after per 10,000 live births: Birmingham compared",
    ):
        assert text in html, text


def test_sources_page_lists_every_dataset_used(client, real):
    html = page(client, "explorer:sources")
    for filename in (
        "england_cla_starts_under1.csv",
        "england_cla_at31march_under1.csv",
        "wales_cla_at31march_under1_la.csv",
        "england_cafcass_care_applications_rate_la.csv",
        "live_births_by_la.csv",
        "imd2019_upper_tier.csv",
        "statistical_neighbours_2021.csv",
        "published_born_into_care_figures.csv",
    ):
        assert filename in html, filename
    assert html.count("Known limits") >= 10 and "Cafcass's own reuse statement could not be checked" in html
