"""axe-core finds no WCAG 2.x A or AA violations on the data explorer's pages, on the real figures (owner: explorer)."""

import pytest

from explorer.models import (
    CafcassRate,
    ChildrenLookedAfter,
    ChildrensServicesSpend,
    Deprivation,
    HeadlineFigure,
    InfantCareFigure,
    LiveBirths,
    OfstedJudgement,
    PublishedQuote,
    StatisticalNeighbour,
)
from explorer.open_data import load_all

from .test_accessibility import axe_violations

pytestmark = pytest.mark.browser
PAGES = {
    "overview": "/data/",
    "regions": "/data/regions/",
    "funnel": "/data/outliers/?year=2020",
    "relationships": "/data/relationships/",
    "Blackpool": "/data/local-authorities/E06000009/",
    "Cardiff": "/data/local-authorities/W06000015/",
    "sources": "/data/sources/",
    "your data": "/data/your-data/",
}


@pytest.fixture
def real_data(site):
    load_all()
    yield
    for model in (
        InfantCareFigure,
        CafcassRate,
        PublishedQuote,
        LiveBirths,
        ChildrenLookedAfter,
        OfstedJudgement,
        Deprivation,
        ChildrensServicesSpend,
        StatisticalNeighbour,
        HeadlineFigure,
    ):
        model.objects.all().delete()


def test_explorer_pages_have_no_wcag_a_or_aa_violations(site, real_data, page, csp_errors):
    found = {}
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        for name, path in PAGES.items():
            assert page.goto(site.at(path)).status == 200, name
            violations = axe_violations(page)
            if violations:
                found[f"{name} at {width}px"] = violations
    assert found == {}
    assert csp_errors == []
