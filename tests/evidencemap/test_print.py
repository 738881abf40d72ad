"""A modest evidence map prints on one landscape page (Chromium's print engine, no server needed)."""

import re
from pathlib import Path

import pytest

from catalogue.models import Outcome
from tests.factories import InterventionPageFactory

from .helpers import cite, make_reference

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
STYLESHEETS = [
    ROOT / "static" / "build" / "main.css",
    ROOT / "evidencemap" / "static" / "evidencemap" / "evidence-map.css",
]
AREAS = ["pre-birth-assessment", "peri-natal-intervention", "post-removal-support"]


def test_a_modest_map_prints_on_one_landscape_page(client, catalogue):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run bin/install-system-deps (Debian's chromium package).")
    outcomes = list(Outcome.objects.values_list("slug", flat=True))
    for n in range(25):  # about the demo catalogue's size; a few in two areas
        page = InterventionPageFactory(
            parent=catalogue,
            title=f"A service with a longer name, number {n}",
            areas=[AREAS[n % 3]] + ([AREAS[(n + 1) % 3]] if n % 4 == 0 else []),
        )
        cite(
            page,
            make_reference(
                f"Study {n}",
                design="rct" if n % 2 else "qualitative",
                findings={outcomes[n % len(outcomes)]: "benefit"},
            ),
        )
    html = client.get("/evidence-map/").content.decode()

    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
        try:
            tab = browser.new_page()
            tab.set_content(html, wait_until="domcontentloaded")
            for stylesheet in STYLESHEETS:
                if stylesheet.exists():
                    tab.add_style_tag(content=stylesheet.read_text(encoding="utf-8"))
            pdf = tab.pdf(prefer_css_page_size=True)
        finally:
            browser.close()
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages == 1, f"the map printed on {pages} pages"
    box = re.search(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)", pdf)
    assert box and float(box.group(1)) > float(box.group(2)), "the page should be landscape"
