"""The documented backup and restore commands lose nothing."""

import hashlib
import json

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection

from catalogue.models import ContentVersion, EntryPage
from website.management.commands.backup_site import EXCLUDED


def content_fingerprint():
    """Row counts of every backed-up model and a checksum of every entry's published content."""
    skipped = set(EXCLUDED)
    counts = {}
    for model in apps.get_models():
        label = model._meta.label_lower
        if model._meta.app_label in skipped or label in skipped or model._meta.proxy or not model._meta.managed:
            continue
        counts[label] = model._default_manager.count()
    digest = hashlib.sha256()
    for entry in EntryPage.objects.order_by("pk"):
        entry = entry.specific
        parts = [
            entry.title,
            entry.slug,
            entry.url_path,
            entry.summary,
            json.dumps(entry.body.get_prep_value()),
            entry.evidence_level.slug,
            entry.evidence_rationale,
            str(entry.live),
            ",".join(sorted(t.slug for t in entry.topics.all())),
            ",".join(sorted(r.slug for r in entry.regions.all())),
            ",".join(sorted(str(r.pk) for r in entry.references.all())),
        ]
        digest.update("\x1f".join(parts).encode())
    return counts, digest.hexdigest()


def run_deferred_checks():
    """
    Run the foreign-key checks deferred to the end of the open transaction, as a commit would: PostgreSQL
    refuses to empty (TRUNCATE) a table while any are pending, and here the shared build's rows and each
    flush's re-created ones are not committed.
    """
    connection.check_constraints()


@pytest.fixture
def content_type_cache_emptied_after():
    """
    The flushes create the content types again under new ids, and the process's ContentType cache learns them;
    the rollback puts the old ids back, which later tests would otherwise read through the cache.
    """
    yield
    ContentType.objects.clear_cache()


# The shared install of the demo catalogue (tests/shared_builds.py), not one of its own: the flush and the
# restore run inside this test's savepoint within the build's transaction, and are rolled back with it.
@pytest.mark.django_db
@pytest.mark.usefixtures("content_type_cache_emptied_after")
def test_backup_and_restore_round_trip(tmp_path, client, demo_catalogue, django_capture_on_commit_callbacks):
    # The shared install queued nothing (tests/conftest.py: queueing_nothing); a real one queued its builds
    # on commit, and the queue is backed up with the rest.
    with django_capture_on_commit_callbacks(execute=True):
        ContentVersion.bump()
    before = content_fingerprint()
    assert before[0]["catalogue.entrypage"] >= 40
    assert before[0]["django_tasks_database.dbtaskresult"] > 0

    backup = tmp_path / "backup.json"
    call_command("backup_site", str(backup), stdout=open("/dev/null", "w"))
    run_deferred_checks()
    call_command("flush", interactive=False, verbosity=0)
    assert EntryPage.objects.count() == 0
    run_deferred_checks()
    call_command("restore_site", str(backup), no_input=True, stdout=open("/dev/null", "w"))

    assert content_fingerprint() == before
    html = client.get("/catalogue/?q=pause").content.decode()  # the search index was rebuilt
    assert "Pause" in html and "<strong>0</strong>" not in html
