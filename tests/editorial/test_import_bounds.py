"""The admin's entries import shares the bounded reader: the N1 file gets a message, not a held worker."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from catalogue.models import EntryPage
from tests.io.test_upload_bounds import FAR_ROW, n1_file


@pytest.mark.django_db
def test_the_admin_import_refuses_the_n1_file_with_a_message(client, contributor):
    client.force_login(contributor)
    upload = SimpleUploadedFile("entries.xlsx", n1_file())
    response = client.post(reverse("editorial:import_entries"), {"file": upload})
    assert response.status_code == 422  # the import screen's answer to a file it cannot import
    assert f"used range runs to row {FAR_ROW:,}" in response.content.decode()
    assert EntryPage.objects.count() == 0
