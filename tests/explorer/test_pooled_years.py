"""Every pooled under-1 rate on /data/relationships/ states the years it actually pools, per authority,
recomputed here from the fixture CSVs (not through the loader)."""

import csv
import io

from explorer.figures import under_one
from explorer.figures.measures import years_pooled
from explorer.pages.relationships import POOLED_YEARS
from tests.data_urls import reverse

from .conftest import fixture_rows


def test_years_pooled_are_written_as_runs():
    assert years_pooled([2021, 2019, 2020, 2023]) == "2019 to 2021, 2023"
    assert years_pooled([2022]) == "2022"
    assert years_pooled([]) == ""


def expected_years(period: list[int]) -> dict[str, list[int]]:
    """{LA code: years with a published count and a births figure}, for LAs with no missing count in the period."""
    births = {(row["area_code"], int(row["year"])) for row in fixture_rows("live_births_by_la.csv")}
    years: dict[str, list[int]] = {}
    suppressed = set()
    for row in fixture_rows("england_cla_starts_under1.csv"):
        year, code = int(row["year"]), row["la_code_current"]
        if row["geographic_level"] != "Local authority" or year not in period:
            continue
        if not row["starts_under1"]:  # suppressed [c] or not available [x]: the page leaves the LA out
            suppressed.add(code)
        elif (code, year - 1) in births:
            years.setdefault(code, []).append(year)
    return {code: sorted(found) for code, found in years.items() if code not in suppressed}


def test_each_authority_states_the_years_its_pooled_rate_covers(client, all_data_once):
    period = under_one.years_with_births()[-POOLED_YEARS:]
    expected = expected_years(period)
    response = client.get(reverse("explorer:relationships"), {"download": "under1-vs-imd"})
    table = list(csv.reader(io.StringIO(response.content.decode("utf-8").partition("\n\n")[0])))
    assert table[0][-1].startswith("Years pooled for this authority")
    shown = {row[1]: row[-1] for row in table[1:]}
    assert len(shown) > 100 and set(shown) <= set(expected)  # only authorities with every count published
    for code, years in shown.items():
        assert years == years_pooled(expected[code]), code
    fewer = {code for code in shown if len(expected[code]) < len(period)}
    assert fewer  # some authorities (new or merged ones) pool fewer years: the test can bite
    html = client.get(reverse("explorer:relationship", args=["under1-vs-imd"])).content.decode()
    note = html[html.index("Pooled over fewer than") :].split("</", 1)[0]
    names = {row[1]: row[0] for row in table[1:]}
    for code in fewer:
        assert names[code] in note and years_pooled(expected[code]) in note
