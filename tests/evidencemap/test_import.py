"""Importing references from CSV and RIS: checked row by row, written all or nothing."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from catalogue.models import Reference, ReferenceOutcome
from evidencemap.importing import import_references
from tests.factories import InterventionPageFactory
from tests.workbooks import csv_as_workbook

GOOD_CSV = """authors,title,year,publisher,url,doi,design,country,sample_size,outcomes
"Broadhurst K, Mason C",Recurrent care proceedings study,2017,Lancaster University,,10.1234/recur.1,quasi,England,"1,200","recurrence-avoided: benefit; parents-experience: mixed"
Author B,A qualitative study of parents,2021,,https://example.org/study,,Qualitative,Wales,,parents-experience
"""

BAD_CSV = (
    GOOD_CSV
    + """Author C,Bad study,twenty,,notaurl,,astrology,,-3,recurrence-avoided: great; nowhere: benefit
Author D,Recurrent care proceedings study,2017,,,,rct,,,
"""
)

GOOD_RIS = """TY  - JOUR
AU  - Smith, A
AU  - Jones, B
TI  - A trial of peri-natal support
PY  - 2019
JO  - Child Abuse Review
DO  - 10.5555/trial.2019
KW  - design: rct
KW  - country: England
KW  - sample size: 240
KW  - outcome: baby-remains-with-family = benefit
KW  - outcome: cost = no difference
KW  - an ordinary keyword
ER  -

TY  - RPRT
AU  - Evaluation Team
TI  - Process evaluation of a service
PY  - 2022
KW  - design: process
ER  -
"""


def references():
    return sorted(Reference.objects.values_list("title", flat=True))


@pytest.mark.django_db
def test_a_good_csv_creates_references_with_their_findings():
    report = import_references(GOOD_CSV.encode(), "csv")
    assert report.ok and report.written and (report.created, report.updated) == (2, 0)
    study = Reference.objects.get(doi="10.1234/recur.1")
    assert (study.design, study.country, study.sample_size) == ("quasi", "England", 1200)
    assert dict(study.outcome_findings.values_list("outcome__slug", "direction")) == {
        "recurrence-avoided": "benefit",
        "parents-experience": "mixed",
    }
    qualitative = Reference.objects.get(title="A qualitative study of parents")
    assert qualitative.design == "qualitative"
    assert list(qualitative.outcome_findings.values_list("direction", flat=True)) == ["not_recorded"]


@pytest.mark.django_db
def test_importing_again_updates_instead_of_duplicating():
    import_references(GOOD_CSV.encode(), "csv")
    changed = GOOD_CSV.replace("recurrence-avoided: benefit; parents-experience: mixed", "cost: harm")
    report = import_references(changed.encode(), "csv")
    assert (report.created, report.updated) == (0, 2)
    assert Reference.objects.count() == 2
    study = Reference.objects.get(doi="10.1234/recur.1")
    assert list(study.outcome_findings.values_list("outcome__slug", "direction")) == [("cost", "harm")]


@pytest.mark.django_db
def test_an_excel_workbook_is_read_like_its_csv():
    report = import_references(csv_as_workbook(BAD_CSV), "csv")
    assert not report.ok and {where for where, _ in report.problems} == {"Row 4", "Row 5"}
    report = import_references(csv_as_workbook(GOOD_CSV), "csv")
    assert report.ok and report.written and report.created == len(GOOD_CSV.splitlines()) - 1
    assert Reference.objects.get(doi="10.1234/recur.1").sample_size == 1200


@pytest.mark.django_db
def test_one_bad_row_means_nothing_is_written_and_every_problem_is_reported_by_row():
    report = import_references(BAD_CSV.encode(), "csv")
    assert not report.ok and not report.written
    assert references() == []
    assert ReferenceOutcome.objects.count() == 0
    by_row = {}
    for where, message in report.problems:
        by_row.setdefault(where, []).append(message)
    assert set(by_row) == {"Row 4", "Row 5"}
    row4 = " ".join(by_row["Row 4"])
    for expected in (
        "Year 'twenty'",
        "Unknown study design 'astrology'",
        "Sample size '-3'",
        "Unknown direction of effect 'great'",
        "Unknown outcome 'nowhere'",
        "Url",
    ):
        assert expected in row4
    assert by_row["Row 5"] == ["Repeats row 2 (same title and year)."]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data, message",
    [
        # The wording the entry importer already used, now shared by every importer.
        (b"title,year\nA,2020\n", "required columns are missing: authors"),
        (b"authors,title,colour\nA,B,red\n", "unknown columns: colour"),
        ("authors,title\nA,Caf\xe9\n".encode("latin-1"), "not UTF-8"),
        (b"", "empty"),
        (b"authors,title\n", "has a header row but no references"),
        (b"authors,title\nA,B,C\n", "more values than the header"),
    ],
)
def test_unreadable_csv_files_are_rejected_with_a_clear_message(data, message):
    report = import_references(data, "csv")
    assert not report.ok and message in " ".join(text for _, text in report.problems)
    assert references() == []


@pytest.mark.django_db
def test_a_good_ris_file_is_imported():
    report = import_references(GOOD_RIS.encode(), "ris")
    assert report.ok, report.problems
    trial = Reference.objects.get(doi="10.5555/trial.2019")
    assert (trial.authors, trial.year, trial.publisher, trial.design, trial.country, trial.sample_size) == (
        "Smith, A, Jones, B",
        2019,
        "Child Abuse Review",
        "rct",
        "England",
        240,
    )
    assert dict(trial.outcome_findings.values_list("outcome__slug", "direction")) == {
        "baby-remains-with-family": "benefit",
        "cost": "no_difference",
    }
    assert Reference.objects.get(title="Process evaluation of a service").design == "process"


@pytest.mark.django_db
def test_a_ris_file_with_one_bad_record_writes_nothing():
    bad = GOOD_RIS.replace("KW  - design: process", "KW  - design: hunch\nKW  - outcome: cost = wonderful")
    report = import_references(bad.encode(), "ris")
    assert [where for where, _ in report.problems] == ["Record 2", "Record 2"]
    assert references() == []
    report = import_references(b"this is not RIS at all", "ris")
    assert "not an RIS file" in report.problems[0][1]


def test_entries_named_in_the_file_get_a_draft_not_a_published_link(catalogue):
    entry = InterventionPageFactory(parent=catalogue, title="Pause", slug="pause")
    data = (
        GOOD_CSV.replace("sample_size,outcomes", "sample_size,outcomes,entries")
        .replace('parents-experience: mixed"', 'parents-experience: mixed",pause')
        .replace(",parents-experience\n", ",parents-experience,\n")
    )
    report = import_references(data.encode(), "csv")
    assert report.ok, report.problems
    assert report.entries_drafted == 1
    entry.refresh_from_db()
    assert entry.references.count() == 0 and entry.has_unpublished_changes
    draft = entry.get_latest_revision_as_object()
    assert [ref.doi for ref in draft.references.all()] == ["10.1234/recur.1"]
    report = import_references(data.replace("pause", "no-such-entry").encode(), "csv")
    assert report.problems == [("Row 2", "No catalogue entry has the slug 'no-such-entry'.")]


def test_the_admin_import_page(admin_client, client, django_user_model):
    response = admin_client.post(
        "/admin/evidence-map/import-references/", {"file": SimpleUploadedFile("bad.csv", BAD_CSV.encode())}
    )
    assert response.status_code == 200
    assert b"Nothing was imported" in response.content and b"Row 4" in response.content
    assert references() == []
    response = admin_client.post(
        "/admin/evidence-map/import-references/", {"file": SimpleUploadedFile("refs.ris", GOOD_RIS.encode())}
    )
    assert response.status_code == 302
    assert len(references()) == 2
    assert b"Import references" in admin_client.get("/admin/").content

    editor = django_user_model.objects.create_user("editor", password="pw")
    editor.groups.add(Group.objects.get_or_create(name="No references")[0])
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get("/admin/evidence-map/import-references/").status_code in (302, 403)


def test_the_management_command(tmp_path, db):
    bad = tmp_path / "bad.csv"
    bad.write_bytes(BAD_CSV.encode())
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_references", str(bad))
    good = tmp_path / "good.ris"
    good.write_bytes(GOOD_RIS.encode())
    call_command("import_references", str(good), "--dry-run")
    assert references() == []
    call_command("import_references", str(good))
    assert len(references()) == 2
