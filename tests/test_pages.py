"""The page tree, routing and what each public page shows."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from catalogue.models import CaseStudyPage, CatalogueIndexPage, EvidenceLevel, GuidancePage, InterventionPage
from tests.factories import CaseStudyPageFactory, GuidancePageFactory, InterventionPageFactory, ReferenceFactory
from website.models import HomePage, StandardPage


def test_page_type_rules():
    assert CatalogueIndexPage.parent_page_types == ["website.HomePage"]
    assert CatalogueIndexPage.max_count == 1
    for entry_type in (InterventionPage, GuidancePage, CaseStudyPage):
        assert entry_type.parent_page_types == ["catalogue.CatalogueIndexPage"]
        assert entry_type.subpage_types == []
    assert StandardPage in HomePage.allowed_subpage_models()
    assert InterventionPage not in HomePage.allowed_subpage_models()


@pytest.mark.django_db
def test_site_tree_routes(client, site_tree):
    for url in ("/", "/catalogue/", "/how-we-rate-evidence/", "/about/", "/accessibility/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Entries summarise the published sources they link to" in response.content.decode(), url
    assert client.get("/no-such-page/").status_code == 404
    assert "Page not found" in client.get("/no-such-page/").content.decode()


@pytest.mark.django_db
def test_how_we_rate_evidence_lists_the_scale_with_anchors(client, site_tree):
    html = client.get("/how-we-rate-evidence/").content.decode()
    for level in EvidenceLevel.objects.all():
        assert f'id="level-{level.slug}"' in html
        assert level.name in html


@pytest.mark.django_db
def test_entry_page_shows_everything_it_holds(client, catalogue):
    reference = ReferenceFactory(title="After FDAC: outcomes 5 years later", authors="Harwin J", year=2016)
    case = CaseStudyPageFactory(
        parent=catalogue, title="Riverside recovery court pathway", evidence="practice-informed"
    )
    entry = InterventionPageFactory(
        parent=catalogue,
        title="Family Drug and Alcohol Court",
        provider="Coram",
        evidence="moderate",
        areas=["peri-natal-intervention"],
        stages=["during-proceedings"],
        regions=["london"],
        topics=["substance-use"],
        evidence_rationale="Two comparison studies <b>found</b> benefit.",
        publish=False,
    )
    entry.references.set([reference])
    entry.related_entries.create(related=case)
    entry.save_revision().publish()

    html = client.get(entry.url).content.decode()
    for expected in (
        "Family Drug and Alcohol Court",
        "Peri-natal intervention",
        "During proceedings",
        "London",
        "Substance use",
        "Coram",
        "Moderate",
        "Research evidence",
        "Why this rating",
        "After FDAC: outcomes 5 years later",
        "Riverside recovery court pathway",
        "Last reviewed",
        "/how-we-rate-evidence/#level-moderate",
    ):
        assert expected in html, expected
    assert "Two comparison studies &lt;b&gt;found&lt;/b&gt; benefit." in html  # editor text is escaped


@pytest.mark.django_db
@pytest.mark.parametrize("factory", [InterventionPageFactory, GuidancePageFactory, CaseStudyPageFactory])
def test_each_entry_type_renders(client, catalogue, factory):
    entry = factory(parent=catalogue, title="A titled entry")
    response = client.get(entry.url)
    assert response.status_code == 200
    assert entry.specific.entry_type_label in response.content.decode()


@pytest.mark.django_db
def test_case_studies_cannot_carry_a_research_rating(catalogue):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="practice evidence"):
        CaseStudyPageFactory(parent=catalogue, evidence="strong")


@pytest.mark.django_db
def test_a_rating_needs_a_rationale_and_date(catalogue):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        InterventionPageFactory(parent=catalogue, evidence="promising", evidence_rationale="", evidence_rated_on=None)
    assert {"evidence_rationale", "evidence_rated_on"} <= set(error.value.message_dict)


@pytest.mark.django_db
def test_editor_creates_and_publishes_an_entry_in_the_admin(
    admin_client, client, catalogue, django_capture_on_commit_callbacks
):
    from catalogue.models import AreaOfPractice, Region

    data = nested_form_data(
        {
            "title": "Parent advocacy service",
            "slug": "parent-advocacy-service",
            "summary": "Independent advocates for parents from pre-proceedings onwards.",
            "provider": "A charity",
            "target_population": "",
            "delivery": "",
            "cost": "",
            "website": "",
            "contact": "",
            "body": streamfield([("paragraph", rich_text("<p>Advocates attend meetings with parents.</p>"))]),
            "evidence_level": EvidenceLevel.objects.get(slug="not-yet-rated").pk,
            "evidence_rationale": "",
            "related_entries": inline_formset([]),
            "rating_basis": inline_formset([]),
            "cited_references": inline_formset([]),
            "action-publish": "publish",
        }
    )
    # Multi-valued fields go in as lists (nested_form_data would number them like formset rows).
    data["areas"] = [AreaOfPractice.objects.get(slug="pre-birth-assessment").pk]
    data["regions"] = [Region.objects.get(slug="north-west").pk]
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(f"/admin/pages/add/catalogue/interventionpage/{catalogue.pk}/", data)
    assert response.status_code == 302, response.context and response.context["form"].errors
    page = InterventionPage.objects.get(slug="parent-advocacy-service")
    assert page.live
    assert "Parent advocacy service" in client.get(page.url).content.decode()
    html = client.get("/catalogue/?region=north-west").content.decode()
    assert "Parent advocacy service" in html
