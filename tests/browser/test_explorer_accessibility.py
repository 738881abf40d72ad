"""axe-core finds no WCAG 2.x A or AA violations on the data explorer's pages, on the real figures (owner: explorer)."""

import pytest

from .test_accessibility import violations_on

pytestmark = pytest.mark.browser
PAGES = {
    "overview": "/data/",
    "regions": "/data/regions/",
    "funnel": "/data/outliers/?year=2020",
    "relationships": "/data/relationships/",
    "a relationship": "/data/relationships/under1-vs-imd/",
    "Blackpool": "/data/local-authorities/E06000009/",
    "Cardiff": "/data/local-authorities/W06000015/",
    "sources": "/data/sources/",
    "your data": "/data/your-data/",
}


def test_explorer_pages_have_no_wcag_a_or_aa_violations(site, real_data, page, csp_errors):
    assert violations_on(site, page, PAGES) == {}
    assert csp_errors == []
