"""
The relationships page's context measures, recomputed here from the fixture CSVs alone: the under-1 rate
pooled over the same years (DfE starts over ONS live births of the year before), the average of the published
context values of those years, the tiny-denominator rule, and Pearson's r with its Fisher-z interval.
"""

import csv
import math

import pytest

from explorer.figures.context_pairing import MIN_POOLED_BIRTHS, POOLED_YEARS
from explorer.loading import context_measures, load_all
from explorer.pages.context_scatters import context_scatter
from tests.data_urls import reverse

from .conftest import fixture_rows

NORTHAMPTONSHIRE = ("E10000021", ("E06000061", "E06000062"))  # the county's births are its successors' sum


@pytest.fixture
def all_data(all_data_once):
    """Every dataset, loaded once for every test that only reads it (tests/shared_builds.py): these tests read
    the births, the infants in care and the context measures, and recompute every figure from the fixtures."""
    return all_data_once


# The placement shares: DfE's file keeps one `measure` for every placement type and names the type in `category`.
CLA_FILE = "england_cla_31march_placements_ethnicity_subset.csv"
PLACEMENTS = {
    "cla_placement_with_parents_pct": "Placed with parents or other person with parental responsibility",
    "cla_placement_foster_pct": "Foster placements",
    "cla_placement_childrens_homes_pct": "Secure homes and children's homes",
}


def context_file(measure):
    if measure in PLACEMENTS:
        filename, wanted = CLA_FILE, ("cla_31_march_by_placement_type_pct", PLACEMENTS[measure])
    else:
        filename = next(name for name, measures in context_measures.FILES.items() if measure in measures)
        wanted = None
    with open(context_measures.CONTEXT_MEASURES / filename, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    if wanted:
        return [row for row in rows if (row["measure"], row["category"]) == wanted]
    return [row for row in rows if row["measure"] == measure]


def births():
    table = {(r["area_code"], int(r["year"])): int(r["live_births"]) for r in fixture_rows("live_births_by_la.csv")}
    whole, parts = NORTHAMPTONSHIRE
    for year in {y for code, y in table if code == parts[0]}:
        if all((p, year) in table for p in parts):
            table[(whole, year)] = sum(table[(p, year)] for p in parts)
    return table


def expected(measure):
    """(r, low, high, n) recomputed from the fixtures, with the page's stated rules."""
    lag = 1 if "fte" in measure else 0  # workforce at 30 September Y lies in the year ending March Y + 1
    born = births()
    starts = [r for r in fixture_rows("england_cla_starts_under1.csv") if r["geographic_level"] == "Local authority"]
    birth_years = {year for _, year in born}
    rate_years = sorted({int(r["year"]) for r in starts if int(r["year"]) - 1 in birth_years})
    rows = context_file(measure)
    covered = {int(r["year"]) for r in rows if r["geographic_level"] == "National"}
    years = [y for y in rate_years if y - lag in covered][-POOLED_YEARS:]
    context = {}
    for r in rows:
        if r["geographic_level"] == "Local authority":
            context[(r["la_code_current"], int(r["year"]))] = r
    pairs = []
    for code in sorted({r["la_code_current"] or r["la_code"] for r in starts}):
        mine = {int(r["year"]): r for r in starts if (r["la_code_current"] or r["la_code"]) == code}
        chosen = [mine[y] for y in years if y in mine]
        if not chosen or any(r["starts_under1_flag"] for r in chosen):
            continue
        with_births = [(int(r["year"]), int(r["starts_under1"])) for r in chosen if (code, int(r["year"]) - 1) in born]
        total_births = sum(born[(code, y - 1)] for y, _ in with_births)
        if not with_births or total_births < MIN_POOLED_BIRTHS:
            continue
        cells = [context.get((code, y - lag)) for y, _ in with_births]
        if any(cell is None or not cell["value"] for cell in cells):
            continue
        rate = sum(count for _, count in with_births) / total_births * 10_000
        pairs.append((sum(float(cell["value"]) for cell in cells) / len(cells), rate))
    n = len(pairs)
    mx, my = sum(x for x, _ in pairs) / n, sum(y for _, y in pairs) / n
    sxy = sum((x - mx) * (y - my) for x, y in pairs)
    r = sxy / math.sqrt(sum((x - mx) ** 2 for x, _ in pairs) * sum((y - my) ** 2 for _, y in pairs))
    half = 1.959963984540054 / math.sqrt(n - 3)
    return r, math.tanh(math.atanh(r) - half), math.tanh(math.atanh(r) + half), n, years


@pytest.mark.parametrize(
    "measure", ["cpp_rate_per_10000_at_31_march", "turnover_rate_fte_pct", "agency_worker_rate_fte_pct", *PLACEMENTS]
)
def test_each_measure_against_the_under1_rate_of_the_same_years(all_data, measure):
    r, low, high, n, years = expected(measure)
    chart = context_scatter(measure)
    assert chart.correlation.n == n
    assert chart.correlation.r == pytest.approx(r, abs=1e-9)
    assert (chart.correlation.low, chart.correlation.high) == (
        pytest.approx(low, abs=1e-9),
        pytest.approx(high, abs=1e-9),
    )
    assert f"r = {r:.2f}" in chart.summary and f"{low:.2f} to {high:.2f}" in chart.summary
    assert f"years ending March {years[0]} to {years[-1]}" in " ".join(chart.notes)
    assert "Could not be paired by year" in " ".join(chart.notes)
    assert "Isles of Scilly" in " ".join(chart.notes)  # named under the tiny-denominator rule


# Loads its own three datasets: with the family justice data loaded too, the orders-at-home question shows the
# placed-with-parents chart of that data instead of the context scatter this test looks for.
def test_relationships_and_questions_pages_show_them(client, db):
    load_all(["live births", "infants in care (England and Wales)", "context measures"])
    listed = client.get(reverse("explorer:relationships")).content.decode()
    for slug, title in (
        ("cpp-rate-per-10000-at-31-march", "children on a child protection plan at 31 March"),
        ("cla-placement-foster-pct", "the share of children looked after in foster placements"),
    ):
        address = reverse("explorer:relationship", args=[f"under1-vs-{slug}"])
        assert f'href="{address}"' in listed
        assert f"Infants (under 1) entering care against {title}" in client.get(address).content.decode()
    questions = client.get(reverse("explorer:questions")).content.decode()
    assert "Does the social work workforce play a part" in questions
    assert "Infants (under 1) entering care against agency children and family social workers" in questions
    with_parents = context_scatter("cla_placement_with_parents_pct")
    orders_at_home = questions.split('id="orders-at-home"')[1].split("</section>")[0]
    assert with_parents.title in orders_at_home and f"r = {with_parents.correlation.r:.2f}" in orders_at_home
    # Ethnicity of children looked after (all ages) describes children in care, not families: linked, not plotted.
    young_parents = questions.split('id="young-parents"')[1].split("</section>")[0]
    assert f'href="{reverse("explorer:local_authorities")}"' in young_parents


def test_placement_shares_say_what_they_are_and_how_years_pair(all_data):
    _, _, _, n, years = expected("cla_placement_with_parents_pct")
    chart = context_scatter("cla_placement_with_parents_pct")
    notes = " ".join(chart.notes)
    assert f"31 March, {years[0]} to {years[-1]}" in chart.summary  # the snapshots paired, same years as the rates
    assert "last day of the April-to-March year" in notes
    assert "all ages" in notes and "England only" in notes
    assert "says nothing about causes" in notes
    assert f"{n} English authorities are compared" in notes
    # Authorities whose share DfE suppressed in a paired year are named, never counted as 0.
    suppressed = {
        row["la_name"]
        for row in context_file("cla_placement_with_parents_pct")
        if row["geographic_level"] == "Local authority" and int(row["year"]) in years and row["flag"] == "c"
    }
    left_out = notes.split("Left out for no published")[1]
    assert any(name in left_out for name in suppressed)
