"""Editors' uploads: every bad row is reported with its line, and nothing at all is written."""

from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from explorer.models import NewbornCount, NewbornDataset
from explorer.uploads import MAX_UPLOAD_BYTES, read_figures
from tests.data_urls import reverse
from tests.workbooks import csv_as_workbook

HEADER = "la_code,year,babies_under_one_week,issued_within_7_days,babies_of_recurrent_mothers\n"
GOOD = HEADER + "E06000001,2019/20,12,8,5\n805,2020,9,,\n"  # 805 is Hartlepool's DfE number


def post_upload(client, content: bytes, name="newborns.csv", **extra):
    data = {
        "title": "Cafcass newborns",
        "source": "Cafcass via Nuffield FJO",
        "source_url": "",
        "licence": "Publisher's terms",
        "definition": "Babies under 7 days",
        "period_type": "financial",
        "file": SimpleUploadedFile(name, content, content_type="text/csv"),
        **extra,
    }
    return client.post(reverse("explorer_admin:upload"), data)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


BAD_UPLOADS = {
    "unknown LA code": (
        HEADER + "E06000001,2019,12,,\nE99999999,2019,3,,\n",
        ["Line 3", "'E99999999' is not a known local authority code"],
    ),
    "duplicated rows": (
        HEADER + "E06000001,2019,12,,\nE06000001,2019/20,4,,\n",
        ["Line 3", "duplicates line 2: Hartlepool already has a row for 2019"],
    ),
    "negative count": (HEADER + "E06000001,2019,-2,,\n", ["Line 2", "babies_under_one_week -2 is negative"]),
    "non-numeric count": (
        HEADER + "E06000001,2019,twelve,,\nE06000002,2019,3.5,,\n",
        ["Line 2", "babies_under_one_week 'twelve' is not a whole number", "Line 3"],
    ),
    "subset larger than total": (
        HEADER + "E06000001,2019,5,6,\n",
        ["issued_within_7_days (6) is more than babies_under_one_week (5)"],
    ),
    "bad year": (
        HEADER + "E06000001,2019/21,5,,\nE06000002,last year,4,,\n",
        ["'2019/21' is not a one-year period", "'last year' is not a year"],
    ),
    # The wording every importer now shares (it was "Missing required column(s): ...").
    "missing columns": (
        "la_code,babies\nE06000001,12\n",
        ["required columns are missing: year, babies_under_one_week"],
    ),
    "wrong encoding": (None, ["not UTF-8 text", "line 2"]),
    "header only": (HEADER, ["no data rows"]),
    "empty file": ("", ["The submitted file is empty"]),  # Django's own check, before ours
}


@pytest.mark.parametrize("case", BAD_UPLOADS)
def test_bad_uploads_are_rejected_row_by_row_and_nothing_is_written(editor_client, case):
    text, expected_messages = BAD_UPLOADS[case]
    content = (
        "la_code,year,babies_under_one_week\nW06000001,2019,3 Ynys M\xf4n\n".encode("latin-1")
        if text is None
        else text.encode("utf-8")
    )
    response = post_upload(editor_client, content)
    assert response.status_code == 200
    html = unescape(response.content.decode())
    assert "Nothing was stored" in html or case == "empty file"
    for message in expected_messages:
        if message.startswith("Line "):
            assert f"<td>{message.removeprefix('Line ')}</td>" in html, message
        else:
            assert message.lower() in html.lower(), message
    assert NewbornDataset.objects.count() == 0
    assert NewbornCount.objects.count() == 0


def test_oversize_file_is_rejected_before_reading(editor_client):
    content = (HEADER + "E06000001,2019,1,,\n" * (MAX_UPLOAD_BYTES // 18 + 10)).encode()
    response = post_upload(editor_client, content)
    assert response.status_code == 200
    # The wording every importer now shares (it was "... bytes; the largest accepted is ... bytes").
    assert f"the limit is {MAX_UPLOAD_BYTES // (1024 * 1024)} MB" in response.content.decode()
    assert NewbornDataset.objects.count() == 0


def test_all_problems_are_listed_with_their_lines(db):
    report = read_figures((HEADER + "E06000001,2019,12,,\nE99999999,2019,x,,\n\nE06000002,1850,3,,\n").encode())
    assert [problem.line for problem in report.errors] == [3, 5]  # the blank line 4 is skipped
    assert "not a known local authority code" in report.errors[0].message
    assert "not a whole number" in report.errors[0].message  # both problems on one row are given
    assert len(report.rows) == 1 and not report.is_valid


def test_a_good_upload_becomes_the_current_version_and_the_old_one_is_kept(editor_client, editor, client):
    assert post_upload(editor_client, GOOD.encode()).status_code == 302
    first = NewbornDataset.current()
    assert first.counts.count() == 2 and first.uploaded_by == editor
    assert first.counts.get(year=2020).local_authority.name == "Hartlepool"
    assert first.counts.get(year=2019).issued_within_7_days == 8

    post_upload(editor_client, (HEADER + "E06000001,2019,14,,\n").encode(), title="Corrected figures")
    second = NewbornDataset.current()
    assert second.title == "Corrected figures" and second != first
    assert first.superseded_by == second
    old_page = client.get(reverse("explorer:dataset_detail", args=[first.pk])).content.decode()
    assert "Superseded" in old_page and "Corrected figures" in old_page
    listing = editor_client.get(reverse("explorer_admin:datasets")).content.decode()
    assert "Cafcass newborns" in listing and "Corrected figures" in listing


def test_an_excel_workbook_is_uploaded_like_its_csv(editor_client):
    response = post_upload(editor_client, csv_as_workbook(GOOD), name="newborns.xlsx")
    assert response.status_code == 302
    assert NewbornDataset.current().counts.count() == len(GOOD.splitlines()) - 1


def test_only_editors_can_upload(client, django_user_model):
    reader = django_user_model.objects.create_user("reader", password="pw-for-tests")
    client.force_login(reader)
    response = post_upload(client, GOOD.encode())
    assert response.status_code in (302, 403)
    assert NewbornDataset.objects.count() == 0


def test_a_file_full_of_errors_lists_at_most_a_hundred_and_counts_the_rest(editor_client):
    from catalogue.io.importing import MAX_LISTED_PROBLEMS

    rows = "".join(f"E06000001,{2000 + i % 50},many{i},,\n" for i in range(MAX_LISTED_PROBLEMS + 5))
    html = unescape(post_upload(editor_client, (HEADER + rows).encode()).content.decode())
    assert html.count("is not a whole number") == MAX_LISTED_PROBLEMS
    assert "And 5 more problems not listed." in html
    assert NewbornDataset.objects.count() == 0


def test_the_synthetic_option_is_gone_from_the_upload_form(editor_client):
    html = editor_client.get(reverse("explorer_admin:upload")).content.decode()
    assert "is_synthetic" not in html
