"""
The search snapshot is built by the task worker after a publish, with the matches of the most frequent
recorded searches, and loaded by the web processes from its file (issue 25): a web process that finds the
file builds nothing, the popular searches need no text query, and while the worker builds, a visitor is
answered from the previous version with no build of the web process's own competing with the request.
"""

import pickle

import numpy as np
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from catalogue.caches import previous_version_while_rebuilding, reset_process_caches
from catalogue.models import ContentVersion, SearchRecord, SearchSynonymGroup
from catalogue.search import engine
from catalogue.search import snapshot as snapshot_module
from catalogue.search.engine import run_search
from catalogue.search.known_words import VOCABULARY_WORDS_MEMO, vocabulary_words
from catalogue.search.query import CatalogueQuery
from catalogue.search.snapshot import build_snapshot, get_snapshot
from catalogue.search.snapshot_files import ARRAYS_SUFFIX, KEY, read_snapshot_file, snapshot_files
from catalogue.search.vocabulary import vocabulary_for
from tests.factories import InterventionPageFactory

pytestmark = pytest.mark.django_db
PLAIN = "A summary in words the searches here do not use."  # the factory's random words could match them


@pytest.fixture
def entries(catalogue, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return [
            InterventionPageFactory(parent=catalogue, title="Parents after removal: a recovery group", summary=PLAIN),
            InterventionPageFactory(parent=catalogue, title="Pre-birth assessment with parents", summary=PLAIN),
            InterventionPageFactory(parent=catalogue, title="Family drug and alcohol court", summary=PLAIN),
        ]


def publish_with_the_worker(catalogue, django_capture_on_commit_callbacks, title="Published with the worker"):
    """A publish whose queued tasks run at once, as the worker would run them."""
    with django_capture_on_commit_callbacks(execute=True):
        return InterventionPageFactory(parent=catalogue, title=title, summary=PLAIN)


def _same(loaded, built) -> None:
    assert loaded.version == built.version
    assert np.array_equal(loaded.ids, built.ids)
    assert loaded.facets.keys() == built.facets.keys()
    for param, values in built.facets.items():
        assert [_shown(v) for v in loaded.facets[param]] == [_shown(v) for v in values]
        for mine, theirs in zip(loaded.facets[param], values, strict=True):
            assert np.array_equal(mine.mask, theirs.mask), (param, mine.slug)
            assert np.shares_memory(mine.mask, loaded.matrix(param))  # a row of the stacked matrix, not a copy
    assert loaded.orders.keys() == built.orders.keys()
    for name, order in built.orders.items():
        assert np.array_equal(loaded.orders[name], order), name


def _shown(value) -> tuple:
    return value.slug, value.label, value.group


def test_the_worker_writes_the_snapshot_a_web_process_then_loads_without_building(
    immediate_tasks, entries, catalogue, django_capture_on_commit_callbacks, monkeypatch
):
    new = publish_with_the_worker(catalogue, django_capture_on_commit_callbacks)
    version = ContentVersion.current()
    loaded, _ = read_snapshot_file(version)
    built = build_snapshot(version)
    assert new.pk in built.ids
    _same(loaded, built)

    reset_process_caches()  # another web process: it has built nothing
    monkeypatch.setattr(snapshot_module.snapshots, "_build", _must_not_build)
    assert new.pk in get_snapshot().ids


def _must_not_build(version):
    raise AssertionError(f"the web process built the snapshot for version {version} itself")


def test_the_popular_searches_come_worked_out_with_the_file(
    immediate_tasks, entries, catalogue, django_capture_on_commit_callbacks, monkeypatch
):
    today = timezone.localdate()
    SearchRecord.objects.create(day=today, terms="parents", searches=9, results=2)
    SearchRecord.objects.create(day=today, terms="#other 0", searches=50, results=0)  # never worked out
    publish_with_the_worker(catalogue, django_capture_on_commit_callbacks)
    expected = run_search(CatalogueQuery(text="parents"), get_snapshot())  # worked out here, for comparison

    reset_process_caches()
    monkeypatch.setattr(engine, "_matches", _must_not_match)
    found = run_search(CatalogueQuery(text="parents"), get_snapshot())
    assert found.page_ids == expected.page_ids and found.total == expected.total == 2
    with pytest.raises(AssertionError, match="text query"):
        run_search(CatalogueQuery(text="court"), get_snapshot())  # not a recorded search: not worked out


def test_the_vocabularies_come_worked_out_with_the_file(
    immediate_tasks, entries, catalogue, django_capture_on_commit_callbacks
):
    SearchSynonymGroup.objects.create(terms="mum, mother")
    publish_with_the_worker(catalogue, django_capture_on_commit_callbacks)
    loaded, _ = read_snapshot_file(ContentVersion.current())
    with CaptureQueriesContext(connection) as asked:
        synonyms, words = (
            vocabulary_for(loaded),
            loaded.memo(VOCABULARY_WORDS_MEMO, lambda: pytest.fail("not in the file")),
        )
    assert not [query for query in asked.captured_queries if SearchSynonymGroup._meta.db_table in query["sql"]]
    assert synonyms.terms_by_key == vocabulary_for(build_snapshot(loaded.version)).terms_by_key
    assert "mum" in words and words == vocabulary_words()  # as this process would have read them


def _must_not_match(*args, **kwargs):
    raise AssertionError("a text query ran for a search the worker had worked out")


def test_while_the_worker_builds_a_visitor_gets_the_previous_snapshot_and_no_build_of_ours_competes(
    entries, catalogue, django_capture_on_commit_callbacks, settings, monkeypatch
):
    before = get_snapshot()
    settings.SEARCH_SNAPSHOT_WORKER_SECONDS = 600
    new = publish_with_the_worker(catalogue, django_capture_on_commit_callbacks)  # queued: no worker runs here
    monkeypatch.setattr(snapshot_module.snapshots, "_build", _must_not_build)
    with previous_version_while_rebuilding() as visit:
        assert get_snapshot(previous_while_rebuilding=True) is before
    assert visit.previous_served and visit.rebuilds_after == []
    assert new.pk not in before.ids


def test_with_no_file_after_the_wait_the_web_process_builds_it_itself(
    entries, catalogue, django_capture_on_commit_callbacks, settings
):
    get_snapshot()
    settings.SEARCH_SNAPSHOT_WORKER_SECONDS = 0  # the worker has had its time
    publish_with_the_worker(catalogue, django_capture_on_commit_callbacks)
    with previous_version_while_rebuilding() as visit:
        get_snapshot(previous_while_rebuilding=True)
    assert len(visit.rebuilds_after) == 1  # started once the response is made, as without a worker


def test_a_file_of_another_version_or_format_or_half_written_is_not_read(
    immediate_tasks, entries, catalogue, django_capture_on_commit_callbacks
):
    publish_with_the_worker(catalogue, django_capture_on_commit_callbacks)
    version = ContentVersion.current()
    path = snapshot_files.find(KEY, version).path
    assert read_snapshot_file(version) is not None
    payload = pickle.loads(path.read_bytes())  # noqa: S301 (the file the test's own task wrote)

    path.write_bytes(pickle.dumps({**payload, "format": payload["format"] + 1}))
    assert read_snapshot_file(version) is None
    path.write_bytes(pickle.dumps({**payload, "version": version + 1}))
    assert read_snapshot_file(version) is None
    path.write_bytes(pickle.dumps(payload)[:100])
    assert read_snapshot_file(version) is None
    assert read_snapshot_file(version + 1) is None  # nothing built for it

    path.write_bytes(pickle.dumps(payload))  # whole again, but its arrays cut short
    assert read_snapshot_file(version) is not None
    arrays = snapshot_files.path(KEY, version, ARRAYS_SUFFIX)
    arrays.write_bytes(arrays.read_bytes()[:-1])
    assert read_snapshot_file(version) is None
    arrays.write_bytes(b"")
    assert read_snapshot_file(version) is None


def test_a_web_process_maps_the_snapshots_arrays_and_none_can_be_written(
    immediate_tasks, entries, catalogue, django_capture_on_commit_callbacks
):
    publish_with_the_worker(catalogue, django_capture_on_commit_callbacks)
    loaded, _ = read_snapshot_file(ContentVersion.current())
    arrays = [loaded.ids, *loaded.orders.values(), loaded.card_stamps, *(loaded.matrix(p) for p in loaded.facets)]
    for array in arrays:
        assert not array.flags.writeable and not array.flags.owndata  # a view of the mapped file, not a copy
    with pytest.raises(ValueError, match="read-only"):
        loaded.ids[0] = 0
    built = build_snapshot(loaded.version)  # built here, the same rule: every request shares it
    masks = [value.mask for values in built.facets.values() for value in values]
    assert not any(array.flags.writeable for array in [built.ids, *built.orders.values(), *masks])


def test_a_feature_that_fails_to_prebuild_costs_only_its_own_memo(
    immediate_tasks, entries, catalogue, django_capture_on_commit_callbacks, caplog
):
    from catalogue.search.snapshot_files import prebuilding

    def failing(sender, snapshot, **kwargs):
        raise RuntimeError("this feature could not build its page")

    prebuilding.connect(failing, dispatch_uid="test-failing-prebuild")
    try:
        new = publish_with_the_worker(catalogue, django_capture_on_commit_callbacks)
    finally:
        prebuilding.disconnect(dispatch_uid="test-failing-prebuild")
    loaded, _ = read_snapshot_file(ContentVersion.current())
    assert new.pk in loaded.ids  # the file was written all the same
    assert loaded.memo(VOCABULARY_WORDS_MEMO, lambda: pytest.fail("not in the file"))
    assert "this feature could not build its page" in caplog.text
