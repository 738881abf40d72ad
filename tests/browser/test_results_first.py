"""
Results first on a phone (issue 20, item 6): at 390 x 844, after a search, the first result is on the first
screen, with and without JavaScript; one search box; the menu behind "Menu"; the notice on one line; the
filters behind "Show filters", whose "Apply filters" returns to the results. Desktop keeps everything open.
"""

import re

import pytest
from playwright.sync_api import expect

from .test_accessibility import axe_violations

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
SEARCH = "/catalogue/?q=pre-birth+assessment"


def phone_page(browser, javascript: bool):
    return browser.new_context(viewport=PHONE, java_script_enabled=javascript).new_page()


@pytest.mark.parametrize("javascript", [True, False], ids=["with JavaScript", "without JavaScript"])
def test_the_first_result_is_on_the_first_screen_of_a_phone(site, browser, javascript):
    page = phone_page(browser, javascript)
    page.goto(site.at(SEARCH))
    expect(page.locator("#result-count")).to_contain_text("for ‘pre-birth assessment’")
    first = page.locator(".result-card").first
    expect(first).to_contain_text("Pre-birth assessment procedure")
    box = first.bounding_box()
    assert box["x"] >= 0 and box["y"] >= 0, box
    assert box["x"] + box["width"] <= PHONE["width"] and box["y"] + box["height"] <= PHONE["height"], box
    page.context.close()


def test_the_catalogue_page_has_one_search_box_and_it_is_the_headers(site, page):
    for viewport in (PHONE, DESKTOP):
        page.set_viewport_size(viewport)
        page.goto(site.at(SEARCH))
        boxes = page.locator("input[type=search]")
        expect(boxes).to_have_count(1)
        expect(page.locator("header #catalogue-q")).to_have_value("pre-birth assessment")

    # Searching from it searches the catalogue, and keeps the filters the page had.
    page.goto(site.at("/catalogue/?region=london"))
    page.get_by_label("Search the catalogue").fill("court")
    page.get_by_label("Search the catalogue").press("Enter")
    expect(page).to_have_url(re.compile(r"\?q=court&region=london$"))
    expect(page.locator("#result-count")).to_contain_text("for ‘court’")


@pytest.mark.parametrize("javascript", [True, False], ids=["with JavaScript", "without JavaScript"])
def test_the_menu_folds_behind_a_menu_button_on_a_phone(site, browser, javascript):
    page = phone_page(browser, javascript)
    page.goto(site.at(SEARCH))
    menu = page.get_by_role("navigation", name="Main")
    expect(menu).to_be_hidden()
    page.locator("summary", has_text="Menu").click()
    expect(menu.get_by_role("link", name="Evidence map")).to_be_visible()
    page.locator("summary", has_text="Menu").click()
    expect(menu).to_be_hidden()

    page.set_viewport_size(DESKTOP)  # from tablet up the menu is always open and "Menu" is gone
    expect(menu.get_by_role("link", name="Evidence map")).to_be_visible()
    expect(page.locator("summary", has_text="Menu")).to_be_hidden()
    page.context.close()


def test_the_site_notice_is_one_line_on_a_phone_with_its_details_behind_a_link(site, page):
    page.set_viewport_size(PHONE)
    page.goto(site.at("/"))
    notice = page.locator(".site-notice__short")
    expect(notice).to_be_visible()
    expect(page.locator(".site-notice__long")).to_be_hidden()
    line_height = float(notice.evaluate("(el) => parseFloat(getComputedStyle(el).lineHeight)"))
    assert notice.bounding_box()["height"] <= line_height * 1.5
    notice.get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("About this site")


def test_without_javascript_show_filters_opens_the_panel_and_apply_returns_to_the_results(site, browser):
    page = phone_page(browser, javascript=False)
    page.goto(site.at("/catalogue/?q=parent"))
    expect(page.locator("#filters")).to_be_hidden()
    page.get_by_role("link", name="Show filters").click()
    expect(page.locator("#filters")).to_be_visible()
    page.get_by_label(site.label("North West", "parent", regions="north-west")).check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"\?q=parent&region=north-west(&sort=relevance)?#results-heading$"))
    expect(page.locator("#result-count")).to_have_text(
        f"{site.count('parent', regions='north-west')} entries for ‘parent’"
    )
    expect(page.locator("#filters")).to_be_hidden()
    assert page.locator("#result-count").bounding_box()["y"] < PHONE["height"]
    page.context.close()


def test_with_javascript_apply_folds_the_panel_and_takes_focus_to_the_results(site, page):
    page.set_viewport_size(PHONE)
    page.goto(site.at("/catalogue/?q=parent"))
    page.get_by_role("button", name="Show filters").click()
    page.get_by_label(site.label("North West", "parent", regions="north-west")).check()
    expect(page.get_by_role("button", name="Hide filters (1 selected)")).to_have_attribute("aria-expanded", "true")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_role("button", name="Show filters (1 selected)")).to_have_attribute("aria-expanded", "false")
    expect(page.locator("#filters")).to_be_hidden()
    expect(page.locator("#results-heading")).to_be_focused()
    expect(page).to_have_url(re.compile(r"\?q=parent&region=north-west$"))


def test_a_phone_with_the_menu_and_the_filters_open_has_no_wcag_violations(site, page):
    page.set_viewport_size(PHONE)
    page.goto(site.at(SEARCH))
    page.locator("summary", has_text="Menu").click()
    page.get_by_role("button", name="Show filters").click()
    assert axe_violations(page) == []
