"""
References chosen through Wagtail's searchable chooser, in order, with a tab that adds a new one from a pasted
BibTeX or RIS record; everything that reads an entry's references still reads the many-to-many.
"""

import importlib
import json

import pytest
from django.apps import apps
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset

from catalogue.models import CitedReference, InterventionPage, Reference
from tests.factories import InterventionPageFactory, ReferenceFactory

from .conftest import entry_form_data

CREATE = "wagtailsnippetchoosers_catalogue_reference:create"
CHOOSE_RESULTS = "wagtailsnippetchoosers_catalogue_reference:choose_results"

RIS = "\n".join(
    [
        "TY  - JOUR",
        "AU  - Smith, Jane",
        "TI  - A study of pre-birth assessment",
        "JO  - Child Abuse Review",
        "PY  - 2020",
        "DO  - 10.1002/car.0001",
        "ER  - ",
        "",
    ]
)


def _edit(client, page, **overrides):
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), entry_form_data(page, **overrides))


def _latest(page):
    return InterventionPage.objects.get(pk=page.pk).get_latest_revision_as_object()


@pytest.mark.django_db
def test_chosen_references_are_saved_in_the_editors_order(client, contributor, catalogue):
    page = InterventionPageFactory(parent=catalogue, title="An entry")
    first, second, third = ReferenceFactory(year=2001), ReferenceFactory(year=2024), ReferenceFactory(year=2010)
    client.force_login(contributor)
    rows = [{"reference": ref.pk} for ref in (second, third, first)]
    response = _edit(client, page, cited_references=inline_formset(rows))
    assert response.status_code == 302
    draft = _latest(page)
    # The draft holds the many-to-many that pages, exports and the API read, and the order chosen.
    assert {ref.pk for ref in draft.references.all()} == {first.pk, second.pk, third.pk}
    ordered = sorted(draft.cited_references.all(), key=lambda row: row.sort_order)
    assert [row.reference_id for row in ordered] == [second.pk, third.pk, first.pk]


@pytest.mark.django_db
def test_publishing_writes_both_and_removing_a_row_removes_the_link(client, reviewer, catalogue):
    page = InterventionPageFactory(parent=catalogue, title="An entry")
    kept, dropped = ReferenceFactory(), ReferenceFactory()
    client.force_login(reviewer)
    _edit(client, page, cited_references=inline_formset([{"reference": kept.pk}, {"reference": dropped.pk}]))
    _latest(page).get_latest_revision().publish()
    assert set(InterventionPage.objects.get(pk=page.pk).references.all()) == {kept, dropped}
    rows = CitedReference.objects.filter(page=page).order_by("sort_order")
    assert [row.reference_id for row in rows] == [kept.pk, dropped.pk]

    posted = inline_formset(
        [{"id": rows[0].pk, "reference": kept.pk}, {"id": rows[1].pk, "reference": dropped.pk, "DELETE": "1"}],
        initial=2,
    )
    _edit(client, page, cited_references=posted)
    assert list(_latest(page).references.all()) == [kept]


@pytest.mark.django_db
def test_links_made_by_a_loader_or_importer_appear_in_the_chooser(client, contributor, catalogue):
    """An importer sets the many-to-many alone: the form shows those links, so saving never drops them."""
    page = InterventionPageFactory(parent=catalogue, title="An entry")
    imported = ReferenceFactory(title="Imported study")
    page.references.add(imported)
    page.save_revision().publish()
    assert not CitedReference.objects.filter(page=page).exists()
    client.force_login(contributor)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert 'name="cited_references-TOTAL_FORMS" value="1"' in html
    assert "Imported study" in html


@pytest.mark.django_db
def test_the_migration_keeps_existing_links_in_the_order_they_were_made(catalogue):
    page = InterventionPageFactory(parent=catalogue, title="An entry")
    older, newer = ReferenceFactory(year=1999), ReferenceFactory(year=2025)
    page.references.add(older)
    page.references.add(newer)
    page.save()
    CitedReference.objects.all().delete()
    migration = importlib.import_module("catalogue.migrations.0012_editor_ordered_references")
    migration.cite_in_existing_order(apps, None)
    rows = CitedReference.objects.filter(page=page).order_by("sort_order")
    assert [row.reference_id for row in rows] == [older.pk, newer.pk]


@pytest.mark.django_db
def test_chooser_search_finds_a_study_by_author(client, contributor):
    ReferenceFactory(authors="Broadhurst K, Mason C", title="Collateral consequences")
    ReferenceFactory(authors="Someone Else", title="Another study")
    client.force_login(contributor)
    response = client.get(reverse(CHOOSE_RESULTS), {"q": "Broadhurst", "multiple": "1"})
    html = response.content.decode()
    assert "Collateral consequences" in html and "Another study" not in html


def _create(client, **data):
    response = client.post(reverse(CREATE) + "?multiple=1", data)
    return response, json.loads(response.content)


@pytest.mark.django_db
def test_a_contributor_adds_a_reference_by_pasting_ris(client, contributor):
    client.force_login(contributor)
    response, body = _create(client, citation=RIS, kind="report", design="other")
    assert response.status_code == 200 and body["step"] == "chosen"
    created = Reference.objects.get(doi="10.1002/car.0001")
    assert (created.title, created.year, created.authors) == ("A study of pre-birth assessment", 2020, "Smith J")
    assert [item["id"] for item in body["result"]] == [str(created.pk)]


@pytest.mark.django_db
def test_a_pasted_record_already_in_the_library_is_chosen_not_duplicated(client, contributor):
    existing = ReferenceFactory(title="Earlier copy", doi="https://doi.org/10.1002/CAR.0001")
    client.force_login(contributor)
    _response, body = _create(client, citation=RIS, kind="report", design="other")
    assert body["step"] == "chosen" and [item["id"] for item in body["result"]] == [str(existing.pk)]
    assert Reference.objects.count() == 1


@pytest.mark.django_db
def test_a_reference_can_be_typed_in_instead(client, contributor):
    client.force_login(contributor)
    _response, body = _create(
        client, citation="", kind="report", authors="Doe J", year="2021", title="Typed in", design="audit"
    )
    assert body["step"] == "chosen"
    assert Reference.objects.get(title="Typed in").design == "audit"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "citation, message",
    [
        ("not a citation at all", "neither BibTeX"),
        ("TY  - JOUR\nAU  - Smith, Jane\nPY  - 2020\nER  - \n", "has no title"),
        (RIS + RIS.replace("0001", "0002"), "2 records were pasted"),
        ("TY  - JOUR\nTI  - Bad year\nPY  - 20x0\nER  - \n", "is not a four-digit year"),
        ("TY  - JOUR\nTI  - " + "Long " * 200 + "\nER  - \n", "the most the library keeps is 500"),
        ("TY  - JOUR\nTI  - Huge\nN2  - " + "x" * 1024 * 1024 + "\nER  - \n", "The text is longer than 1024 KB"),
        ("", "Fill this in, or paste"),
    ],
)
def test_bad_records_get_a_message_and_create_nothing(client, contributor, citation, message):
    client.force_login(contributor)
    response, body = _create(client, citation=citation, kind="report", design="other")
    assert response.status_code == 200
    assert body["step"] == "reshow_creation_form"
    assert message in body["htmlFragment"]
    assert not Reference.objects.exists()


@pytest.mark.django_db
def test_an_empty_form_asks_for_a_title_and_authors(client, contributor):
    client.force_login(contributor)
    _response, body = _create(client, citation="", kind="report", design="other")
    assert body["step"] == "reshow_creation_form"
    assert body["htmlFragment"].count("Fill this in, or paste a BibTeX or RIS record above.") == 2
    assert not Reference.objects.exists()


@pytest.mark.django_db
def test_someone_without_the_add_permission_cannot_create_through_the_chooser(client, make_user):
    """An admin user outside the editorial roles may open the admin but not add references."""
    from django.contrib.auth.models import Permission

    outsider = make_user("Outsider", username="outsider")
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(outsider)
    response = client.post(reverse(CREATE), {"citation": RIS, "kind": "report", "design": "other"})
    assert response.status_code in (302, 403)
    assert not Reference.objects.exists()


@pytest.mark.django_db
def test_contributors_are_offered_no_edit_link_they_could_not_use(client, contributor, catalogue):
    page = InterventionPageFactory(parent=catalogue, title="An entry")
    page.references.add(ReferenceFactory(title="A cited study"))
    page.save_revision().publish()
    client.force_login(contributor)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "A cited study" in html
    assert "Edit this reference" not in html
    # And the snippet's own edit view refuses them, as before: the chooser opens no new way round it.
    reference = Reference.objects.get(title="A cited study")
    edit = client.get(reverse("wagtailsnippets_catalogue_reference:edit", args=[reference.pk]))
    assert edit.status_code in (302, 403)
