"""axe-core at 390 px on a profile with chosen comparators, its form open, and on a Welsh profile (owner: compare)."""

import pytest

from .test_accessibility import axe_violations, violations_on

pytestmark = pytest.mark.browser
PAGES = {
    "Blackpool with chosen comparators": "/data/local-authorities/E06000009/?compare=E06000008&compare=E08000012",
    "Blackpool with a bad comparator": "/data/local-authorities/E06000009/?compare=W06000015&compare=E0%D9%A6000008",
    "Cardiff": "/data/local-authorities/W06000015/",
}


def test_profiles_with_comparators_have_no_wcag_a_or_aa_violations_at_390px(site, real_data, page, csp_errors):
    assert violations_on(site, page, PAGES, widths=(390,)) == {}
    page.goto(site.at("/data/local-authorities/E06000009/"))
    page.locator("#comparators summary").click()  # the form, open, and used without JavaScript
    assert axe_violations(page) == []
    page.locator("#compare-E06000001").uncheck()
    page.locator("#compare-E06000008").check()
    page.get_by_role("button", name="Compare").click()
    assert "compare=E06000008" in page.url and "Blackburn with Darwen" in page.locator("#comparators").inner_text()
    assert csp_errors == []
