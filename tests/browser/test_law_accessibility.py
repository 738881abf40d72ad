"""axe-core finds no WCAG 2.x A or AA violations on the law and practice-tool pages and the stage browse."""

import pytest
from wagtail.models import Page

from catalogue.models import CatalogueIndexPage
from tests.factories import JudgmentPageFactory, LegislationPageFactory, PracticeToolPageFactory

from .test_accessibility import violations_on

pytestmark = pytest.mark.browser


@pytest.fixture
def law_pages(site):
    """One page of each law type at birth, removed afterwards: the shared browser catalogue is read-only."""
    catalogue = CatalogueIndexPage.objects.get()
    pages = [
        LegislationPageFactory(parent=catalogue, title="Police protection (browser)", stages=["at-birth"]),
        JudgmentPageFactory(parent=catalogue, title="A judgment at birth (browser)", stages=["at-birth"]),
        PracticeToolPageFactory(parent=catalogue, title="A pre-birth protocol (browser)", stages=["pregnancy"]),
    ]
    yield pages
    for page in pages:
        Page.objects.get(pk=page.pk).delete()


def test_law_pages_and_the_law_at_this_stage_have_no_violations(site, page, law_pages, csp_errors):
    legislation, judgment, tool = law_pages
    pages = {
        "law at this stage": "/catalogue/?stage=at-birth",
        "home with the law per stage": "/",
        "legislation": legislation.url,
        "judgment": judgment.url,
        "practice tool": tool.url,
    }
    assert violations_on(site, page, pages) == {}
    assert csp_errors == []
    page.goto(site.at("/catalogue/?stage=at-birth"))
    assert page.locator(".law-at-stage li").count() == 2  # the statute and the judgment, not the tool
