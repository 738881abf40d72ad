"""
The entry form's "Paste references (BibTeX or RIS)" box: records become the entry's references on save, in
order, matched to the library by DOI or title or created; all or nothing, with errors naming record and field.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset

from catalogue.models import InterventionPage, Reference
from editorial import roles
from editorial.citations.entry_paste import PASTE_FIELD
from tests.factories import InterventionPageFactory, ReferenceFactory

from .conftest import entry_form_data


def ris(*records) -> str:
    """RIS text: each record as (type, title, authors, year)."""
    lines = []
    for kind, title, author, year in records:
        lines += [f"TY  - {kind}", f"AU  - {author}", f"TI  - {title}", f"PY  - {year}", "ER  - ", ""]
    return "\n".join(lines)


BIBTEX = """@article{muller2019,
  title = {Home visiting after a baby's removal: a pilot},
  author = {M{\\"u}ller, Anna and Smith, Bo},
  journal = {Child Abuse Review},
  year = {2019},
  doi = {https://doi.org/10.1000/CAR.2019.7}
}
"""


@pytest.fixture
def entry(catalogue):
    return InterventionPageFactory(parent=catalogue, title="An entry with pasted references")


def _post(client, user, entry, text, chosen=(), **overrides):
    client.force_login(user)
    data = entry_form_data(
        entry, cited_references=inline_formset([{"reference": ref.pk} for ref in chosen]), **overrides
    )
    data[PASTE_FIELD] = text
    return client.post(reverse("wagtailadmin_pages:edit", args=[entry.pk]), data)


def _cited(entry) -> list[str]:
    latest = InterventionPage.objects.get(pk=entry.pk).get_latest_revision_as_object()
    rows = sorted(latest.cited_references.all(), key=lambda row: row.sort_order)
    assert {ref.pk for ref in latest.references.all()} == {row.reference_id for row in rows}
    return [row.reference.title for row in rows]


def _field_errors(response) -> str:
    return " ".join(response.context["form"].errors.get(PASTE_FIELD, []))


@pytest.mark.django_db
def test_the_box_is_shown_after_the_reference_chooser(client, contributor, entry):
    client.force_login(contributor)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[entry.pk])).content.decode()
    chooser, box, basis = (
        html.find(marker)
        for marker in (
            'name="cited_references-TOTAL_FORMS"',
            f'name="{PASTE_FIELD}"',
            'name="rating_basis-TOTAL_FORMS"',
        )
    )
    assert -1 < chooser < box < basis
    assert "Paste references (BibTeX or RIS)" in html


@pytest.mark.django_db
def test_pasted_ris_records_are_created_and_cited_after_those_chosen(client, contributor, entry):
    chosen = ReferenceFactory(title="Chosen in the chooser")
    text = ris(
        ("RPRT", "A first pasted report", "Example, Ann", "2023"), ("JOUR", "A second pasted study", "Bo Smith", "2021")
    )
    response = _post(client, contributor, entry, text, chosen=[chosen])
    assert response.status_code == 302, _field_errors(response)
    assert _cited(entry) == ["Chosen in the chooser", "A first pasted report", "A second pasted study"]
    second = Reference.objects.get(title="A second pasted study")
    assert (second.authors, second.year) == ("Smith B", 2021)


@pytest.mark.django_db
def test_a_pasted_bibtex_record_is_created(client, contributor, entry):
    response = _post(client, contributor, entry, BIBTEX)
    assert response.status_code == 302, _field_errors(response)
    reference = Reference.objects.get(title="Home visiting after a baby's removal: a pilot")
    assert (reference.authors, reference.year, reference.doi) == ("Müller A, Smith B", 2019, "10.1000/car.2019.7")
    assert _cited(entry) == [reference.title]


@pytest.mark.django_db
def test_a_record_already_in_the_library_is_matched_by_doi_not_added_again(client, contributor, entry):
    existing = ReferenceFactory(title="Its title as the library has it", doi="10.1000/car.2019.7")
    before = Reference.objects.count()
    response = _post(client, contributor, entry, BIBTEX)
    assert response.status_code == 302, _field_errors(response)
    assert Reference.objects.count() == before
    assert _cited(entry) == [existing.title]


@pytest.mark.django_db
def test_a_bad_record_names_the_record_and_field_and_nothing_is_created(client, contributor, entry):
    text = ris(
        ("RPRT", "A good record", "Example, Ann", "2023"), ("RPRT", "A record from the future", "Example, Bo", "20x3")
    )
    before = Reference.objects.count()
    response = _post(client, contributor, entry, text, summary="A summary the editor typed.")
    assert response.status_code == 200
    assert "Record 2: the year '20x3' is not a four-digit year." in _field_errors(response)
    assert Reference.objects.count() == before  # not even the good first record
    html = response.content.decode()
    assert "A summary the editor typed." in html and "A record from the future" in html  # their input is kept
    assert _cited(entry) == []


@pytest.mark.django_db
def test_a_record_without_a_title_is_refused(client, contributor, entry):
    text = "TY  - RPRT\nAU  - Example, Ann\nPY  - 2023\nER  - \n"
    response = _post(client, contributor, entry, text)
    assert response.status_code == 200
    assert "Record 1: has no title." in _field_errors(response)


@pytest.mark.django_db
def test_text_that_is_neither_bibtex_nor_ris_gets_a_message(client, contributor, entry):
    response = _post(client, contributor, entry, "Broadhurst K (2017) Vulnerable birth mothers")
    assert response.status_code == 200
    assert "neither BibTeX" in _field_errors(response)


@pytest.mark.django_db
def test_a_user_who_cannot_add_references_is_told_so_and_nothing_is_created(client, contributor, entry):
    Group.objects.get(name=roles.CONTRIBUTORS).permissions.remove(
        Permission.objects.get(content_type__app_label="catalogue", codename="add_reference")
    )
    before = Reference.objects.count()
    response = _post(client, contributor, entry, ris(("RPRT", "Not in the library", "Example, Ann", "2023")))
    assert response.status_code == 200
    assert "Record 1 is not in the library yet, and your account cannot add references." in _field_errors(response)
    assert Reference.objects.count() == before
    # Records the library already has can still be cited by pasting them.
    existing = ReferenceFactory(title="Already in the library", doi="10.1000/car.2019.7")
    response = _post(client, contributor, entry, BIBTEX)
    assert response.status_code == 302, _field_errors(response)
    assert _cited(entry) == [existing.title]


@pytest.mark.django_db
def test_markup_and_formulae_are_stored_as_text_and_shown_escaped(client, contributor, entry):
    title = "Outcomes <i>in utero</i> & after: $x^2 < 5$ <script>alert(1)</script>"
    response = _post(client, contributor, entry, ris(("JOUR", title, "Example, Ann", "2021")))
    assert response.status_code == 302, _field_errors(response)
    assert Reference.objects.filter(title=title).exists()
    html = client.get(reverse("wagtailadmin_pages:edit", args=[entry.pk])).content.decode()
    assert "&lt;i&gt;in utero&lt;/i&gt;" in html
    assert "<script>alert(1)</script>" not in html and "<i>in utero</i>" not in html


@pytest.mark.django_db
def test_a_record_pasted_twice_is_cited_once(client, contributor, entry):
    text = ris(("RPRT", "The same report", "Example, Ann", "2023"))
    assert _post(client, contributor, entry, text).status_code == 302
    entry = InterventionPage.objects.get(pk=entry.pk).get_latest_revision_as_object()
    chosen = list(entry.references.all())
    response = _post(client, contributor, entry, text, chosen=chosen)
    assert response.status_code == 302, _field_errors(response)
    assert _cited(entry) == ["The same report"]
    assert Reference.objects.filter(title="The same report").count() == 1


@pytest.mark.django_db
def test_an_empty_box_changes_nothing(client, contributor, entry):
    chosen = ReferenceFactory(title="Chosen only")
    response = _post(client, contributor, entry, "   ", chosen=[chosen])
    assert response.status_code == 302
    assert _cited(entry) == ["Chosen only"]


@pytest.mark.django_db
def test_references_pasted_into_a_new_entry_submitted_for_review_are_in_the_submitted_revision(
    client, contributor, entry
):
    client.force_login(contributor)
    chosen = ReferenceFactory(title="Chosen for the new entry")
    data = entry_form_data(
        entry,
        action="submit",
        title="A new entry",
        slug="a-new-entry",
        cited_references=inline_formset([{"reference": chosen.pk}]),
    )
    data[PASTE_FIELD] = ris(("RPRT", "Pasted into the new entry", "Example, Ann", "2023"))
    url = reverse("wagtailadmin_pages:add", args=["catalogue", "interventionpage", entry.get_parent().pk])
    response = client.post(url, data)
    assert response.status_code == 302, _field_errors(response)
    new = InterventionPage.objects.get(slug="a-new-entry")
    assert new.workflow_in_progress
    assert _cited(new) == ["Chosen for the new entry", "Pasted into the new entry"]
