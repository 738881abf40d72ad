"""
A reviewer rating an entry that cites references and has no rating basis yet finds one blank "study the
rating rests on" row ready; a new row left wholly blank is ignored (never an error, never saved).
"""

import re

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset

from catalogue.models import EvidenceLevel, InterventionPage
from catalogue.models.cited import cite
from catalogue.models.rating import RatingBasis
from tests.factories import InterventionPageFactory, ReferenceFactory

from .conftest import entry_form_data, rated_form_data

BLANK_ROW = {"reference": "", "outcomes": "", "finding": ""}


@pytest.fixture
def cited_entry(catalogue):
    reference = ReferenceFactory(title="A local evaluation", design="process")
    entry = InterventionPageFactory(parent=catalogue, title="A cited entry")
    cite(entry, [reference])
    entry.save_revision()
    return entry


def _basis_rows_offered(client, user, entry) -> int:
    client.force_login(user)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[entry.pk])).content.decode()
    total = re.search(
        r'name="rating_basis-TOTAL_FORMS"[^>]*value="(\d+)"|value="(\d+)"[^>]*name="rating_basis-TOTAL_FORMS"', html
    )
    return int(total.group(1) or total.group(2))


@pytest.mark.django_db
def test_a_reviewer_finds_one_blank_row_ready(client, reviewer, cited_entry):
    assert _basis_rows_offered(client, reviewer, cited_entry) == 1
    html = client.get(reverse("wagtailadmin_pages:edit", args=[cited_entry.pk])).content.decode()
    row = re.search(r'<select name="rating_basis-0-reference"[^>]*>(.*?)</select>', html, re.S)
    assert row, "the ready row chooses among the entry's references"
    assert re.findall(r'<option value="(\d*)" selected', row.group(1)) == [""]  # nothing chosen for the reviewer


@pytest.mark.django_db
def test_no_row_is_added_for_a_contributor(client, contributor, cited_entry):
    assert _basis_rows_offered(client, contributor, cited_entry) == 0


@pytest.mark.django_db
def test_no_row_is_added_to_an_entry_without_references(client, reviewer, catalogue):
    entry = InterventionPageFactory(parent=catalogue, title="Nothing cited")
    assert _basis_rows_offered(client, reviewer, entry) == 0


@pytest.mark.django_db
def test_no_blank_row_is_added_beside_a_basis_already_given(client, reviewer, cited_entry):
    reference = cited_entry.references.get()
    cited_entry.rating_basis = [RatingBasis(reference=reference, outcomes="Care entry", finding="Fewer")]
    cited_entry.save_revision()
    assert _basis_rows_offered(client, reviewer, cited_entry) == 1


@pytest.mark.django_db
def test_the_ready_row_left_blank_is_neither_an_error_nor_saved(client, reviewer, cited_entry):
    client.force_login(reviewer)
    reference = cited_entry.references.get()
    data = entry_form_data(cited_entry, cited_references=inline_formset([{"reference": reference.pk}]))
    data.update(_rows([BLANK_ROW]))  # as the admin posts it, with its order number
    response = client.post(reverse("wagtailadmin_pages:edit", args=[cited_entry.pk]), data)
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    latest = InterventionPage.objects.get(pk=cited_entry.pk).get_latest_revision_as_object()
    assert list(latest.rating_basis.all()) == []


@pytest.mark.django_db
def test_a_rating_with_the_ready_row_left_blank_asks_for_its_basis(client, reviewer, cited_entry):
    """The rule's own message, not 'This field is required' on an empty row."""
    client.force_login(reviewer)
    reference = cited_entry.references.get()
    level = EvidenceLevel.objects.get(slug="practice-informed")
    data = rated_form_data(cited_entry, reference, level.pk, "Rests on the evaluation.")
    data = {key: value for key, value in data.items() if not key.startswith("rating_basis-")}
    data.update(_rows([BLANK_ROW]))
    response = client.post(reverse("wagtailadmin_pages:edit", args=[cited_entry.pk]), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Add the study or studies this rating rests on" in page
    assert "This field is required" not in page


@pytest.mark.django_db
def test_a_half_filled_row_is_still_checked(client, reviewer, cited_entry):
    """On publishing (a draft may be saved unfinished: Wagtail defers required fields for drafts)."""
    client.force_login(reviewer)
    reference = cited_entry.references.get()
    data = entry_form_data(
        cited_entry, action="publish", cited_references=inline_formset([{"reference": reference.pk}])
    )
    data.update(_rows([{**BLANK_ROW, "reference": reference.pk}]))
    response = client.post(reverse("wagtailadmin_pages:edit", args=[cited_entry.pk]), data)
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()


def _rows(rows) -> dict:
    """The rating-basis rows as the admin posts new ones: each with its order number (from 1)."""
    data = {
        "rating_basis-TOTAL_FORMS": str(len(rows)),
        "rating_basis-INITIAL_FORMS": "0",
        "rating_basis-MIN_NUM_FORMS": "0",
        "rating_basis-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        data.update({f"rating_basis-{index}-{name}": value for name, value in row.items()})
        data[f"rating_basis-{index}-ORDER"] = str(index + 1)
        data[f"rating_basis-{index}-DELETE"] = ""
    return data
