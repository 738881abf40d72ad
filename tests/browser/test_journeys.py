"""What practitioners do: search, filter, read an entry, come back; by mouse, keyboard and phone."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_search_filter_open_an_entry_and_back_keeps_the_filters(site, page, csp_errors):
    page.goto(site.at("/"))
    page.get_by_label("Search the evidence and practice catalogue").fill("court")
    page.get_by_label("Search the evidence and practice catalogue").press("Enter")
    expect(page).to_have_url(re.compile(r"/catalogue/\?q=court$"))

    # With JavaScript a facet applies at once, and the address changes with it.
    page.get_by_label(site.label("London", "court", regions="london")).check()
    expect(page).to_have_url(re.compile(r"/catalogue/\?q=court&region=london$"))
    expect(page.locator("#result-count")).to_contain_text("for ‘court’")
    expect(page.get_by_role("link", name=re.compile(r"^Remove filter: Region (Applies in )?London"))).to_be_visible()

    page.get_by_role("link", name="Family Drug and Alcohol Court").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Family Drug and Alcohol Court")

    page.go_back()
    expect(page).to_have_url(re.compile(r"/catalogue/\?q=court&region=london$"))
    expect(page.get_by_label(site.label("London", "court", regions="london"))).to_be_checked()
    expect(page.locator("#catalogue-q")).to_have_value("court")
    expect(page.get_by_role("link", name="Family Drug and Alcohol Court")).to_be_visible()

    # The browser's back button also steps back through filter changes made in place.
    page.go_back()
    expect(page).to_have_url(re.compile(r"/catalogue/\?q=court$"))
    expect(page.get_by_label(site.label("London", "court", regions="london"))).not_to_be_checked()
    assert csp_errors == []


def test_everything_works_without_javascript(site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site.at("/catalogue/"))
    expect(page.get_by_role("button", name="Show filters")).to_have_count(0)
    page.get_by_label(site.label("Post-removal support", areas="post-removal-support")).check()
    page.get_by_label(site.label("Promising", evidence="promising")).check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"area=post-removal-support&evidence=promising"))
    expect(page.locator("#result-count")).to_have_text(
        f"{site.count(areas='post-removal-support', evidence='promising')} entries"
    )

    page.get_by_label("Sort by").select_option("title")
    page.get_by_role("button", name="Sort").click()
    expect(page).to_have_url(re.compile(r"sort=title"))
    expect(page.locator(".result-card__title").first).to_have_text("Parent advocacy service 0")

    page.get_by_role("link", name="Remove filter: Strength of evidence Promising").click()
    expect(page.locator("#result-count")).to_have_text(f"{site.count(areas='post-removal-support')} entries")
    context.close()


def tab_to(page, selector: str, limit: int = 60):
    """Press Tab until the element matching selector has focus, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(selector) => document.activeElement.matches(selector)", selector):
            return
    raise AssertionError(f"{selector} never received focus by tabbing")


def focused_id(page) -> str:
    return page.evaluate("() => document.activeElement.id")


def test_keyboard_only_search_and_filters(site, page, csp_errors):
    page.goto(site.at("/catalogue/"))
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to main content")).to_be_focused()

    tab_to(page, "#catalogue-q")
    page.keyboard.type("parent")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"\?q=parent$"))
    expect(page.locator("#result-count")).to_contain_text("for ‘parent’")

    # Space ticks a facet; the results update and focus stays on the box just ticked.
    tab_to(page, "#f-region-north-west")
    page.keyboard.press("Space")
    expect(page).to_have_url(re.compile(r"\?q=parent&region=north-west$"))
    expect(page.locator("#f-region-north-west")).to_be_checked()
    assert focused_id(page) == "f-region-north-west"
    page.keyboard.press("Space")
    expect(page).to_have_url(re.compile(r"\?q=parent$"))
    assert focused_id(page) == "f-region-north-west"

    # The skip link takes keyboard users past the options to the results.
    page.goto(site.at("/catalogue/?area=post-removal-support"))
    page.evaluate("() => { document.querySelector('[data-catalogue-results]').dataset.loadedWithPage = 'yes'; }")
    tab_to(page, ".filter-panel__skip")
    page.keyboard.press("Enter")
    page.wait_for_load_state("networkidle")
    # The link moves within the page: the results shown are kept, not fetched again (which took the focus away).
    expect(page.locator("[data-catalogue-results][data-loaded-with-page=yes]")).to_have_count(1)
    tab_to(page, ".result-card__title a")
    title = page.evaluate("() => document.activeElement.textContent.trim()")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    assert csp_errors == []


def test_filter_panel_folds_away_on_a_phone_and_opens_by_keyboard(site, page):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(site.at("/catalogue/?region=london"))
    toggle = page.get_by_role("button", name="Show filters (1 selected)")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(page.locator("#f-area-pre-birth-assessment")).to_be_hidden()

    tab_to(page, ".filter-toggle")
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Hide filters (1 selected)")).to_have_attribute("aria-expanded", "true")
    expect(page.locator("#f-area-pre-birth-assessment")).to_be_visible()
    first_option = focused_id(page)
    assert first_option.startswith("f-")

    page.keyboard.press("Space")
    expect(page).to_have_url(re.compile(r"region=london"))
    expect(page.get_by_role("button", name="Hide filters (2 selected)")).to_be_visible()
    assert focused_id(page) == first_option


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/catalogue/",
        "/catalogue/?q=court&region=london&area=peri-natal-intervention",
        "intervention",
        "guidance",
        "case study",
        "/how-we-rate-evidence/",
        "/missing/",
    ],
)
def test_no_horizontal_scrolling_at_375px(site, page, path):
    entries = {"intervention": site.intervention, "guidance": site.guidance, "case study": site.case_study}
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(site.at(entries[path].url if path in entries else path))
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 375
