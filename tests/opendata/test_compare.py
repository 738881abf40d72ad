"""Comparing 2–4 interventions side by side at a shareable URL, without JavaScript."""

import re

import pytest

from catalogue.models import InterventionPage, Outcome, RelatedEntry
from demo.site_tree import ensure_site_tree
from tests.conftest import built_once_for_the_module
from tests.factories import GuidancePageFactory, InterventionPageFactory, ReferenceFactory

pytestmark = pytest.mark.django_db


def add_interventions() -> list[int]:
    _, catalogue = ensure_site_tree()
    reference = ReferenceFactory(title="A trial of family support")
    reference.outcomes.set(Outcome.objects.filter(slug__in=["safe-reunification", "baby-remains-with-family"]))
    first = InterventionPageFactory(
        parent=catalogue,
        title="Family support A",
        cost="£5,000 per family (2024)",
        evidence="promising",
        regions=["north-west"],
        publish=False,
    )
    first.references.set([reference])
    first.save_revision().publish()
    others = [
        InterventionPageFactory(parent=catalogue, title=f"Family support {letter}", regions=["wales"])
        for letter in "BCDE"
    ]
    return [page.pk for page in (first, *others)]


@pytest.fixture(scope="module")
def interventions_once(django_db_setup, django_db_blocker):
    """Five published interventions, built once: what a test adds or changes is undone after it."""
    yield from built_once_for_the_module(django_db_blocker, add_interventions)


@pytest.fixture
def interventions(interventions_once, db):
    """Read afresh for each test, in the order built, so that no test sees another's changes to the objects."""
    return [InterventionPage.objects.get(pk=pk) for pk in interventions_once]


def compare_url(*pages):
    return "/compare/?" + "&".join(f"entry={page.pk}" for page in pages)


def test_two_interventions_side_by_side(client, interventions):
    first, second = interventions[:2]
    response = client.get(compare_url(first, second))
    assert response.status_code == 200
    html = response.content.decode()
    for label in (
        "Area of practice",
        "Stage",
        "Strength of evidence",
        "Why this rating",
        "Regions",
        "Cost",
        "Outcomes measured",
        "References",
    ):
        assert f'<th scope="row" class="govuk-table__header">{label}</th>' in html
    assert "£5,000 per family (2024)" in html
    assert "Safe reunification" in html and "Baby remains safely with family" in html
    assert "A trial of family support" in html
    assert html.index("Family support A") < html.index("Family support B")  # the order asked for


def test_four_is_the_most_and_columns_can_be_removed(client, interventions):
    html = client.get(compare_url(*interventions[:4])).content.decode()
    assert html.count('<th scope="col"') == 4
    a, b, c, d = interventions[:4]
    assert f'href="/compare/?entry={b.pk}&amp;entry={c.pk}&amp;entry={d.pk}"' in html
    assert client.get(compare_url(*interventions)).status_code == 400


@pytest.mark.parametrize("query", ["entry=abc", "entry=1", "entry=-3&entry=4", "entry=99999999999999999999&entry=2"])
def test_unusable_requests_are_400_with_a_message(client, interventions, query):
    response = client.get(f"/compare/?{query}")
    assert response.status_code == 400
    assert "We cannot show this comparison" in response.content.decode()


def test_only_published_public_interventions_can_be_compared(client, interventions, catalogue):
    guidance = GuidancePageFactory(parent=catalogue, title="Some guidance")
    draft = InterventionPageFactory(parent=catalogue, title="Draft support", live=False, publish=False)
    for other in (guidance, draft):
        response = client.get(compare_url(interventions[0], other))
        assert response.status_code == 400
        assert f"no published intervention number {other.pk}" in response.content.decode()


def test_duplicates_count_once(client, interventions):
    first, second = interventions[:2]
    assert client.get(compare_url(first, first)).status_code == 400
    assert client.get(compare_url(first, second, first)).status_code == 200


def test_the_bare_page_explains_how_to_choose(client):
    response = client.get("/compare/")
    assert response.status_code == 200
    assert "Tick 2 to 4 interventions" in response.content.decode()


def test_result_cards_tick_into_a_compare_form_outside_the_filter_form(client, interventions):
    html = client.get("/catalogue/").content.decode()
    checkboxes = re.findall(r'<input[^>]*name="entry"[^>]*>', html)
    assert len(checkboxes) == len(interventions) and all('form="compare-form"' in box for box in checkboxes)
    filter_form_end = html.index("</form>", html.index('id="catalogue-form"'))
    assert html.index('<form id="compare-form" method="get" action="/compare/"') > filter_form_end
    assert 'type="submit" form="compare-form"' in html


def test_guidance_cards_have_no_compare_box(client, interventions, catalogue):
    GuidancePageFactory(parent=catalogue, title="Some guidance")
    html = client.get("/catalogue/", {"type": "guidance"}).content.decode()
    assert 'name="entry"' not in html


def test_an_intervention_page_offers_to_compare_with_related_interventions(client, interventions):
    first, second = interventions[:2]
    first.related_entries.add(RelatedEntry(related=second))
    first.save_revision().publish()
    html = client.get(first.url).content.decode()
    assert '<form method="get" action="/compare/">' in html
    assert f'<input type="hidden" name="entry" value="{first.pk}">' in html
    assert f'value="{second.pk}"' in html
