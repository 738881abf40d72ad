"""The factories build every page type, snippet and body block, and what they build is served."""

import pytest
from wagtail.models import Page

from catalogue.models import ContentVersion
from tests.data_urls import reverse
from tests.factories import (
    AreaOfPracticeFactory,
    CaseStudyPageFactory,
    CatalogueIndexPageFactory,
    EvidenceLevelFactory,
    GuidancePageFactory,
    HomePageFactory,
    InterventionPageFactory,
    LocalAuthorityFactory,
    OutcomeFactory,
    ReferenceFactory,
    ReferenceOutcomeFactory,
    RegionFactory,
    ResearchQuestionFactory,
    SearchSynonymGroupFactory,
    StageFactory,
    StandardPageFactory,
    TopicFactory,
    TrendEventFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def built_site():
    from wagtail.models import Site

    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, slug="factory-home")
    Site.objects.update_or_create(is_default_site=True, defaults={"root_page": home, "hostname": "localhost"})
    return home, CatalogueIndexPageFactory(parent=home)


@pytest.mark.parametrize("factory_class", [InterventionPageFactory, GuidancePageFactory, CaseStudyPageFactory])
def test_entry_factories_build_a_body_of_every_block_and_the_page_serves_it(client, built_site, factory_class):
    _, catalogue = built_site
    entry = factory_class(
        parent=catalogue,
        body__0__heading="What it offers",
        body__1__paragraph__value="<p>A rich-text paragraph.</p>",
        body__2__key_points__points__0="First point to take away",
        body__3="quote",
    )
    assert [block.block_type for block in entry.body] == ["heading", "paragraph", "key_points", "quote"]
    html = client.get(entry.url).content.decode()
    for text in ("What it offers", "A rich-text paragraph.", "First point to take away", "We were listened to."):
        assert text in html, text


def test_site_page_factories_build_a_servable_tree(client, built_site):
    home, catalogue = built_site
    page = StandardPageFactory(parent=home, title="About the catalogue")
    assert client.get(page.url).status_code == 200
    assert client.get(catalogue.url).status_code == 200
    assert client.get(home.url).status_code == 200


def test_snippet_factories_make_new_records():
    question = ResearchQuestionFactory()
    question.areas.set([AreaOfPracticeFactory()])
    authority = LocalAuthorityFactory(region=RegionFactory())
    finding = ReferenceOutcomeFactory(reference=ReferenceFactory(), outcome=OutcomeFactory())
    made = [question, authority, finding, StageFactory(), TopicFactory(), EvidenceLevelFactory()]
    assert all(item.pk for item in made)
    assert finding.outcome in finding.reference.outcomes.all()
    assert str(ContentVersion(number=3)) == "Content version 3"


def test_synonym_group_factory_makes_a_group_the_catalogue_search_uses(client, built_site):
    _, catalogue = built_site
    group = SearchSynonymGroupFactory(terms="grandparent care\nkinship")
    group.full_clean()
    entry = InterventionPageFactory(parent=catalogue, title="Support for kinship families")
    html = client.get(catalogue.url, {"q": "grandparent care"}).content.decode()
    assert entry.title in html  # found only through the group: neither word is in the entry


def test_trend_event_factory_makes_an_event_the_trend_pages_list(client, site_tree):
    event = TrendEventFactory(title="A change made by a test")
    event.full_clean()  # the source link the admin requires is there
    html = client.get(reverse("explorer:overview")).content.decode()
    assert event.title in html
