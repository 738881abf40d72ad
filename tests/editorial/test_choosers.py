"""The entry form's choosers: checkboxes instead of Ctrl-click lists, evidence levels with their rule."""

import re

import pytest
from django.urls import reverse

from catalogue.models import EvidenceLevel, LocalAuthority, Reference
from tests.factories import InterventionPageFactory


@pytest.fixture
def entry(catalogue):
    Reference.objects.create(authors="Broadhurst K", year=2017, title="Vulnerable birth mothers")
    return InterventionPageFactory(parent=catalogue, title="An entry")


def _edit_page(client, user, entry):
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[entry.pk]))
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["contributor", "reviewer"])
def test_no_list_needs_ctrl_click(client, request, role, entry):
    html = _edit_page(client, request.getfixturevalue(role), entry)
    assert not re.search(r"<select[^>]*\bmultiple\b", html)
    for name in ("areas", "stages", "topics", "regions", "local_authorities"):
        assert re.search(rf'<input type="checkbox" name="{name}"', html), name
    # Every local authority can be ticked, inside a box a script can filter.
    assert html.count('name="local_authorities"') == LocalAuthority.objects.count()
    assert html.count('<div class="editorial-filterable" data-filter-checkboxes>') == 1
    assert "editorial/filter_checkboxes.js" in html
    # References through Wagtail's searchable multiple chooser (ordered rows), not a list of every reference.
    assert 'name="cited_references-TOTAL_FORMS"' in html
    assert 'name="references"' not in html


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["contributor", "reviewer"])
def test_evidence_levels_are_radios_with_their_rule(client, request, role, entry):
    html = _edit_page(client, request.getfixturevalue(role), entry)
    levels = list(EvidenceLevel.objects.all())
    assert levels, "the evidence scale is seeded by migration"
    assert html.count('type="radio" name="evidence_level"') == len(levels)
    for level in levels:
        assert level.description.replace("'", "&#x27;").split("\n")[0][:60] in html
    # Not the snippet chooser, whose edit link a reviewer cannot use.
    assert "Edit this evidence level" not in html


@pytest.mark.django_db
def test_contributor_radios_are_disabled_and_keep_rating(client, contributor, entry):
    html = _edit_page(client, contributor, entry)
    radios = re.findall(r'<input type="radio" name="evidence_level"[^>]*>', html)
    assert radios and all("disabled" in radio for radio in radios)


@pytest.mark.django_db
def test_each_evidence_level_says_what_the_rule_needs(client, reviewer, entry):
    from catalogue.models.rating import LEVEL_NEEDS

    html = _edit_page(client, reviewer, entry)
    slugs = set(EvidenceLevel.objects.values_list("slug", flat=True))
    assert slugs & set(LEVEL_NEEDS), "the seeded scale has levels the rule checks"
    for slug, (_designs, _count, wording) in LEVEL_NEEDS.items():
        if slug in slugs:
            assert f"Needs {wording} among the studies it rests on." in html, slug
    assert html.count('class="editorial-option-needs"') == len(slugs & set(LEVEL_NEEDS))


@pytest.mark.django_db
def test_the_study_a_rating_rests_on_is_chosen_from_the_entry_s_own_references(client, reviewer, catalogue):
    from catalogue.models.cited import cite

    library = [
        Reference.objects.create(authors="Broadhurst K", year=2017, title="Vulnerable birth mothers"),
        Reference.objects.create(authors="Harwin J", year=2014, title="Changing lifestyles, keeping children safe"),
        Reference.objects.create(authors="Mason C", year=2022, title="Not cited by this entry"),
    ]
    entry = InterventionPageFactory(parent=catalogue, title="An entry")
    cite(entry, [library[1], library[0]])  # the editor's order
    entry.save_revision()
    html = _edit_page(client, reviewer, entry)
    # The empty row that "Add study" copies, and any row, list exactly the entry's references, in its order.
    selects = re.findall(r'<select name="rating_basis-[^"]*-reference"[^>]*>(.*?)</select>', html, re.S)
    assert selects
    for options in selects:
        values = re.findall(r'<option value="(\d+)"', options)
        assert values == [str(library[1].pk), str(library[0].pk)]
    # Kept to the form's width however long a citation is (editorial/static/editorial/choosers.css).
    tags = re.findall(r'<select name="rating_basis-[^"]*-reference"[^>]*>', html)
    assert all('class="editorial-basis-study"' in tag for tag in tags)
    assert "editorial/choosers.css" in html


@pytest.mark.django_db
def test_an_entry_without_references_keeps_the_searchable_chooser_for_its_rating_basis(client, reviewer, entry):
    html = _edit_page(client, reviewer, entry)
    assert not re.search(r'<select name="rating_basis-[^"]*-reference"', html)
    assert 'id="id_rating_basis-__prefix__-reference' in html  # the chooser's hidden input in the empty row
