"""
The lists every visitor's page shows (`catalogue.caches.visitor_list`) are worked out by the task worker after a
publish and taken from its file by the web processes (issue 25): a visitor's request after a publish starts no
thread to rebuild them and works none out, and while the worker has not delivered, visitors get the previous
lists with nothing of the web process's own competing for the interpreter.
"""

import pickle

import pytest

from catalogue import caches
from catalogue import visitor_lists as visitor_lists_module
from catalogue.caches import VersionedCache, previous_version_while_rebuilding, visitor_lists
from catalogue.models import ContentVersion
from catalogue.search.snapshot_files import build_search_snapshot_task
from catalogue.visitor_lists import KEY, lists_files, read_lists_file, write_lists_file
from tests.factories import AreaOfPracticeFactory, CaseStudyPageFactory
from website.models import recent_case_studies

pytestmark = pytest.mark.django_db


@pytest.fixture
def worked_out(monkeypatch):
    """The keys of the per-version lists this process works out itself, in order."""
    keys = []
    unwrapped = VersionedCache.get

    def recording(self, key, compute, previous_while_rebuilding=False):
        def computed():
            keys.append(key)
            return compute()

        return unwrapped(self, key, computed, previous_while_rebuilding)

    monkeypatch.setattr(VersionedCache, "get", recording)
    return keys


@pytest.fixture
def rebuilds_started(monkeypatch):
    started = []
    monkeypatch.setattr(caches._BackgroundBuild, "start", lambda self, build: started.append(build))
    return started


def publish_case_study(catalogue, django_capture_on_commit_callbacks, title):
    with django_capture_on_commit_callbacks(execute=True):
        return CaseStudyPageFactory(parent=catalogue, title=title)


def test_after_a_publish_a_visitor_gets_the_workers_lists_and_this_process_works_none_out(
    catalogue, client, settings, django_capture_on_commit_callbacks, worked_out, rebuilds_started
):
    settings.SEARCH_SNAPSHOT_WORKER_SECONDS = 600  # a missing file would be waited for, never rebuilt here
    settings.PAGE_CACHE_SECONDS = 600  # as in production: the page cache asks for lists of its own
    settings.VISITOR_REBUILD_WAIT_SECONDS = 0  # as in production: a visitor waits for no rebuild
    entry = publish_case_study(catalogue, django_capture_on_commit_callbacks, "Read before the publish")
    urls = ("/", "/catalogue/", "/catalogue/?q=support+in+leeds", "/evidence-map/?stage=pre-birth", entry.url)
    for url in urls:  # this process holds every list at the version before
        assert client.get(url).status_code == 200
    assert set(visitor_lists()) <= set(worked_out), "the visits below would not show a list they never asked for"

    publish_case_study(catalogue, django_capture_on_commit_callbacks, "Published while visitors read")  # queued
    build_search_snapshot_task.call()  # what the worker does: its lists are worked out, not kept, in this process
    worked_out.clear()

    home = client.get("/").content.decode()
    assert "Published while visitors read" in home  # the home page's recent case studies, new at once
    for url in urls[1:]:
        assert client.get(url).status_code == 200
    assert [key for key in worked_out if key in visitor_lists()] == []
    assert rebuilds_started == []


def test_while_the_worker_works_a_visitor_gets_the_previous_lists_and_no_rebuild_of_ours_competes(
    catalogue, settings, django_capture_on_commit_callbacks, rebuilds_started, monkeypatch
):
    before = recent_case_studies()
    settings.SEARCH_SNAPSHOT_WORKER_SECONDS = 600
    publish_case_study(catalogue, django_capture_on_commit_callbacks, "Not yet in the lists")  # queued, not run
    with previous_version_while_rebuilding() as visit:
        assert recent_case_studies() is before
    assert visit.previous_served and visit.rebuilds_after == [] and rebuilds_started == []

    # A list shows what it holds (a page since made private, say), so it is never more than a few seconds behind,
    # however long the search snapshot may be waited for: then this process rebuilds it, as without a worker.
    monkeypatch.setattr(visitor_lists_module, "MOST_SECONDS_BEHIND", 0)
    with previous_version_while_rebuilding() as visit:
        recent_case_studies()
    assert len(visit.rebuilds_after) == 1


def test_the_file_holds_every_list_and_one_that_fails_costs_only_itself(
    catalogue, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    publish_case_study(catalogue, django_capture_on_commit_callbacks, "A case study in the file")
    version = ContentVersion.current()

    def failing():
        raise RuntimeError("this list could not be worked out")

    monkeypatch.setitem(caches._visitor_lists, "test:failing", failing)
    assert write_lists_file(version) == len(visitor_lists()) - 1
    assert "this list could not be worked out" in caplog.text
    read = read_lists_file(version)
    assert set(read) == set(visitor_lists()) - {"test:failing"}
    assert [page.title for page in read["recent-case-studies"]] == ["A case study in the file"]

    path = lists_files.find(KEY, version).path
    payload = pickle.loads(path.read_bytes())  # noqa: S301 (the file this test wrote)
    payload["lists"]["footer"] = b"not a pickle"  # e.g. written by a release whose classes have since changed
    path.write_bytes(pickle.dumps(payload))
    assert set(read_lists_file(version)) == set(read) - {"footer"}
    path.write_bytes(pickle.dumps({**payload, "format": payload["format"] + 1}))
    assert read_lists_file(version) is None
    path.write_bytes(pickle.dumps({**payload, "version": version + 1}))
    assert read_lists_file(version) is None
    assert read_lists_file(version + 1) is None  # nothing written for it


def test_an_entry_shows_a_term_its_publish_added_while_the_vocabularies_are_a_version_behind(
    catalogue, client, settings, django_capture_on_commit_callbacks, rebuilds_started
):
    settings.VISITOR_REBUILD_WAIT_SECONDS = 0
    settings.SEARCH_SNAPSHOT_WORKER_SECONDS = 600  # the worker's lists are not there yet: the previous ones answer
    before = publish_case_study(catalogue, django_capture_on_commit_callbacks, "Read before the publish")
    assert client.get(before.url).status_code == 200  # the vocabularies, held at this version
    with django_capture_on_commit_callbacks(execute=True):
        area = AreaOfPracticeFactory(name="Newly added area of practice")
        entry = CaseStudyPageFactory(parent=catalogue, title="Tagged with it", areas=[area.slug])
    assert "Newly added area of practice" in client.get(entry.url).content.decode()
    assert rebuilds_started == []  # the previous lists answered; the new term was read for this page alone


def test_a_visit_looks_for_the_workers_missing_file_once_and_the_next_visit_looks_again(
    catalogue, settings, django_capture_on_commit_callbacks, monkeypatch
):
    settings.SEARCH_SNAPSHOT_WORKER_SECONDS = 600
    recent_case_studies()  # held at this version
    publish_case_study(catalogue, django_capture_on_commit_callbacks, "Not yet in the lists")  # queued, not run
    looked = []
    read = visitor_lists_module.read_lists_file
    take = caches._per_version_lists._built_elsewhere  # the web process's way to the worker's file
    monkeypatch.setattr(take, "load", lambda version: looked.append(version) or read(version))
    with previous_version_while_rebuilding() as visit:
        for _ in range(3):  # a data page asks for the data page's address about 70 times
            recent_case_studies()
    assert looked == [ContentVersion.current()] and visit.previous_served
    build_search_snapshot_task.call()  # the worker writes the file
    with previous_version_while_rebuilding():
        titles = [page.title for page in recent_case_studies()]
    assert len(looked) == 2 and "Not yet in the lists" in titles
