"""
The evidence map and its data table on a phone (390px) and a desktop: no WCAG A or AA violation, and the tables
scroll sideways in their own focusable frame, never the whole page. The map's cells hold visually hidden text,
placed absolutely: in a frame that was not positioned it widened the page to about 1,300px.
"""

import pytest

from .test_accessibility import violations_on

pytestmark = pytest.mark.browser
PAGES = {"map": "/evidence-map/", "data table": "/evidence-map/table/"}


def test_the_map_and_its_table_have_no_violations_and_never_scroll_the_page_sideways(site, page, csp_errors):
    assert violations_on(site, page, PAGES, widths=(1280, 390)) == {}
    page.set_viewport_size({"width": 390, "height": 900})
    for name, path in PAGES.items():
        page.goto(site.at(path))
        assert page.locator(".evidence-map__scroll table").count() >= 1, name  # the tables are in their frames
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, name
    assert csp_errors == []
