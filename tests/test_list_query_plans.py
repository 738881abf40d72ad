"""
The small lists every page shows (menu, footer, data page, evidence-scale link, recent case studies, the law
by stage) are worked out again after every publish (`catalogue.caches.per_content_version`). Their queries
must start from the few rows they want and never walk Wagtail's page table: SQLite plans without table
statistics, so a plan that reads every page of this small test site reads every page of a site with 100,000
entries too, 16 to 29 ms a list (issue 25). SQLite only: `EXPLAIN QUERY PLAN` is its own.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail import hooks

from catalogue.caches import VersionedCache
from catalogue.extensions import EVIDENCE_SCALE_URL_HOOK

pytestmark = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's query plans")

# The lists whose queries read pages; each must be built by the visits below, or the test checks nothing.
PAGE_LISTS = {
    "footer",
    "evidence-scale-url",
    "explorer:data-page",
    "recent-case-studies",
    "law-by-stage",
    "site-navigation",
}
VISITS = ("/", "/catalogue/?stage=pre-birth", "/data/")


def walks_the_page_table(step: str) -> bool:
    """A plan step that reads pages one after another: a scan, or a range of the path index of every page."""
    reads_pages = " wagtailcore_page " in f" {step} "
    every_path = "sqlite_autoindex_wagtailcore_page" in step and "(path>? AND path<?)" in step
    return reads_pages and (step.startswith("SCAN") or every_path)


@pytest.fixture
def queries_by_list(monkeypatch, client, site_tree):
    found: dict[str, list[tuple[str, tuple]]] = {}
    unwrapped = VersionedCache.get

    def recording(self, key, compute, previous_while_rebuilding=False):
        def computed():
            with CaptureQueriesContext(connection) as captured:
                value = compute()
            name = key[0] if isinstance(key, tuple) else key
            found.setdefault(name, []).extend((query["sql"], ()) for query in captured.captured_queries)
            return value

        return unwrapped(self, key, computed, previous_while_rebuilding)

    monkeypatch.setattr(VersionedCache, "get", recording)
    for url in VISITS:
        assert client.get(url).status_code == 200, url
    for evidence_scale_url in hooks.get_hooks(EVIDENCE_SCALE_URL_HOOK):  # asked for by evidence badges
        evidence_scale_url()
    return found


def test_the_lists_every_page_shows_never_walk_the_page_table(queries_by_list):
    assert PAGE_LISTS <= set(queries_by_list), "a list was not built: the test would check nothing for it"
    walks = []
    with connection.cursor() as cursor:
        for name in PAGE_LISTS:
            for sql, params in queries_by_list[name]:
                cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
                walks += [(name, row[3], sql) for row in cursor.fetchall() if walks_the_page_table(row[3])]
    assert walks == []
