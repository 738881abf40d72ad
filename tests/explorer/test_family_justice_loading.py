"""Loading fixtures/seed-questions/: complete, idempotent, all-or-nothing, errors naming file and row."""

import csv
import io
import shutil

import pytest
from django.core.management import CommandError, call_command

from explorer.figures import family_justice as measures
from explorer.loading import family_justice as loading
from explorer.loading.reader import FixtureError
from explorer.models import (
    AuthorityArea,
    DfjArea,
    DfjCourt,
    LegalStatusFigure,
    ResidentialFamilyCentre,
    Under18Conception,
)

from .conftest import ROOT, fixture_rows


def table_sizes():
    return [
        model.objects.count()
        for model in (DfjArea, DfjCourt, AuthorityArea, LegalStatusFigure, ResidentialFamilyCentre, Under18Conception)
    ]


def test_every_row_of_every_file_is_loaded(family_justice):
    folder = "seed-questions"
    assert DfjArea.objects.count() == len(fixture_rows(folder, "dfj_areas.csv"))
    assert DfjCourt.objects.count() == len(fixture_rows(folder, "dfj_area_courts.csv"))
    assert AuthorityArea.objects.count() == len(fixture_rows(folder, "la_dfj_area.csv"))
    assert LegalStatusFigure.objects.filter(measure="starts").count() == len(
        fixture_rows(folder, "england_cla_starts_legal_status_wide.csv")
    )
    assert LegalStatusFigure.objects.filter(measure="at31march").count() == len(
        fixture_rows(folder, "england_cla_at31march_legal_status_wide.csv")
    )
    assert ResidentialFamilyCentre.objects.count() == len(fixture_rows(folder, "ofsted_residential_family_centres.csv"))
    assert Under18Conception.objects.count() == len(fixture_rows(folder, "under18_conception_rate_la.csv"))


def test_loading_twice_gives_the_same_tables(family_justice):
    before = table_sizes()
    assert loading.load_family_justice() == family_justice
    assert table_sizes() == before


@pytest.mark.django_db
class TestOnTheLoadedTables:
    """
    Tests that only read the loaded tables: every dataset, loaded once for all such tests (tests/shared_builds.py).
    The tests of a load into empty tables (counts, idempotency) and of a bad `load_open_data` load the family
    justice tables themselves.
    """

    @pytest.fixture
    def family_justice(self, all_data_once):
        return all_data_once

    def test_suppressed_counts_are_stored_as_missing_never_zero(self, family_justice):
        rows = [
            row
            for row in fixture_rows("seed-questions", "england_cla_starts_legal_status_wide.csv")
            if row["starts_s20_flag"] in ("c", "x")
        ]
        assert rows, "the fixture has suppressed section 20 cells"
        for row in rows:
            figure = LegalStatusFigure.objects.get(
                measure="starts", la_code=row["la_code_current"], year=int(row["year"])
            )
            assert figure.section_20 is None and figure.section_20_flag == row["starts_s20_flag"]

    def test_authorities_spanning_several_areas_keep_every_candidate(self, family_justice):
        for row in fixture_rows("seed-questions", "la_dfj_area.csv"):
            link = AuthorityArea.objects.get(la_code=row["la_code"])
            candidates = {code for code in row["candidate_dfj_area_codes"].split(";") if code}
            assert set(link.candidates.values_list("code", flat=True)) == candidates
            assert (link.area.code if link.area else "") == row["dfj_area_code"]

    def test_centre_counts_and_places_match_the_published_count_file(self, family_justice):
        counts = measures.centres_by(lambda centre: centre.la_code)
        expected = fixture_rows("seed-questions", "ofsted_rfc_count_by_la.csv")
        assert len(counts) == len(expected)
        for row in expected:
            count = counts[(row["la_code"], int(row["year"]))]
            assert count.centres == int(row["n_residential_family_centres"])
            assert count.places == (int(row["places_sum"]) if row["places_sum"] else None)

    def test_judgement_table_accounts_for_every_centre_on_every_register(self, family_justice):
        from explorer.pages.centres import centres_by_judgement

        chart = centres_by_judgement()
        per_year = {}
        for row in fixture_rows("seed-questions", "ofsted_residential_family_centres.csv"):
            per_year[row["year"]] = per_year.get(row["year"], 0) + 1
        for index, year in enumerate(chart.table_columns[1:], start=1):
            assert sum(int(row[index]) for row in chart.rows) == per_year[year]


@pytest.fixture
def copied_fixtures(tmp_path, monkeypatch):
    folder = tmp_path / "seed-questions"
    shutil.copytree(ROOT / "seed-questions", folder)
    monkeypatch.setattr(loading, "SEED_QUESTIONS", folder)
    return folder


def corrupt(path, line: int, column: str, value: str):
    text = path.read_text(encoding="utf-8").splitlines(keepends=True)
    header = text[0].rstrip("\n").split(",")
    row = next(csv.reader(io.StringIO(text[line - 1])))
    row[header.index(column)] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(row)
    text[line - 1] = out.getvalue()
    path.write_text("".join(text), encoding="utf-8")


# The old data is the family justice tables alone, loaded for each test: `load_open_data` runs every loader, and over
# every dataset (the shared build) the failing load costs more than loading these tables does.
@pytest.mark.parametrize(
    "filename, column, value",
    [
        ("ofsted_residential_family_centres.csv", "places", "²"),  # a non-ASCII digit
        ("england_cla_starts_legal_status_wide.csv", "starts_s20", "12x"),
        ("england_cla_at31march_legal_status_wide.csv", "cla_at31march_total_flag", "q"),
        ("under18_conception_rate_la.csv", "under18_conceptions_per_1000_girls_15_17", "NaN"),
        ("la_dfj_area.csv", "candidate_dfj_area_codes", "NO_SUCH_AREA"),
    ],
)
def test_a_malformed_row_stops_the_load_naming_file_and_row_and_keeps_the_old_data(
    family_justice, copied_fixtures, filename, column, value
):
    before = table_sizes()
    corrupt(copied_fixtures / filename, 7, column, value)
    with pytest.raises(CommandError) as error:
        call_command("load_open_data")
    assert f"{filename}, line 7" in str(error.value)
    assert table_sizes() == before


def test_a_missing_file_is_named(all_data_once, copied_fixtures):
    (copied_fixtures / "dfj_areas.csv").unlink()
    with pytest.raises(FixtureError, match="dfj_areas.csv: the file is missing"):
        loading.load_family_justice()
    assert DfjArea.objects.count() == len(fixture_rows("seed-questions", "dfj_areas.csv"))


def test_a_missing_column_is_named(all_data_once, copied_fixtures):
    path = copied_fixtures / "dfj_area_courts.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("court_name,", "court_title,", 1), encoding="utf-8")
    with pytest.raises(FixtureError, match=r"dfj_area_courts.csv, line 1 \(header\): missing column"):
        loading.load_family_justice()
