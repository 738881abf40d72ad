"""
/data/relationships/: spend (one year) and Ofsted grades (each authority's latest inspection) cannot be paired
with the under-1 rate by year, so each chart says which years each side covers, read here from the fixtures.
"""

import csv
import io
from datetime import date
from html import unescape

from tests.data_urls import reverse

from .conftest import fixture_rows

POOLED_YEARS = 5


def rate_years() -> tuple[int, int]:
    """The under-1 rate's pooled reporting years: the latest five whose paired births (year - 1) exist."""
    births = {int(row["year"]) for row in fixture_rows("live_births_by_la.csv") if row["area_code"] == "E92000001"}
    starts = {
        int(row["year"]) for row in fixture_rows("england_cla_starts_under1.csv") if row["la_code"] == "E92000001"
    }
    paired = sorted(year for year in starts if year - 1 in births)
    return paired[-POOLED_YEARS], paired[-1]


def chart_section(client, slug: str) -> str:
    """The chart's section on its own page (/data/relationships/<slug>/)."""
    html = unescape(client.get(reverse("explorer:relationship", args=[slug])).content.decode())
    section = html[html.index(f'id="chart-{slug}"') :]
    return section[: section.index("</section>")]


def test_spend_and_ofsted_say_which_years_each_side_covers(all_data_once, client):
    url = reverse("explorer:relationships")
    first, last = rate_years()
    rates = f"the under-1 rate pools years ending March {first} to {last} (the latest years with live births)"
    spend = chart_section(client, "under1-vs-spend")
    assert f"Years: {rates}; spend per child is for 2024 to 2025 only" in spend
    assert "They cannot be paired by year." in spend
    table = client.get(url, {"download": "under1-vs-ofsted"}).content.decode().partition("\n\n")[0]
    plotted = {row["ONS code"] for row in csv.DictReader(io.StringIO(table))}
    inspected = [
        date.fromisoformat(row["inspection_date"])
        for row in fixture_rows("ofsted_ilacs_judgements_2025.csv")
        if row["la_code"] in plotted
    ]
    ofsted = chart_section(client, "under1-vs-ofsted")
    assert (
        f"Years: {rates}; the Ofsted grade is each authority's latest inspection, inspected between "
        f"{min(inspected):%B %Y} and {max(inspected):%B %Y}. They cannot be paired by year." in ofsted
    )
    cafcass = chart_section(client, "under1-vs-cafcass")
    assert "Years: both sides are" in cafcass and "cannot be paired" not in cafcass
