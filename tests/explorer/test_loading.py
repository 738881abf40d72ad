"""load_open_data: idempotent, all-or-nothing on a bad fixture, and it leaves no invented figures anywhere."""

import csv
import io
import shutil

import pytest
from django.core.management import CommandError, call_command

from catalogue.models import LocalAuthority
from explorer.loading import infant_care
from explorer.models import CafcassRate, InfantCareFigure, NewbornCount, NewbornDataset, PublishedQuote
from explorer.pages.your_data import EXAMPLE_CSV, FICTIONAL_AREAS
from tests.data_urls import reverse

from .conftest import fixture_rows

FILES = {
    InfantCareFigure: (
        "england_cla_starts_under1.csv",
        "england_cla_at31march_under1.csv",
        "wales_cla_at31march_under1_la.csv",
    ),
    PublishedQuote: ("published_born_into_care_figures.csv",),
}


def load():
    call_command("load_open_data", stdout=io.StringIO())


def test_load_open_data_is_idempotent_and_loads_every_row(db):
    load()
    load()
    for model, files in FILES.items():
        assert model.objects.count() == sum(len(fixture_rows(name)) for name in files)
    assert CafcassRate.objects.count() == len([r for r in fixture_rows(infant_care.CAFCASS) if r["la_code_current"]])
    assert NewbornDataset.objects.count() == 0  # no synthetic example any more
    suppressed = [r for r in fixture_rows("england_cla_starts_under1.csv") if r["starts_under1_flag"] in ("c", "x")]
    stored = InfantCareFigure.objects.filter(measure="starts", count__isnull=True)
    assert stored.count() == len(suppressed) and not stored.filter(flag="").exists()  # never 0


@pytest.fixture
def broken_folder(tmp_path, monkeypatch):
    """A copy of fixtures/infant-care/ the test can damage, used in place of the real one."""
    folder = tmp_path / "infant-care"
    shutil.copytree(infant_care.INFANT_CARE, folder)
    monkeypatch.setattr(infant_care, "INFANT_CARE", folder)
    return folder


def damage_cell(rows, index, column, value):
    rows[index][column] = value
    return rows


DAMAGE = {  # (how the file is damaged, the row index damaged, what the message says)
    "non-ASCII digit": (lambda rows: damage_cell(rows, 40, "starts_under1", "³4"), 40, "is not a whole number"),
    "count missing without a flag": (lambda rows: damage_cell(rows, 3, "starts_under1", ""), 3, "no suppression flag"),
    "unknown flag": (lambda rows: damage_cell(rows, 5, "starts_under1_flag", "q"), 5, "unknown flag"),
    "suppressed but counted": (lambda rows: damage_cell(rows, 7, "starts_under1_flag", "c"), 7, "flagged 'c'"),
}


# The data a bad load must keep: every dataset, loaded once for the tests that only read it (tests/shared_builds.py),
# from the same files as the copy below before it is damaged; what a test changes is rolled back after it.
@pytest.mark.parametrize("case", DAMAGE)
def test_a_malformed_fixture_stops_the_load_naming_file_and_line_and_keeps_the_data(all_data_once, broken_folder, case):
    damage, index, message = DAMAGE[case]
    assert InfantCareFigure.objects.exists()
    before = InfantCareFigure.objects.count()
    path = broken_folder / "england_cla_starts_under1.csv"
    rows = fixture_rows("england_cla_starts_under1.csv")
    assert rows[index]["starts_under1"]  # the chosen rows hold a plain count
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(damage(rows))
    path.chmod(0o644)
    path.write_text(out.getvalue(), encoding="utf-8")
    with pytest.raises(CommandError) as error:
        load()
    text = str(error.value)
    assert "england_cla_starts_under1.csv" in text and f"line {index + 2}" in text and message in text, text
    assert "Nothing was changed" in text
    assert InfantCareFigure.objects.count() == before


def test_a_ragged_row_is_reported_with_its_line(db, broken_folder):
    path = broken_folder / "wales_cla_at31march_under1_la.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.chmod(0o644)
    path.write_text("\n".join(lines[:9] + ["2003,Local authority,W06000001"] + lines[9:]) + "\n", encoding="utf-8")
    with pytest.raises(CommandError, match=r"wales_cla_at31march_under1_la.csv, line 10: the row does not have"):
        load()
    assert InfantCareFigure.objects.count() == 0


def test_a_missing_fixture_stops_the_load_and_keeps_the_data(all_data_once, broken_folder):
    assert CafcassRate.objects.exists()  # loaded once for the tests that only read the data, as above
    before = (InfantCareFigure.objects.count(), CafcassRate.objects.count())
    (broken_folder / infant_care.CAFCASS).unlink()
    with pytest.raises(CommandError, match="england_cafcass_care_applications_rate_la.csv: the file is missing"):
        load()
    assert (InfantCareFigure.objects.count(), CafcassRate.objects.count()) == before


def test_no_synthetic_value_is_ever_shown_against_a_real_la_code(client, db):
    """An old database still holding the invented example: loading removes it, and no page shows its values."""
    authority = LocalAuthority.objects.get(ons_code="E06000009")
    dataset = NewbornDataset.objects.create(
        title="SYNTHETIC example", source="s", licence="l", definition="d", is_synthetic=True
    )
    NewbornCount.objects.create(dataset=dataset, local_authority=authority, year=2020, babies_under_one_week=98765)
    marker = "98,765"
    urls = [
        reverse("explorer:overview"),
        reverse("explorer:funnel"),
        reverse("explorer:regions"),
        reverse("explorer:relationships"),
        reverse("explorer:relationship", args=["under1-vs-imd"]),
        reverse("explorer:local_authority", args=["E06000009"]),
        reverse("explorer:datasets"),
        reverse("explorer:sources"),
    ]
    for url in urls:  # even before the load removes it, no page shows it
        html = client.get(url).content.decode()
        assert "98765" not in html and marker not in html, url
    assert client.get(reverse("explorer:dataset_detail", args=[dataset.pk])).status_code == 404
    load()
    assert not NewbornDataset.objects.filter(is_synthetic=True).exists()
    assert not NewbornCount.objects.filter(babies_under_one_week=98765).exists()
    for url in urls:
        html = client.get(url).content.decode()
        assert "98765" not in html and marker not in html and "synthetic" not in html.lower(), url


def test_the_example_file_names_only_fictional_areas(db):
    real_codes = {row["ons_code"] for row in fixture_rows("la_lookup.csv")} | set(
        LocalAuthority.objects.values_list("ons_code", flat=True)
    )
    real_names = {row["la_name"] for row in fixture_rows("la_lookup.csv")}
    codes = {line.split(",")[0] for line in EXAMPLE_CSV.splitlines()[1:]}
    assert codes and codes == {area.ons_code for area in FICTIONAL_AREAS}
    assert not codes & real_codes
    assert all("fictional" in area.name and area.name.split(" (")[0] not in real_names for area in FICTIONAL_AREAS)


@pytest.mark.django_db
def test_a_reload_moves_the_content_version_on_at_commit(django_capture_on_commit_callbacks):
    from catalogue.models import ContentVersion
    from explorer.loading import load_all

    before = ContentVersion.current()
    with django_capture_on_commit_callbacks(execute=True):
        load_all(["statistical neighbours"])
    assert ContentVersion.current() == before + 1  # cached data pages and per-version digests follow the figures


def test_a_reload_deletes_each_table_in_one_statement_reading_no_row_back(all_data_once):
    """
    A reload replaces every table in one DELETE each: Django's delete of a model with listeners read every row back
    and sent two signals for each. Tables other rows refer to, or with many-to-many links (the family justice areas and
    authorities' links to them), keep Django's delete.
    """
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from explorer.loading import load_all
    from explorer.models import OPEN_DATA_TABLES

    with CaptureQueriesContext(connection) as queries:
        load_all()
    # Tables of figures alone: no row refers to theirs and theirs refer to none (a court's area is looked up when
    # the areas are deleted).
    unreferenced = [
        model
        for model in OPEN_DATA_TABLES
        if not model._meta.related_objects + model._meta.many_to_many
        and not any(field.is_relation for field in model._meta.concrete_fields)
    ]
    assert len(unreferenced) > len(OPEN_DATA_TABLES) / 2
    for model in unreferenced:
        table = connection.ops.quote_name(model._meta.db_table)
        reads = [
            query["sql"] for query in queries if query["sql"].startswith("SELECT") and f"FROM {table}" in query["sql"]
        ]
        deletes = [query["sql"] for query in queries if query["sql"].startswith(f"DELETE FROM {table}")]
        assert reads == [] and len(deletes) == 1, (model._meta.label, reads[:1], deletes)
