"""CSV import: a valid file makes drafts in the evidence review; any bad row or bad file writes nothing."""

import csv
import io
import os

import pytest
from django.core.management import CommandError, call_command

from catalogue.models import CaseStudyPage, EntryPage, InterventionPage
from catalogue.search.snapshot import get_snapshot
from editorial.importing.columns import COLUMN_NAMES
from editorial.importing.importer import run_import
from editorial.models import ImportedEntry
from tests.workbooks import csv_as_workbook

HEADER = [
    "identifier",
    "type",
    "title",
    "summary",
    "areas",
    "regions",
    "local_authorities",
    "evidence_level",
    "evidence_rationale",
    "evidence_rated_on",
    "last_reviewed",
    "provider",
    "website",
    "area_name",
    "is_fictional",
]


def csv_bytes(rows, header=HEADER, encoding="utf-8"):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, extrasaction="raise")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return out.getvalue().encode(encoding)


def intervention(identifier="int-1", **values):
    row = {
        "identifier": identifier,
        "type": "intervention",
        "title": f"Programme {identifier}",
        "summary": "Helps parents keep their babies safely.",
        "areas": "Peri-natal intervention",
        "regions": "north-west; E12000007",
        "provider": "A provider",
        "website": "https://example.org/",
        "last_reviewed": "2026-01-15",
    }
    row.update(values)
    return row


def case_study(identifier="cs-1", **values):
    row = {
        "identifier": identifier,
        "type": "case-study",
        "title": f"Case study {identifier}",
        "summary": "A fictional area's pre-birth panel.",
        "areas": "pre-birth-assessment",
        "local_authorities": "E09000002",
        "area_name": "Northvale (fictional)",
        "is_fictional": "yes",
    }
    row.update(values)
    return row


def counts():
    return EntryPage.objects.count(), ImportedEntry.objects.count()


@pytest.mark.django_db
def test_a_valid_file_creates_drafts_submitted_for_review(catalogue, contributor):
    report = run_import(csv_bytes([intervention(), case_study()]), user=contributor)
    assert report.ok and report.written, report.rows
    assert counts() == (2, 2)
    page = InterventionPage.objects.get(import_record__identifier="int-1")
    assert not page.live and page.has_unpublished_changes
    assert page.workflow_in_progress and page.get_workflow().name == "Evidence review"
    assert [r.slug for r in page.regions.all()] == ["north-west", "london"]
    assert page.evidence_level.slug == "not-yet-rated"
    assert str(page.next_review_due) == "2028-01-15"  # two years after the last review
    case = CaseStudyPage.objects.get(import_record__identifier="cs-1")
    assert case.is_fictional and [la.name for la in case.local_authorities.all()] == ["Barking and Dagenham"]
    assert page.get_latest_revision().user == contributor


@pytest.mark.django_db
def test_an_excel_workbook_imports_like_its_csv(catalogue, contributor):
    report = run_import(csv_as_workbook(csv_bytes([intervention(), case_study()]).decode()), user=contributor)
    assert report.ok and report.written, report.rows
    assert [row.line for row in report.rows] == [2, 3] and counts() == (2, 2)
    assert InterventionPage.objects.get().title == intervention()["title"]


@pytest.mark.django_db
def test_reimporting_updates_instead_of_duplicating(catalogue, reviewer):
    run_import(csv_bytes([intervention()]), user=reviewer)
    page = InterventionPage.objects.get()
    revisions = page.revisions.count()

    again = run_import(csv_bytes([intervention()]), user=reviewer)
    assert [row.action for row in again.rows] == ["unchanged"]
    assert page.revisions.count() == revisions

    changed = run_import(csv_bytes([intervention(title="Programme renamed")]), user=reviewer)
    assert [row.action for row in changed.rows] == ["update"]
    assert counts() == (1, 1)
    page.refresh_from_db()
    assert page.revisions.count() == revisions + 1
    assert page.get_latest_revision_as_object().title == "Programme renamed"


@pytest.mark.django_db
def test_reimport_of_a_published_entry_leaves_the_live_version_until_approved(catalogue, reviewer, client):
    run_import(csv_bytes([intervention()]), user=reviewer)
    page = InterventionPage.objects.get()
    page.get_latest_revision().publish()
    run_import(csv_bytes([intervention(summary="A new summary awaiting review.")]), user=reviewer)
    page.refresh_from_db()
    assert page.live and page.has_unpublished_changes and page.workflow_in_progress
    assert "A new summary" not in client.get(page.url).content.decode()


def _assert_nothing_written(report, *fragments):
    assert not report.written
    assert counts() == (0, 0)
    text = report.file_error + " ".join(" ".join(row.errors) for row in report.rows)
    for fragment in fragments:
        assert fragment in text, text


@pytest.mark.django_db
def test_wrong_columns(catalogue, reviewer):
    data = csv_bytes([{"identifier": "x", "title": "T", "colour": "red"}], header=["identifier", "title", "colour"])
    report = run_import(data, user=reviewer)
    _assert_nothing_written(report, "required columns are missing: type, summary, areas", "unknown columns: colour")


@pytest.mark.django_db
def test_bad_dates_are_listed_for_every_row_and_nothing_is_written(catalogue, reviewer):
    rows = [
        intervention("a"),
        intervention("b", last_reviewed="31/02/2026"),
        intervention("c", evidence_level="promising", evidence_rationale="One study.", evidence_rated_on="next week"),
    ]
    report = run_import(csv_bytes(rows), user=reviewer)
    _assert_nothing_written(
        report, "last_reviewed: '31/02/2026' is not a date", "evidence_rated_on: 'next week' is not a date"
    )
    assert [row.line for row in report.error_rows] == [3, 4]


@pytest.mark.django_db
def test_unknown_taxonomy_values(catalogue, reviewer):
    rows = [
        intervention(areas="Peri-natal intervention; Underwater basket weaving", regions="E12999999"),
        intervention("d", evidence_level="Excellent"),
    ]
    report = run_import(csv_bytes(rows), user=reviewer)
    _assert_nothing_written(
        report,
        "areas: unknown value 'Underwater basket weaving'",
        "regions: unknown value 'E12999999'",
        "evidence_level: unknown evidence level",
    )


@pytest.mark.django_db
def test_required_fields_urls_and_type_rules(catalogue, reviewer):
    rows = [
        intervention(summary="", website="not a url"),
        case_study(area_name=""),
        case_study("cs-2", evidence_level="strong", evidence_rationale="RCT", evidence_rated_on="2026-01-01"),
        intervention("e", evidence_level="promising"),
    ]
    report = run_import(csv_bytes(rows), user=reviewer)
    _assert_nothing_written(
        report,
        "summary: required",
        "website: not a web address",
        "area_name: required",
        "Case studies carry practice evidence",
        "evidence_rationale: Explain the rating",
    )


@pytest.mark.django_db
def test_duplicate_identifiers_inside_one_file(catalogue, reviewer):
    report = run_import(csv_bytes([intervention("same"), case_study("same")]), user=reviewer)
    _assert_nothing_written(report, "'same' is used on lines 2, 3")
    assert len(report.error_rows) == 2


@pytest.mark.django_db
def test_a_non_utf8_file(catalogue, reviewer):
    data = csv_bytes([intervention(title="Café programme")], encoding="latin-1")
    _assert_nothing_written(run_import(data, user=reviewer), "not UTF-8", "line 2", "CSV UTF-8")


@pytest.mark.django_db
@pytest.mark.parametrize("data", [b"", b"   \r\n\r\n", ",".join(COLUMN_NAMES).encode() + b"\r\n"])
def test_an_empty_file(catalogue, reviewer, data):
    report = run_import(data, user=reviewer)
    _assert_nothing_written(report)
    assert "empty" in report.file_error or "no entries" in report.file_error


@pytest.mark.django_db
def test_ten_megabytes_of_junk(catalogue, reviewer):
    report = run_import(os.urandom(10 * 1024 * 1024), user=reviewer)
    _assert_nothing_written(report, "The file is 10.0 MB; the limit is 5 MB")


@pytest.mark.django_db
def test_small_binary_junk_is_not_mistaken_for_csv(catalogue, reviewer):
    _assert_nothing_written(run_import(b"\x89PNG\r\n\x1a\n\x00\x00junk", user=reviewer), "not a CSV text file")


@pytest.mark.django_db
def test_a_contributor_cannot_rate_evidence_through_an_import(catalogue, contributor):
    row = intervention(evidence_level="strong", evidence_rationale="Two RCTs.", evidence_rated_on="2026-01-01")
    _assert_nothing_written(run_import(csv_bytes([row]), user=contributor), "only a reviewer can set or change")


@pytest.mark.django_db
def test_an_imported_draft_is_invisible_to_the_public(immediate_tasks, catalogue, contributor, client):
    run_import(csv_bytes([intervention(title="Secret draft programme")]), user=contributor)
    page = InterventionPage.objects.get()
    assert client.get(f"/catalogue/{page.slug}/").status_code == 404
    assert client.get(f"/api/v1/entries/{page.pk}/").status_code == 404
    # Every public listing, including facet counts (a region filter would show "(1)" for the draft).
    for url in (
        "/catalogue/",
        "/catalogue/?q=secret",
        "/catalogue/?region=north-west",
        "/catalogue/export.csv",
        "/catalogue/export.json",
        "/catalogue/feed/",
        "/api/v1/entries/",
        "/sitemap.xml",
    ):
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert response.status_code == 200, url
        assert b"Secret draft programme" not in body and page.slug.encode() not in body, url
    snapshot = get_snapshot()  # what facet counts are computed from
    assert page.pk not in snapshot.ids.tolist()
    assert all(not value.mask.any() for values in snapshot.facets.values() for value in values)


@pytest.mark.django_db
def test_management_command_dry_run_and_import(catalogue, tmp_path, capsys):
    path = tmp_path / "entries.csv"
    path.write_bytes(csv_bytes([intervention(), case_study()]))
    call_command("import_entries", str(path), "--dry-run")
    assert "2 to create" in capsys.readouterr().out and counts() == (0, 0)
    call_command("import_entries", str(path))
    assert counts() == (2, 2)


@pytest.mark.django_db
def test_management_command_reports_every_bad_row(catalogue, tmp_path, capsys):
    path = tmp_path / "entries.csv"
    path.write_bytes(csv_bytes([intervention(last_reviewed="yesterday"), case_study(areas="nowhere")]))
    with pytest.raises(CommandError, match="2 of 2 rows have errors; nothing was imported"):
        call_command("import_entries", str(path))
    err = capsys.readouterr().err
    assert "line 2 (int-1): last_reviewed" in err and "line 3 (cs-1): areas" in err
    assert counts() == (0, 0)


@pytest.mark.django_db
def test_reimport_while_awaiting_review(catalogue, contributor):
    """Unchanged rows pass; a changed row waits, as in the editor, until the reviewer has acted."""
    run_import(csv_bytes([intervention()]), user=contributor)
    assert [row.action for row in run_import(csv_bytes([intervention()]), user=contributor).rows] == ["unchanged"]
    report = run_import(csv_bytes([intervention(summary="Changed while in review.")]), user=contributor)
    assert not report.written
    assert "awaiting moderation" in report.rows[0].errors[0]
