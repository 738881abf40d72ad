"""Context measures: the loader keeps every published value (all-or-nothing on a bad file), and
context_series gives back exactly the fixture's values. Expected figures are read from the fixture CSVs."""

import csv
import io
import shutil
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from explorer.figures.context import context_series, context_values
from explorer.loading import FixtureError, context_measures, load_all
from explorer.models import ContextFigure

FOLDER = context_measures.CONTEXT_MEASURES
RATES = "england_cin_cpp_rates_la_lait.csv"
WORKFORCE = "england_social_work_workforce_la.csv"


def rows(filename, folder=FOLDER):
    with open(folder / filename, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def expected_rows():
    """Every row of the measures the site uses, once per authority of a joint return."""
    total = 0
    for filename, measures in context_measures.FILES.items():
        for row in rows(filename):
            if row["measure"] in measures:
                total += len(row["la_code_current"].split("/"))
    for filename, categories in context_measures.CATEGORY_FILES.items():
        total += sum((row["measure"], row["category"]) in categories for row in rows(filename))
    return total


def load():
    return load_all(["context measures"])


@pytest.fixture
def all_data(all_data_once):
    """Every dataset, loaded once for every test that only reads it or needs data to keep (tests/shared_builds.py);
    the test of the load itself loads into empty tables."""
    return all_data_once


def test_loads_every_published_value_and_is_idempotent(db):
    load()
    load()
    assert ContextFigure.objects.count() == expected_rows()
    for row in rows(RATES):
        if row["measure"] != "cpp_rate_per_10000_at_31_march" or row["geographic_level"] != "Local authority":
            continue
        stored = ContextFigure.objects.get(measure=row["measure"], year=row["year"], area_code=row["la_code_current"])
        assert stored.value == (Decimal(row["value"]) if row["value"] else None)
        assert stored.flag == row["flag"]  # a missing value keeps its symbol, never becomes 0


def test_joint_return_is_shown_to_each_authority_it_covers(all_data):
    joint = [r for r in rows(WORKFORCE) if "/" in r["la_code_current"] and r["measure"] == "turnover_rate_fte_pct"]
    assert joint
    for row in joint:
        for code in row["la_code_current"].split(" / "):
            figure = context_series(code, row["measure"])[int(row["year"])]
            assert figure.joint_return and figure.shown == (f"{float(row['value']):,.1f}" if row["value"] else "")


def test_context_series_and_values_match_the_fixture(all_data):
    blackpool = [
        r for r in rows(WORKFORCE) if r["la_code_current"] == "E06000009" and r["measure"] == "turnover_rate_fte_pct"
    ]
    series = context_series("E06000009", "turnover_rate_fte_pct")
    assert sorted(series) == sorted(int(r["year"]) for r in blackpool)
    for row in blackpool:
        assert series[int(row["year"])].value == float(row["value"])
    latest = max(int(r["year"]) for r in blackpool)
    everyone = context_values("turnover_rate_fte_pct", latest)
    published = [r for r in rows(WORKFORCE) if r["year"] == str(latest) and r["measure"] == "turnover_rate_fte_pct"]
    la_rows = [r for r in published if r["geographic_level"] == "Local authority"]
    assert len(everyone) == sum(len(r["la_code_current"].split("/")) for r in la_rows)


@pytest.fixture
def damaged(tmp_path, monkeypatch):
    """A copy of fixtures/context-measures/ the test can damage, used in place of the real one."""
    folder = tmp_path / "context-measures"
    shutil.copytree(FOLDER, folder)
    monkeypatch.setattr(context_measures, "CONTEXT_MEASURES", folder)
    return folder


def damage(folder, filename, line, column, value):
    """Set one cell of a copy (line numbers count the header as 1, as the loader's messages do)."""
    data = rows(filename, folder)
    data[line - 2][column] = value
    with open(folder / filename, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(data[0]))
        writer.writeheader()
        writer.writerows(data)


def first_line_of(folder, filename, measure):
    return next(i for i, row in enumerate(rows(filename, folder), start=2) if row["measure"] == measure)


@pytest.mark.parametrize(
    ("filename", "column", "value"),
    [
        (WORKFORCE, "value", "12,5"),  # a number with a comma
        (WORKFORCE, "value", "١٢"),  # Arabic-Indic digits
        (RATES, "year", "２０２０"),  # full-width digits
        (RATES, "flag", "?"),
        (WORKFORCE, "value", "1.123456"),  # more decimal places than are stored
    ],
)
def test_a_malformed_file_stops_the_load_naming_file_and_line_and_keeps_the_data(
    all_data, damaged, filename, column, value
):
    before = ContextFigure.objects.count()
    assert before  # the data to keep, loaded from the undamaged files
    kept = ContextFigure.objects.filter(area_code="E06000009").values_list("measure", "year", "value")
    kept = sorted(kept)
    measure = "turnover_rate_fte_pct" if filename == WORKFORCE else "cpp_rate_per_10000_at_31_march"
    line = first_line_of(damaged, filename, measure) + 3
    damage(damaged, filename, line, column, value)
    with pytest.raises(FixtureError) as error:
        load()
    assert filename in str(error.value) and f"line {line}" in str(error.value)
    assert ContextFigure.objects.count() == before
    assert sorted(ContextFigure.objects.filter(area_code="E06000009").values_list("measure", "year", "value")) == kept


def test_a_missing_file_stops_the_load(all_data, damaged):
    before = ContextFigure.objects.count()
    assert before  # the data to keep, loaded from the undamaged files
    (damaged / RATES).unlink()
    with pytest.raises(CommandError, match=f"Nothing was changed.*{RATES}"):
        call_command("load_open_data", stdout=io.StringIO())
    assert ContextFigure.objects.count() == before
