"""
Pasted references are added on the editor's own save, never on Wagtail's autosave (editorial/citations/
autosave_paste.py): an editor who pastes, is autosaved, then corrects the pasted text, gets only what they saved.
"""

import pytest
from django.urls import reverse

from catalogue.models import InterventionPage, Reference
from editorial.citations.entry_paste import PASTE_FIELD
from tests.factories import InterventionPageFactory, ReferenceFactory

from .conftest import entry_form_data
from .test_paste_references import _cited, _field_errors, ris

AUTOSAVE = {"HTTP_ACCEPT": "application/json"}  # what Wagtail's autosave sends; the editor's buttons ask for HTML
FIRST = ("RPRT", "Evaluation of the pathway (typo in the year)", "Example, Ann", "2032")
CORRECTED = ("RPRT", "Evaluation of the pathway", "Example, Ann", "2023")


@pytest.fixture
def entry(catalogue):
    return InterventionPageFactory(parent=catalogue, title="An entry with pasted references")


def _form(entry, text, **overrides):
    data = entry_form_data(entry, **overrides)
    data[PASTE_FIELD] = text
    return data


@pytest.mark.django_db
def test_an_autosave_creates_no_reference_and_the_save_after_it_cites_what_was_saved(client, contributor, entry):
    edit = reverse("wagtailadmin_pages:edit", args=[entry.pk])
    library = Reference.objects.count()
    client.force_login(contributor)

    autosaved = client.post(edit, _form(entry, ris(FIRST)), **AUTOSAVE)
    assert autosaved.status_code == 200 and autosaved.json()["success"], autosaved.content
    assert Reference.objects.count() == library
    assert _cited(entry) == []

    # The editor corrects the pasted record (the box still holds it in the browser), then saves.
    overwrite = {"overwrite_revision_id": autosaved.json()["revision_id"]}
    saved = client.post(edit, _form(entry, ris(CORRECTED), **overwrite))
    assert saved.status_code == 302, _field_errors(saved)
    assert _cited(entry) == ["Evaluation of the pathway"]
    assert Reference.objects.count() == library + 1
    assert not Reference.objects.filter(title=FIRST[1]).exists()


@pytest.mark.django_db
def test_the_first_autosave_of_a_new_entry_creates_the_page_but_no_reference(client, contributor, entry):
    chosen = ReferenceFactory(title="Chosen before the autosave")
    library = Reference.objects.count()
    client.force_login(contributor)
    add = reverse("wagtailadmin_pages:add", args=["catalogue", "interventionpage", entry.get_parent().pk])
    data = _form(entry, ris(CORRECTED), title="A new entry, autosaved", slug="a-new-entry-autosaved")
    data.update({"cited_references-TOTAL_FORMS": "1", "cited_references-0-reference": str(chosen.pk)})
    data.update({"cited_references-0-ORDER": "1", "cited_references-0-id": "", "cited_references-0-DELETE": ""})
    autosaved = client.post(add, data, **AUTOSAVE)
    assert autosaved.status_code == 200 and autosaved.json()["success"], autosaved.content
    new = InterventionPage.objects.get(slug="a-new-entry-autosaved")
    assert Reference.objects.count() == library
    assert _cited(new) == ["Chosen before the autosave"]  # the rest of the form is autosaved as before


@pytest.mark.django_db
def test_a_bad_paste_does_not_stop_the_autosave_and_is_reported_on_save(client, contributor, entry):
    edit = reverse("wagtailadmin_pages:edit", args=[entry.pk])
    client.force_login(contributor)
    autosaved = client.post(edit, _form(entry, "not a citation at all"), **AUTOSAVE)
    assert autosaved.status_code == 200 and autosaved.json()["success"], autosaved.content
    saved = client.post(edit, _form(entry, "not a citation at all"))
    assert saved.status_code == 200 and _field_errors(saved)
