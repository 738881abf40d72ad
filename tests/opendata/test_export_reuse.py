"""
After a publish the task worker copies each unchanged entry's export record from the previous version's files
and builds only the others (`opendata/export_stamps.py`): the files must be exactly those a build from nothing
writes, whatever changed.
"""

import numpy as np
import pytest

from catalogue.models import Topic
from opendata import export_store
from opendata.export_store import build_export_records, export_files, records_key
from opendata.records import RecordBuilder
from tests.factories import InterventionPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def built_ids(monkeypatch):
    """The ids whose records were built rather than copied, build by build."""
    built = []
    records = RecordBuilder.records

    def counting(self, ids):
        built.extend(int(pk) for pk in ids)
        return records(self, ids)

    monkeypatch.setattr(RecordBuilder, "records", counting)
    return built


def files(version: int) -> dict:
    written = {part: export_files.path(records_key(part), version).read_bytes() for part in ("csv", "json")}
    written["header"] = export_files.path(records_key("header.csv"), version).read_bytes()
    records = export_store.ExportRecords(version)
    written["index"] = (records.ids.tolist(), records.positions.tolist(), records.stamps.tolist(), records.shared)
    return written


def from_nothing(settings, tmp_path, version: int) -> dict:
    """The files a build with no earlier version to copy from writes, in a directory of their own."""
    kept = settings.GENERATED_FILES_ROOT
    settings.GENERATED_FILES_ROOT = tmp_path / f"from-nothing-{version}"
    try:
        build_export_records(version)
        return files(version)
    finally:
        settings.GENERATED_FILES_ROOT = kept


def test_only_changed_entries_are_built_and_the_files_match_a_build_from_nothing(
    catalogue, settings, tmp_path, built_ids
):
    entries = [InterventionPageFactory(parent=catalogue, title=f"Kept {n}", topics=["substance-use"]) for n in range(6)]
    build_export_records(1)
    assert sorted(built_ids) == sorted(entry.pk for entry in entries)  # nothing to copy from yet

    edited, withdrawn = entries[0], entries[1]
    edited.title = "Edited and published again"
    edited.save_revision().publish()
    withdrawn.unpublish()
    added = InterventionPageFactory(parent=catalogue, title="Added", topics=["substance-use"])
    built_ids.clear()
    build_export_records(2)
    assert sorted(built_ids) == sorted([edited.pk, added.pk])
    incremental = files(2)
    assert incremental == from_nothing(settings, tmp_path, 2)
    assert withdrawn.pk not in incremental["index"][0]
    assert b"Edited and published again" in incremental["csv"]

    Topic.objects.filter(slug="substance-use").update(name="Drug and alcohol use (renamed)")
    built_ids.clear()
    build_export_records(3)
    published = incremental["index"][0]
    assert sorted(built_ids) == sorted(published)  # a shared name changed: every record is built again
    renamed = files(3)
    assert renamed == from_nothing(settings, tmp_path, 3)
    assert renamed["csv"].count(b"Drug and alcohol use (renamed)") == len(published)


def test_files_of_an_older_layout_or_gone_are_not_copied_from(catalogue, settings, tmp_path, built_ids):
    entries = [InterventionPageFactory(parent=catalogue, title=f"Entry {n}") for n in range(3)]
    build_export_records(1)
    index = export_files.path(records_key("index"), 1)
    with index.open("rb") as old:
        kept = dict(np.load(old))
    with index.open("wb") as rewritten:  # as written before records kept their stamps
        np.savez(rewritten, ids=kept["ids"], positions=kept["positions"])
    built_ids.clear()
    build_export_records(2)
    assert sorted(built_ids) == sorted(entry.pk for entry in entries)
    assert files(2) == from_nothing(settings, tmp_path, 2)

    export_files.path(records_key("json"), 2).unlink()  # pruned by another worker meanwhile
    built_ids.clear()
    build_export_records(3)
    assert sorted(built_ids) == sorted(entry.pk for entry in entries)
    assert files(3) == from_nothing(settings, tmp_path, 3)
