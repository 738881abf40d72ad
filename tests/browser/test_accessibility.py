"""axe-core finds no WCAG 2.x A or AA violations on any kind of public page."""

import pytest

from .conftest import AXE

pytestmark = pytest.mark.browser

WCAG_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def axe_violations(page) -> list[str]:
    # Evaluated rather than added as a <script> tag: the site's Content-Security-Policy (rightly) refuses
    # inline scripts, and this keeps the policy in force while axe runs.
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_A_AA,
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[node['target'] for node in v['nodes']][:5]}"
        for v in result["violations"]
    ]


def violations_on(site, page, pages: dict[str, str], widths=(1280, 375)) -> dict[str, list[str]]:
    """axe's violations on each page (name -> path, each answering 200) at each width, keyed "name at Wpx"."""
    found = {}
    for width in widths:
        page.set_viewport_size({"width": width, "height": 900})
        for name, path in pages.items():
            assert page.goto(site.at(path)).status == 200, name
            violations = axe_violations(page)
            if violations:
                found[f"{name} at {width}px"] = violations
    return found


def test_every_kind_of_page_has_no_wcag_a_or_aa_violations(site, page, csp_errors):
    pages = {
        "home": "/",
        "catalogue": "/catalogue/",
        "catalogue with filters": "/catalogue/?q=court&area=peri-natal-intervention&region=london&sort=title",
        "catalogue with no results": "/catalogue/?q=nothing+matches+this+at+all",
        "catalogue with a spelling suggestion and synonyms": "/catalogue/?q=perinatel+dads&region=london",
        "catalogue with ignored input": "/catalogue/?region=atlantis&colour=blue",
        "catalogue, a place": "/catalogue/?q=Caerdydd",
        "intervention": site.intervention.url,
        "guidance": site.guidance.url,
        "case study": site.case_study.url,
        "standard page": "/how-we-rate-evidence/",
        "page not found": "/no-such-page/",
    }
    found = {}
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        for name, path in pages.items():
            response = page.goto(site.at(path))
            assert response.status == (404 if name == "page not found" else 200), name
            violations = axe_violations(page)
            if violations:
                found[f"{name} at {width}px"] = violations
    assert found == {}
    assert csp_errors == []

    # The check can fail: an image without a text alternative is reported.
    page.evaluate("() => document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"/x.png\">')")
    assert any(violation.startswith("image-alt") for violation in axe_violations(page))
