"""
After a publish, a visitor is not kept waiting while per-version values are rebuilt (issue 25): inside
`previous_version_while_rebuilding`, a value asked for `previous_while_rebuilding` is rebuilt in a background
thread and the previous version's answers meanwhile; nothing built from it is kept by the page cache, and the
catalogue never lists an entry withdrawn since. Outside it (editors, worker tasks, commands), every value is
the current version's.
"""

import threading

import pytest
from django.core.cache import cache
from django.core.signals import request_finished
from django.db import close_old_connections
from django.http import HttpResponse, QueryDict
from django.test import RequestFactory, override_settings

from catalogue.caches import REBUILD_THREAD, VersionedCache, VersionedValue, previous_version_while_rebuilding
from catalogue.models import ContentVersion
from catalogue.search.engine import run_search
from catalogue.search.query import CatalogueQuery
from catalogue.search.snapshot import get_snapshot
from tests.factories import InterventionPageFactory
from website.page_cache import AnonymousPageCacheMiddleware, page_cache_key


class SlowBuild:
    """A build that waits for the test to let it finish, so that "still rebuilding" is a state, not a race."""

    def __init__(self):
        self.release = threading.Event()
        self.builds: list[int] = []

    def __call__(self, version: int) -> str:
        if self.builds:  # the first build (no previous value yet) is never in the background
            assert self.release.wait(timeout=60), "the test never released the build"
        self.builds.append(version)
        return f"built at {version}"


def move_version_on(django_capture_on_commit_callbacks) -> int:
    with django_capture_on_commit_callbacks(execute=True):
        ContentVersion.bump()
    return ContentVersion.current()


def sent(response) -> None:
    """What the server does once it has sent a response: close it. As Django's test client does, without closing
    the test's database connection, which the close's request_finished signal would otherwise do."""
    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)


def finish() -> None:
    """Wait for the background rebuilds started so far."""
    for thread in threading.enumerate():
        if thread.name == REBUILD_THREAD:
            thread.join(timeout=60)


@pytest.mark.django_db
def test_a_visitor_gets_the_previous_value_while_it_is_rebuilt_and_the_new_one_after(
    django_capture_on_commit_callbacks,
):
    build = SlowBuild()
    value = VersionedValue(build)
    first = value.get(previous_while_rebuilding=True)  # nothing held yet: built at once, whoever asks
    assert first == f"built at {ContentVersion.current()}"
    now = move_version_on(django_capture_on_commit_callbacks)

    with previous_version_while_rebuilding(wait=0) as visit:
        assert value.get(previous_while_rebuilding=True) == first
        # Not begun while the request is still being answered: the thread would compete with it.
        assert not [thread for thread in threading.enumerate() if thread.name == REBUILD_THREAD]
    assert visit.previous_served
    assert [thread for thread in threading.enumerate() if thread.name == REBUILD_THREAD]  # begun once answered

    build.release.set()
    finish()
    with previous_version_while_rebuilding(wait=0) as visit:
        assert value.get(previous_while_rebuilding=True) == f"built at {now}"
    assert not visit.previous_served
    assert build.builds[-1] == now


@pytest.mark.django_db
def test_outside_a_visit_or_without_asking_the_value_is_always_the_current_one(django_capture_on_commit_callbacks):
    value = VersionedValue(lambda version: f"built at {version}")
    value.get()
    now = move_version_on(django_capture_on_commit_callbacks)
    assert value.get(previous_while_rebuilding=True) == f"built at {now}"  # an editor's request, a task
    now = move_version_on(django_capture_on_commit_callbacks)
    with previous_version_while_rebuilding(wait=0) as visit:
        assert value.get() == f"built at {now}"  # not asked for: e.g. the API's snapshot
    assert not visit.previous_served


@pytest.mark.django_db
def test_a_rebuild_that_finishes_within_the_wait_is_served_at_once(django_capture_on_commit_callbacks):
    value = VersionedValue(lambda version: f"built at {version}")
    value.get()
    now = move_version_on(django_capture_on_commit_callbacks)
    with previous_version_while_rebuilding(wait=30) as visit:
        assert value.get(previous_while_rebuilding=True) == f"built at {now}"
    assert not visit.previous_served


@pytest.mark.django_db
def test_a_reset_during_a_rebuild_throws_its_result_away(django_capture_on_commit_callbacks):
    build = SlowBuild()
    value = VersionedValue(build)
    value.get()
    move_version_on(django_capture_on_commit_callbacks)
    with previous_version_while_rebuilding(wait=0):
        value.get(previous_while_rebuilding=True)
    value.clear()  # e.g. the test database rolled back: the version number may come round with other content
    build.release.set()
    finish()
    assert value._held is None


@pytest.mark.django_db
def test_a_list_can_be_rebuilt_from_its_previous_value(django_capture_on_commit_callbacks):
    memo = VersionedCache()
    asked = memo.get("rows", lambda: {"a": 1})
    asked["b"] = 2  # what visitors asked for at this version
    move_version_on(django_capture_on_commit_callbacks)

    def again(previous):
        return {key: value * 10 for key, value in previous.items()}

    with previous_version_while_rebuilding(wait=30) as visit:
        assert memo.get("rows", dict, previous_while_rebuilding=again) == {"a": 10, "b": 20}
    assert not visit.previous_served
    move_version_on(django_capture_on_commit_callbacks)
    assert memo.get("rows", dict, previous_while_rebuilding=again) == {}  # an editor: computed afresh


@pytest.mark.django_db
def test_the_catalogue_never_lists_an_entry_withdrawn_since_its_snapshot(catalogue, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        kept = InterventionPageFactory(parent=catalogue, title="Family group conference")
        withdrawn = InterventionPageFactory(parent=catalogue, title="Family drug and alcohol court")
    previous = get_snapshot()
    with django_capture_on_commit_callbacks(execute=True):
        withdrawn.unpublish()
    query = CatalogueQuery.from_params(QueryDict("q=family"), previous.known_values())

    assert withdrawn.pk in run_search(query, previous).page_ids  # the old snapshot lists it: the check matters
    with previous_version_while_rebuilding(wait=0) as visit:
        visit.previous_served = True  # as when get_snapshot() answered with this previous snapshot
        results = run_search(query, previous)
    assert results.page_ids == [kept.pk]


@pytest.mark.django_db
def test_the_page_cache_never_keeps_a_page_built_from_a_previous_version(catalogue, django_capture_on_commit_callbacks):
    build = SlowBuild()
    value = VersionedValue(build)
    value.get()

    def view(request):
        return HttpResponse(value.get(previous_while_rebuilding=True))

    request = RequestFactory().get("/catalogue/")
    middleware = AnonymousPageCacheMiddleware(view)
    cache.clear()
    with override_settings(PAGE_CACHE_SECONDS=600, VISITOR_REBUILD_WAIT_SECONDS=0):
        move_version_on(django_capture_on_commit_callbacks)
        response = middleware(request)
        assert response.content.decode() == f"built at {build.builds[0]}"
        assert "X-Page-Cache" not in response and cache.get(page_cache_key(request)) is None
        # The rebuild begins once the response has been sent, i.e. when the server closes it.
        assert not [thread for thread in threading.enumerate() if thread.name == REBUILD_THREAD]
        sent(response)
        assert [thread for thread in threading.enumerate() if thread.name == REBUILD_THREAD]

        build.release.set()
        finish()
        response = middleware(RequestFactory().get("/catalogue/"))
        assert response["X-Page-Cache"] == "miss"
        assert cache.get(page_cache_key(request)).content.decode() == f"built at {ContentVersion.current()}"
    cache.clear()


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/catalogue/", "/api/v1/entries/"])
def test_a_visitor_served_the_previous_snapshot_never_sees_an_entry_withdrawn_since(
    path, client, catalogue, settings, monkeypatch, django_capture_on_commit_callbacks
):
    from catalogue.search import snapshot as snapshots

    with django_capture_on_commit_callbacks(execute=True):
        kept = InterventionPageFactory(parent=catalogue, title="Family group conference")
        withdrawn = InterventionPageFactory(parent=catalogue, title="Family drug and alcohol court")
    previous = get_snapshot()
    release = threading.Event()
    # The rebuild waits for the test (and touches no database): the request is answered meanwhile.
    monkeypatch.setattr(snapshots.snapshots, "_build", lambda version: release.wait(60) and previous)
    with django_capture_on_commit_callbacks(execute=True):
        withdrawn.unpublish()
    settings.VISITOR_REBUILD_WAIT_SECONDS = 0
    try:
        html = client.get(path, {"q": "family"}).content.decode()
    finally:
        release.set()
        finish()
    assert kept.title in html and withdrawn.title not in html


@pytest.mark.django_db
def test_a_background_rebuild_reads_the_version_it_builds_without_asking_the_database_again(
    django_capture_on_commit_callbacks,
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from catalogue.caches import content_version

    seen = []

    # Asking the database from the rebuild's thread would fail here besides (the test's data is not visible from
    # another thread's connection), so a rebuild that asks leaves `seen` empty.
    def compute():
        with CaptureQueriesContext(connection) as queries:  # this thread's own connection
            seen.append(([content_version() for _ in range(3)], len(queries)))
        return "rebuilt"

    cache = VersionedCache()
    cache.get("key", compute, previous_while_rebuilding=True)
    seen.clear()
    now = move_version_on(django_capture_on_commit_callbacks)
    with previous_version_while_rebuilding(wait=0):
        cache.get("key", compute, previous_while_rebuilding=True)
    finish()
    assert seen == [([now, now, now], 0)]
