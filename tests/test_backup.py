"""The documented backup and restore commands lose nothing."""

import hashlib
import json

import pytest
from django.apps import apps
from django.core.management import call_command

from catalogue.models import EntryPage
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


# serialized_rollback: start from the migrated data (vocabularies, roles) even if an earlier
# transactional test flushed it.
# Its own install of the demo catalogue, not the shared one (tests/shared_builds.py): it flushes and restores the
# database, which a transaction shared with other tests cannot survive.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_backup_and_restore_round_trip(tmp_path, client):
    call_command("load_demo", stdout=open("/dev/null", "w"))
    before = content_fingerprint()
    assert before[0]["catalogue.entrypage"] >= 40

    backup = tmp_path / "backup.json"
    call_command("backup_site", str(backup), stdout=open("/dev/null", "w"))
    call_command("flush", interactive=False, verbosity=0)
    assert EntryPage.objects.count() == 0
    call_command("restore_site", str(backup), no_input=True, stdout=open("/dev/null", "w"))

    assert content_fingerprint() == before
    html = client.get("/catalogue/?q=pause").content.decode()  # the search index was rebuilt
    assert "Pause" in html and "<strong>0</strong>" not in html
