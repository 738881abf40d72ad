"""
The site's content version: read once per GET request whatever asks for it (the page cache, the
search snapshot, each per-version list), and a bump during a request is seen by the next read.
"""

from contextlib import contextmanager

import pytest
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connection
from django.test.utils import CaptureQueriesContext

from catalogue.caches import per_content_version, reset_process_caches
from catalogue.models import ContentVersion
from tests.data_urls import reverse
from tests.editorial.conftest import entry_form_data
from tests.factories import InterventionPageFactory

VERSION_TABLE = ContentVersion._meta.db_table


def version_reads(captured: CaptureQueriesContext) -> int:
    return sum(VERSION_TABLE in query["sql"] for query in captured.captured_queries)


def served(client, url) -> tuple[int, int]:
    """(reads of the content version, queries in all) while the client fetches `url`; asserts a 200."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return version_reads(captured), len(captured.captured_queries)


@contextmanager
def during_a_request(method: str):
    """The request signals, sent as Django's test client sends them: without closing the test's connection."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        request_started.send(sender=None, environ={"REQUEST_METHOD": method})
        yield
    finally:
        request_finished.send(sender=None)
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def urls(catalogue):
    entry = InterventionPageFactory(parent=catalogue, title="An entry", topics=["fathers"], regions=["london"])
    return {
        "catalogue": catalogue.url,
        "catalogue search": f"{catalogue.url}?q=entry&region=london",
        "entry": entry.url,
        "explorer": reverse("explorer:overview"),
    }


@pytest.fixture(params=[0, 600], ids=["no page cache", "page cache"])
def page_cache_seconds(request, settings):
    cache.clear()
    settings.PAGE_CACHE_SECONDS = request.param
    yield request.param
    cache.clear()


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["catalogue", "catalogue search", "entry", "explorer"])
def test_a_page_reads_the_content_version_once(client, urls, kind, page_cache_seconds):
    first_reads, first_queries = served(client, urls[kind])  # builds the snapshot and per-version lists
    again_reads, _ = served(client, urls[kind])  # served from those caches (or the page cache)
    assert first_reads == 1 and first_queries > 1  # the page did read other tables: the count is real
    assert again_reads == 1


@pytest.mark.django_db
def test_a_bump_during_a_get_request_is_seen_by_the_next_read(db, django_capture_on_commit_callbacks):
    with during_a_request("GET"):
        built = []

        def list_at():
            return per_content_version("test list", lambda: built.append(1) or len(built))

        with CaptureQueriesContext(connection) as captured:
            before = ContentVersion.current()
            assert list_at() == 1 and ContentVersion.current() == before
        assert version_reads(captured) == 1
        with django_capture_on_commit_callbacks(execute=True):
            ContentVersion.bump()
        with CaptureQueriesContext(connection) as captured:
            after = ContentVersion.current()
            assert list_at() == 2 and ContentVersion.current() == after
        assert after == before + 1 and version_reads(captured) == 1


@pytest.mark.django_db
def test_a_request_never_finished_is_forgotten_by_the_one_reset(db):
    # A file streamed to Django's test client is only closed once read to the end, so a test that does not
    # read it never finishes its request: the next test on this thread must not read that request's version.
    request_started.disconnect(close_old_connections)
    try:
        request_started.send(sender=None, environ={"REQUEST_METHOD": "GET"})
    finally:
        request_started.connect(close_old_connections)
    remembered = ContentVersion.current()
    ContentVersion.objects.update_or_create(pk=1, defaults={"number": remembered + 5})  # as a later test's data would
    assert ContentVersion.current() == remembered  # still inside the unfinished request
    reset_process_caches()
    assert ContentVersion.current() == remembered + 5


@pytest.mark.django_db
def test_a_post_reads_the_version_afresh_each_time(db):
    with during_a_request("POST"), CaptureQueriesContext(connection) as captured:
        ContentVersion.current()
        ContentVersion.current()
    assert version_reads(captured) == 2


@pytest.mark.django_db
def test_an_editors_publish_shows_on_the_next_anonymous_request(
    client, admin_client, catalogue, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    draft = InterventionPageFactory(parent=catalogue, title="Not yet public", publish=False, live=False)
    draft.save_revision()
    assert client.get(catalogue.url)["X-Page-Cache"] == "miss"
    assert "Not yet public" not in client.get(catalogue.url).content.decode()  # served from the page cache
    before = ContentVersion.current()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("wagtailadmin_pages:edit", args=[draft.pk]), entry_form_data(draft, action="publish")
        )
    assert response.status_code == 302
    assert ContentVersion.current() > before
    fresh = client.get(catalogue.url)
    assert fresh["X-Page-Cache"] == "miss" and "Not yet public" in fresh.content.decode()
    cache.clear()


@pytest.mark.django_db
def test_many_changes_in_one_transaction_move_the_version_on_once(django_capture_on_commit_callbacks):
    from django.db import transaction

    from explorer.models import NewbornDataset

    before = ContentVersion.current()
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            for number in range(3):  # each save asks for a bump (every project model is content)
                NewbornDataset.objects.create(title=f"Uploaded {number}")
            NewbornDataset.objects.all().delete()
    assert ContentVersion.current() == before + 1


@pytest.mark.django_db
def test_a_bump_asked_for_in_a_rolled_back_savepoint_does_not_stand_in_for_a_later_one(
    django_capture_on_commit_callbacks,
):
    from django.db import transaction

    before = ContentVersion.current()
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            try:
                with transaction.atomic():
                    ContentVersion.bump()
                    raise RuntimeError("rolled back")
            except RuntimeError:
                pass
            ContentVersion.bump()  # the one above went with its savepoint: this one must still be kept
    assert ContentVersion.current() == before + 1


@pytest.mark.django_db
def test_a_many_to_many_edit_of_content_moves_the_content_and_data_versions(django_capture_on_commit_callbacks):
    """An edit of a many-to-many field saves no row of the model itself (catalogue/row_changes.py hears it)."""
    from catalogue.models import Region
    from explorer.models import DataVersion

    region = Region.objects.order_by("pk").first()  # the regions and nations migrations seed
    other = Region.objects.exclude(pk=region.pk).exclude(pk__in=region.within.all()).order_by("pk").first()
    content, data = ContentVersion.current(), DataVersion.current()
    with django_capture_on_commit_callbacks(execute=True):
        region.within.add(other)
    assert ContentVersion.current() == content + 1 and DataVersion.current() == data + 1
