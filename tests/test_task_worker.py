"""
The real task worker (`manage.py db_worker --backend background`, as production and `make run` start it)
against PostgreSQL: "Check again now" and a visitor's request only queue work, the worker process does
it, and the admin report and the download then show the result (issue 25).

Runs in bin/run-tests' second pass (bin/with-postgres); skipped on SQLite, whose test database another
process cannot share.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.db import connection
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from catalogue.caches import visitor_lists
from catalogue.models import ContentVersion, InterventionPage
from catalogue.search.snapshot_files import read_snapshot_file
from catalogue.visitor_lists import read_lists_file
from linkcheck.models import LinkCheckRun, LinkStatus
from tests.factories import InterventionPageFactory
from tests.linkcheck.conftest import LocalSite

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="needs a PostgreSQL server the worker process can share (run under bin/with-postgres)",
)


@pytest.fixture
def restored_database():
    """Forget what this process cached about rows an earlier transactional test may have reloaded."""
    from django.contrib.contenttypes.models import ContentType
    from django.core.cache import cache

    ContentType.objects.clear_cache()
    cache.clear()
    yield
    # Leave the content-type cache warm with the rows as they are: the next serialized-rollback test reloads the
    # database after the flush, and a cold cache would create content types before their rows arrive.
    ContentType.objects.get_for_models(*apps.get_models())


def run_worker() -> subprocess.CompletedProcess:
    """The worker, until the queue is empty (--batch), on the test database."""
    db = connection.settings_dict
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.worker_settings",
        "DATABASE_URL": f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "GENERATED_FILES_ROOT": str(settings.GENERATED_FILES_ROOT),
    }
    command = [sys.executable, "manage.py", "db_worker", "--backend", "background", "--batch", "--no-startup-delay"]
    return subprocess.run(  # noqa: S603 (our own interpreter and manage.py)
        [*command, "--no-reload"], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=300, check=True
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_worker_process_runs_link_checks_and_builds_the_csv_and_export_files(
    restored_database, catalogue, admin_user, client, settings
):
    settings.GENERATED_FILES_ROOT.mkdir(parents=True, exist_ok=True)
    with LocalSite() as site:
        InterventionPageFactory(parent=catalogue, title="Checked by the worker", website=site.url("/missing"))
        LinkStatus.objects.create(url=site.url("/missing"), status_code=404, checked_at="2026-01-01T00:00:00Z")
        client.force_login(admin_user)
        client.post(reverse("linkcheck:recheck"))
        assert site.requests == []  # the request only queued the check
        assert client.get("/evidence-map/evidence-map.csv").status_code == 503
        assert client.get("/catalogue/export.csv").status_code == 503
        # (The database set up for this test may hold builds queued while it was migrated: a set, not a count.)
        queued = set(DBTaskResult.objects.filter(status="READY").values_list("task_path", flat=True))
        assert queued == {
            "evidencemap.tasks.build_matrix_csv_task",
            "linkcheck.tasks.check_links_task",
            "opendata.tasks.build_export_records_task",
            "opendata.tasks.build_sitemap_task",  # queued by the entry's publish
            "catalogue.search.snapshot_files.build_search_snapshot_task",  # so is the search snapshot
        }

        finished = run_worker()

        assert site.requests == ["/missing"], finished.stderr
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}, finished.stderr
    run = LinkCheckRun.objects.get()
    assert (run.checked, run.total) == (1, 1) and run.finished_at is not None
    assert "Links last checked:" in client.get(reverse("linkcheck:report")).content.decode()
    download = client.get("/evidence-map/evidence-map.csv")
    assert download.status_code == 200
    assert b"Checked by the worker" in b"".join(download.streaming_content)
    export = client.get("/catalogue/export.csv")
    assert export.status_code == 200 and b"Checked by the worker" in b"".join(export.streaming_content)
    assert client.get("/sitemap.xml").status_code == 200  # built by the worker, not by this request
    snapshot = read_snapshot_file(ContentVersion.current())[0]  # the worker's, as a web process loads it
    entry = InterventionPage.objects.get(title="Checked by the worker")
    assert entry.pk in snapshot.ids
    # Every list visitors' pages show: registered in the worker's own process too (its apps' ready()).
    assert set(read_lists_file(ContentVersion.current())) == set(visitor_lists())
