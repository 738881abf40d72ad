"""
The editor's whole journey in a real browser: a Contributor writes a case study (taxonomies, two local
authorities, an existing reference, a new one pasted as RIS) and submits it; a Reviewer rates it and approves;
the entry is then found under each of its facets and its new reference in the bibliography. Every click, fill
and tick is counted per role (tests/browser/editor_journey.py) and printed; the test removes what it made.
"""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from .conftest import beside_the_live_server
from .editor_journey import (
    CaseStudyPlan,
    Interactions,
    RatingPlan,
    contributor_writes_and_submits,
    reviewer_rates_and_approves,
    sign_in,
)

pytestmark = pytest.mark.browser

TITLE = "Riverside early help pathway (browser journey)"
NEW_REFERENCE = "An evaluation of the Riverside early help pathway"
RIS = "\n".join(["TY  - RPRT", "AU  - Example, Ann", f"TI  - {NEW_REFERENCE}", "PY  - 2023", "ER  - ", ""])
PASSWORD = "journey-pass-2026"

# The most interactions each role may take (sign-in included); the journey took about 17 for the two roles
# together before choosers, with one local authority and no reference to add or rating basis to give.
# The reviewer's study is one choice from the entry's own references since this session (it was a search: 15).
# Then (26 and 13 before): the contributor pastes the new reference's RIS into the box beside the chooser (one
# fill, was button + tab + fill + button); the reviewer leaves "Rated on" blank for today and fills the study
# row that is ready (no date typed, no "Add study" click).
# Then (11 before): the reviewer's link from the dashboard opens the form on "Evidence and review" (no tab click).
# Then (23 before): the contributor types in "Find a reference in the library" and picks the reference from its
# list (2), instead of "Add reference", a search in the modal, a tick and "Confirm selection" (4).
# Then (21 before): both local authorities are typed at once ("Manchester, Leeds") and ticked with Enter (2),
# instead of a filter and a tick for each (4).
MOST = {"contributor": 19, "reviewer": 10}


@pytest.fixture
def editors(site):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from editorial import roles

    users = {}
    for role, group in (("contributor", roles.CONTRIBUTORS), ("reviewer", roles.REVIEWERS)):
        user = get_user_model().objects.create_user(f"journey-{role}", f"journey-{role}@example.org", PASSWORD)
        user.groups.add(Group.objects.get(name=group))
        users[role] = user
    yield users
    beside_the_live_server(lambda: _remove_what_the_journey_made(users))


def _remove_what_the_journey_made(users):
    """The other browser tests read the shared catalogue: leave it as it was."""
    from wagtail.models import Page

    from catalogue.models import Reference

    for page in Page.objects.filter(title=TITLE):
        page.delete()
    Reference.objects.filter(title=NEW_REFERENCE).delete()
    for user in users.values():
        user.delete()


def _plan(vocabulary) -> CaseStudyPlan:
    return CaseStudyPlan(
        title=TITLE,
        summary="How one area joined up early help for parents after a baby's removal (browser test content).",
        area_name="Riverside (test area)",
        area=vocabulary["area"].name,
        stage=vocabulary["stage"].name,
        topic=vocabulary["topic"].name,
        region=vocabulary["region"].name,
        local_authorities=("Manchester", "Leeds"),
        existing_reference_search="After FDAC",
        existing_reference_title="After FDAC: outcomes five years later",
        ris=RIS,
    )


def _watch(context, site_url: str, outside: list, csp: list):
    """Record every request to another host and every Content-Security-Policy error in this browser context."""
    context.on(
        "request",
        lambda request: (
            outside.append(request.url) if not request.url.startswith((site_url, "data:", "blob:", "about:")) else None
        ),
    )
    context.on(
        "console",
        lambda message: (
            csp.append(message.text) if message.type == "error" and "Content Security Policy" in message.text else None
        ),
    )


def _vocabulary():
    from catalogue.models import AreaOfPractice, Region, Stage, Topic

    return {
        "area": AreaOfPractice.objects.get(slug="post-removal-support"),
        "stage": Stage.objects.get(slug="after-removal"),
        "topic": Topic.objects.get(slug="substance-use"),
        "region": Region.objects.get(slug="north-west"),
    }


def test_contributor_to_reviewer_to_catalogue(site, editors, browser):
    from catalogue.models import CaseStudyPage, LocalAuthority

    vocabulary = _vocabulary()
    assert LocalAuthority.objects.filter(name__in=["Manchester", "Leeds"]).count() == 2
    steps = Interactions()
    catalogue_id = site.case_study.get_parent().pk

    outside, csp = [], []
    contributor = browser.new_context(viewport={"width": 1280, "height": 1000})
    contributor.on("page", lambda opened: _watch(opened, site.url, outside, csp))
    page = contributor.new_page()
    steps.role = "contributor"
    sign_in(page, site.url, editors["contributor"].username, PASSWORD, steps)
    contributor_writes_and_submits(page, site.url, catalogue_id, _plan(vocabulary), steps)
    page.screenshot(path="/tmp/editor-journey-submitted.png")
    contributor.close()

    rated_between = timezone.localdate()
    reviewer = browser.new_context(viewport={"width": 1280, "height": 1000})
    reviewer.on("page", lambda opened: _watch(opened, site.url, outside, csp))
    page = reviewer.new_page()
    steps.role = "reviewer"
    sign_in(page, site.url, editors["reviewer"].username, PASSWORD, steps)
    rating = RatingPlan(
        level="Practice-informed",
        rationale="Rests on the local evaluation of the pathway (browser test content).",
        basis_reference_title=NEW_REFERENCE,
        outcomes="Repeat care proceedings",
        finding="Fewer repeat proceedings (browser test content).",
    )
    reviewer_rates_and_approves(page, site.url, TITLE, rating, steps)
    expect(page.locator(".messages")).to_contain_text(TITLE)
    page.screenshot(path="/tmp/editor-journey-approved.png")
    reviewer.close()

    entry = CaseStudyPage.objects.get(title=TITLE)
    assert entry.live and not entry.has_unpublished_changes
    assert entry.evidence_level.slug == "practice-informed"
    assert entry.evidence_rated_on in {rated_between, timezone.localdate()}  # left blank: the day it was rated
    assert sorted(la.name for la in entry.local_authorities.all()) == ["Leeds", "Manchester"]
    cited = sorted(entry.cited_references.all(), key=lambda row: row.sort_order)
    assert [row.reference.title for row in cited] == ["After FDAC: outcomes five years later", NEW_REFERENCE]
    assert {ref.title for ref in entry.references.all()} == {row.reference.title for row in cited}

    public = browser.new_page()
    facets = {
        "area": vocabulary["area"].slug,
        "stage": vocabulary["stage"].slug,
        "topic": vocabulary["topic"].slug,
        "region": vocabulary["region"].slug,
        "evidence": "practice-informed",
        "type": "case-study",
    }
    for param, value in facets.items():
        public.goto(site.at(f"/catalogue/?{param}={value}"))
        expect(public.get_by_role("link", name=TITLE), f"{param}={value}").to_be_visible()
    public.goto(site.at("/catalogue/bibliography/"))
    expect(public.get_by_text(NEW_REFERENCE).first).to_be_visible()
    public.close()

    # No admin page the editors used asked another host for anything, and the admin kept to the site's CSP.
    assert outside == [] and csp == []
    print(f"\nInteractions: {dict(steps.counts)}")
    for role, most in MOST.items():
        assert 0 < steps.counts[role] <= most, (role, steps.counts[role])
