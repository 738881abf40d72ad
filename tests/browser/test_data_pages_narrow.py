"""axe-core at 390px (a phone) on the data pages the tidy-downloads work changed: the one sub-menu (closed
behind its summary on a phone), breadcrumbs, charts that scroll sideways in a focusable frame, closed data
tables, the downloads page and the Wales notice. Also: no page scrolls sideways as a whole at 390px."""

import pytest

from .test_accessibility import violations_on

pytestmark = pytest.mark.browser
PAGES = {
    "overview": "/data/",
    "relationships": "/data/relationships/",
    "a relationship": "/data/relationships/under1-vs-section-20/",
    "Blackpool": "/data/local-authorities/E06000009/",
    "Cardiff": "/data/local-authorities/W06000015/",
    "Blackburn/Lancaster": "/data/family-justice-areas/blackburn-lancaster/",
    "North Wales": "/data/family-justice-areas/north-wales/",
    "downloads": "/data/downloads/",
    "family justice areas": "/data/family-justice-areas/",
    "datasets": "/data/datasets/",
    "sources": "/data/sources/",
}


def test_data_pages_at_390px_have_no_wcag_a_or_aa_violations_and_no_sideways_page(site, real_data, page, csp_errors):
    assert violations_on(site, page, PAGES, widths=(390,)) == {}
    for name, path in PAGES.items():
        page.goto(site.at(path))
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, name
        assert page.evaluate("document.querySelector('.explorer-nav__details').open") is False, name
    assert csp_errors == []


def test_the_menu_names_only_routes_of_the_data_page_each_once(db):
    """(Also makes pytest-django create the test database when this file runs on its own.)"""
    from explorer.navigation import DATA_MENU
    from explorer.routes import ROUTES

    names = [name for name, _ in DATA_MENU]
    assert len(names) == len(set(names)) and set(names) <= {name for _, _, name in ROUTES}
