"""axe-core finds no WCAG 2.x A or AA violations on the family-justice pages, on the real data."""

import pytest

from .test_accessibility import violations_on

pytestmark = pytest.mark.browser
PAGES = {
    "areas": "/data/family-justice-areas/",
    "area": "/data/family-justice-areas/cleveland-and-south-durham/",
    "area without a pool": "/data/family-justice-areas/milton-keynes/",
    "board report": "/data/family-justice-areas/blackburn-lancaster/board-report/",
    "board report, Welsh area": "/data/family-justice-areas/south-east-wales/board-report/",
    "legal status": "/data/legal-status/",
    "units": "/data/parent-and-child-units/",
    "questions": "/data/questions/",
    "profile with candidates": "/data/local-authorities/E06000047/",
}


def test_family_justice_pages_have_no_wcag_a_or_aa_violations(site, real_data, page, csp_errors):
    assert violations_on(site, page, PAGES) == {}
    assert csp_errors == []
