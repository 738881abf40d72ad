"""The import screen in the admin: template download, upload, per-row results, limits, permissions."""

import csv
import io
import os

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from catalogue.models import EntryPage
from editorial.importing.columns import COLUMN_NAMES
from editorial.models import ImportedEntry

from .test_import import case_study, csv_bytes, intervention

IMPORT_URL = "editorial:import_entries"


def _upload(client, data, dry_run=False, name="entries.csv"):
    payload = {"file": SimpleUploadedFile(name, data, content_type="text/csv")}
    if dry_run:
        payload["dry_run"] = "on"
    return client.post(reverse(IMPORT_URL), payload)


@pytest.mark.django_db
def test_template_download_round_trips(client, contributor):
    client.force_login(contributor)
    response = client.get(reverse("editorial:import_template"))
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    body = response.content
    assert next(csv.reader(io.StringIO(body.decode("utf-8-sig")))) == COLUMN_NAMES
    # The example rows in the template are themselves valid (checked, not imported).
    result = _upload(client, body, dry_run=True)
    assert result.status_code == 200 and "All 2 rows are valid" in result.content.decode()
    assert EntryPage.objects.count() == 0


@pytest.mark.django_db
def test_upload_creates_drafts_and_lists_each_row(client, contributor):
    client.force_login(contributor)
    response = _upload(client, csv_bytes([intervention(), case_study()]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Imported 2 rows: 2 created, 0 updated, 0 unchanged" in html and "Created a draft" in html
    assert EntryPage.objects.filter(live=False).count() == 2


@pytest.mark.django_db
def test_upload_with_bad_rows_lists_every_error_and_writes_nothing(client, contributor):
    client.force_login(contributor)
    rows = [intervention(), intervention("b", last_reviewed="soon"), case_study(areas="Mars")]
    response = _upload(client, csv_bytes(rows))
    html = response.content.decode()
    assert response.status_code == 422
    assert "2 of 3 rows have problems, so nothing was imported" in html
    assert "last_reviewed: &#x27;soon&#x27; is not a date" in html and "unknown value &#x27;Mars&#x27;" in html
    assert (EntryPage.objects.count(), ImportedEntry.objects.count()) == (0, 0)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "The submitted file is empty."),  # Django's own check on a zero-byte upload
        # One wording for the three importers: "The file is empty: the first line must name the columns."
        (b"\r\n\r\n", "The file is empty:"),
        ("identifier,type,title\nx,intervention,Café".encode(), "required columns are missing: summary, areas"),
        ("identifier,type,title,summary,areas\nx,intervention,Café,s,a".encode("cp1252"), "not UTF-8"),
    ],
)
def test_unusable_files_get_a_clear_message(client, contributor, data, message):
    client.force_login(contributor)
    response = _upload(client, data)
    assert message in response.content.decode()
    assert EntryPage.objects.count() == 0


@pytest.mark.django_db
def test_a_ten_megabyte_upload_is_refused_before_it_is_read(client, contributor):
    client.force_login(contributor)
    response = _upload(client, os.urandom(10 * 1024 * 1024), name="junk.csv")
    assert response.status_code == 200
    assert "The file is 10.0 MB; the limit is 5 MB" in response.content.decode()
    assert EntryPage.objects.count() == 0


@pytest.mark.django_db
def test_import_page_has_a_progress_indicator_and_menu_item(client, contributor):
    client.force_login(contributor)
    html = client.get(reverse(IMPORT_URL)).content.decode()
    assert "<progress" in html and "editorial/import_progress.js" in html
    assert reverse(IMPORT_URL) in client.get(reverse("wagtailadmin_home")).content.decode()


@pytest.mark.django_db
def test_only_catalogue_editors_may_import(client, django_user_model, catalogue):
    assert client.get(reverse(IMPORT_URL)).status_code == 302  # anonymous: to the login page
    outsider = django_user_model.objects.create_user("outsider", password="pw")
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(outsider)
    assert client.get(reverse(IMPORT_URL)).status_code in (302, 403)
    assert client.get(reverse("editorial:import_template")).status_code in (302, 403)


@pytest.mark.django_db
def test_the_admin_takes_fewer_rows_than_the_command_line(client, contributor):
    from editorial.importing.reader import ADMIN_MAX_ROWS

    client.force_login(contributor)
    rows = [intervention(f"row-{number}") for number in range(ADMIN_MAX_ROWS + 1)]
    html = _upload(client, csv_bytes(rows)).content.decode()
    assert f"at most {ADMIN_MAX_ROWS} can be imported here at once" in html and "manage.py import_entries" in html
    assert EntryPage.objects.count() == 0
