import gc
import tempfile

import pytest
from django.conf import settings
from django.db import connection, transaction
from django.test import TestCase, override_settings
from django.test.utils import setup_databases, teardown_databases
from wagtail.models import Site

from catalogue.caches import reset_process_caches
from demo.site_tree import ensure_site_tree
from tests.shared_builds import (  # noqa: F401 (the fixtures)
    _all_data_build,
    _demo_catalogue_build,
    all_data_once,
    close_unless_next_asks,
    demo_catalogue,
    shared_build_of,
)


def pytest_configure(config):
    """
    The suite's process holds about 270,000 objects once Django, Wagtail and the test data are in, and CPython's
    default thresholds (700, 10, 10) walk all of them in a full collection every few hundred thousand allocations:
    in the data wing's tests, 92 full collections of about 0.23 s each, 21 s of a 97 s run. Collecting the youngest
    generation after 50,000 allocations rather than 700, and the oldest far more rarely, still frees every cycle
    (most die young) at a cost of about 40 MB more at the peak. Servers the suite starts in their own processes keep
    Python's defaults.
    """
    gc.set_threshold(50_000, 20, 100)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, tmp_path_factory, request):
    """
    The test database starts with the site tree every installation has (home, catalogue, standard pages),
    built once for the run rather than once a test: each test's changes are rolled back around it. A
    transactional test's flush removes it; `site_tree` then builds it again for the tests that need it.

    Its publishes queue nothing (`queueing_nothing`).
    """
    browser_tests = any(PLAYWRIGHT_FIXTURES & set(getattr(item, "fixturenames", ())) for item in request.session.items)
    with django_db_blocker.unblock():
        created = database_for_browser_tests_alone() if browser_tests else None
        with queueing_nothing(tmp_path_factory.mktemp("session-generated")):
            with TestCase.captureOnCommitCallbacks(execute=True):
                ensure_site_tree()
        # A transactional test with serialized rollback starts by putting this copy back: it must hold the
        # tree too, or the migrated default Site (which the tree replaces) would come back beside it. The
        # browser tests put it back too if an earlier transactional test flushed the database
        # (tests/browser/conftest.py: restore_migrated_data).
        if browser_tests or getattr(connection, "_test_serialized_contents", None) is not None:
            connection._test_serialized_contents = connection.creation.serialize_db_to_string()
    yield
    if created is not None:
        with django_db_blocker.unblock():
            teardown_databases(created, verbosity=0)


def database_for_browser_tests_alone():
    """
    pytest-django creates the test database only when a collected test asks for a database fixture; the
    browser tests share one live server and commit their catalogue outside any test's transaction, so none
    does. Run on their own (`pytest tests/browser/test_journeys.py`), they get the test database here.
    """
    if (
        connection.vendor == "sqlite"
        and connection.is_in_memory_db()
        or connection.settings_dict["NAME"].startswith("test_")
    ):
        return None  # pytest-django made it: other collected tests asked for one
    return setup_databases(verbosity=0, interactive=False, aliases={connection.alias})


def queueing_nothing(generated_files_root):
    """
    Settings for data built outside any one test (the session's site tree, a module's data): its publishes
    queue no task, since a queued build would sit in the database under tests that count what they queue,
    and its pending marks go to `generated_files_root`, never the developer's own `generated/` directory.
    """
    return override_settings(
        TASKS={**settings.TASKS, "background": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}},
        GENERATED_FILES_ROOT=generated_files_root,
    )


def built_once_for_the_module(django_db_blocker, build):
    """
    For a module-scoped fixture (`yield from built_once_for_the_module(django_db_blocker, build)`): data that
    the module's tests only read, built once inside a transaction that is rolled back after the module's
    last test. Each test still runs in its own savepoint within it (it asks for `db` as usual), so what a
    test changes is undone after that test. Publishing's on-commit work (the content version, the search
    index) runs at once, as it would on commit.
    """
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
    try:
        with tempfile.TemporaryDirectory() as generated, queueing_nothing(generated):
            with django_db_blocker.unblock(), TestCase.captureOnCommitCallbacks(execute=True):
                built = build()
        yield built
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
        reset_process_caches()


@pytest.fixture(autouse=True)
def fresh_process_caches():
    """
    Each test starts with empty per-process caches: test databases are rolled back, so a content
    version number can come round again with different content behind it.
    """
    reset_process_caches()
    # The site tree outlives each test, so Wagtail's cached site root paths could too, after a test that moved
    # the default site (its save clears them, but the rollback that undoes it does not).
    Site.clear_site_root_paths_cache()
    yield
    reset_process_caches()
    Site.clear_site_root_paths_cache()


@pytest.fixture(autouse=True)
def own_generated_files(settings, tmp_path):
    """Files the task worker builds go to each test's own directory (content versions repeat between tests)."""
    settings.GENERATED_FILES_ROOT = tmp_path / "generated"


@pytest.fixture
def immediate_tasks(settings):
    """The site's background tasks run at once, inside the request or commit that queues them."""
    settings.TASKS = {**settings.TASKS, "background": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def site_tree(db):
    home, catalogue = ensure_site_tree()
    return home, catalogue


@pytest.fixture
def catalogue(site_tree):
    return site_tree[1]


PLAYWRIGHT_FIXTURES = {"page", "context", "browser", "playwright"}


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """
    Tests that drive Playwright last, after pytest-django has ordered the rest: Playwright's sync API keeps an
    event loop running in this thread for the whole session once it starts, and Django then refuses database
    access from every later test that does not open it itself ("SynchronousOnlyOperation"). Just before them,
    the tests that migrate the schema back and forth (marked "schema_migration"): the content types and tables
    they recreate must not be what a later serialized-rollback test finds. First of all, the tests that share
    a build (tests/shared_builds.py), those of each build one after the other, so that its transaction is rolled
    back before any other test runs. Last of all, the browser tests on the open data, which share one load
    (tests/browser/conftest.py: `real_data`).
    """
    items.sort(
        key=lambda item: (
            bool(PLAYWRIGHT_FIXTURES & set(getattr(item, "fixturenames", ()))),
            item.get_closest_marker("schema_migration") is not None,
            shared_build_of(item),
            "real_data" in getattr(item, "fixturenames", ()),
        )
    )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """A shared build is rolled back once the next test does not ask for it (tests/shared_builds.py)."""
    try:
        return (yield)
    finally:
        close_unless_next_asks(nextitem)
