"""Browser tests: pytest-playwright drives Debian's Chromium against a live server of the test database."""

import os
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import expect

# On a busy two-core CI machine, with both suites running at once, an entry page's first render can take
# longer than Playwright's 5 s default wait; a wait bound, not a speed assertion.
expect.set_options(timeout=20_000)

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
STYLESHEET = ROOT / "static" / "build" / "main.css"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # Fail with the fix, rather than with Playwright's advice to download a browser (which cannot work here).
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run bin/install-system-deps (Debian's chromium package).")
    if not STYLESHEET.exists() or not AXE.exists():
        pytest.fail("Front-end assets are not built: run bin/build-assets (make test does).")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@contextmanager
def database_use_beside_playwright():
    """
    Playwright's sync API runs an event loop in this thread, and Django refuses database access from inside
    one unless told it is safe (it is: the live server has its own thread). Allowed only while browser
    tests run: left in the environment, it would fail `check --deploy` (async.E001) in later tests.
    """
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        yield
    finally:
        if previous is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def beside_the_live_server(write, seconds: float = 15.0):
    """
    `write()`, a test's own change to the shared database, in one transaction, tried again while the live server's
    thread still holds a table it needs: SQLite's shared cache refuses at once ("database table is locked")
    rather than wait, and a request the browser sent just before the test closed it (the admin's editing-session
    ping) may still be running. A CI run failed so once, deleting a draft entry after a test.
    """
    from django.db import OperationalError, transaction

    deadline = time.monotonic() + seconds
    while True:
        try:
            with transaction.atomic():
                return write()
        except OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def restore_migrated_data():
    """
    Put back what migrations seeded (Wagtail's root page, the vocabularies, roles) if an earlier transactional
    test's flush removed it, from the copy pytest-django serialized when it created the test database.
    """
    from django.contrib.contenttypes.models import ContentType
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from wagtail.models import Page

    if Page.objects.filter(depth=1).exists():
        return
    serialized = getattr(connection, "_test_serialized_contents", None)
    if serialized is None:
        pytest.fail(
            "The test database was flushed and no serialized copy exists: tests/conftest.py's "
            "django_db_setup keeps one whenever browser tests are collected."
        )
    # The flush's post_migrate recreated content types and permissions with new ids: clear them first.
    call_command("flush", verbosity=0, interactive=False, inhibit_post_migrate=True)
    connection.creation.deserialize_db_from_string(serialized)
    ContentType.objects.clear_cache()
    cache.clear()


def refuse_unless_test_database():
    """
    pytest-django creates the test database only when some collected test asks for `db`; run on their own,
    the browser tests get one from tests/conftest.py (`database_for_browser_tests_alone`). A guard all the same:
    their content must never go into a development database.
    """
    from django.db import connection

    if not (
        connection.vendor == "sqlite"
        and connection.is_in_memory_db()
        or str(connection.settings_dict["NAME"]).startswith("test_")
    ):
        pytest.fail(f"Not a test database ({connection.settings_dict['NAME']}): refusing to add browser-test content.")


@pytest.fixture(scope="session")
def browser_catalogue(django_db_setup, django_db_blocker):
    """
    One catalogue and one live server for all browser tests, built once: a per-test database flush
    (what pytest-django's live_server forces) costs seconds each time and wipes the vocabularies that
    migrations seed. The browser tests only read. They use no per-test database fixture, so
    pytest-django orders them after every database test, and what they commit cannot leak into one.
    """
    from pytest_django.live_server_helper import LiveServer

    from .content import build_catalogue

    with django_db_blocker.unblock(), database_use_beside_playwright():
        refuse_unless_test_database()
        restore_migrated_data()
        server = LiveServer("127.0.0.1")
        content = build_catalogue(server.url)
    yield content
    server.stop()


@pytest.fixture
def site(browser_catalogue, django_db_blocker):
    """The shared catalogue, with database access open for the live server's thread during the test."""
    with django_db_blocker.unblock(), database_use_beside_playwright():
        yield browser_catalogue


@pytest.fixture
def csp_errors(page):
    """Console errors from the Content-Security-Policy: our own scripts and styles must never trip it."""
    errors = []
    page.on(
        "console",
        lambda message: (
            errors.append(message.text)
            if message.type == "error" and "Content Security Policy" in message.text
            else None
        ),
    )
    return errors


class _CommittedOpenData:
    """
    Every dataset /data/ shows, committed where the live server's thread can read it: loaded for the first browser
    test that asks (`real_data`) and removed once the next test does not, so the tests asking share one load
    (tests/conftest.py runs them one after the other) and no other browser test sees the data.
    """

    loaded = False

    def load(self):
        from explorer.loading import load_all

        if not self.loaded:
            load_all()
            self.loaded = True

    def remove(self, django_db_blocker):
        from explorer.loading import bulk_change
        from explorer.loading.reader import delete_all
        from explorer.models import OPEN_DATA_TABLES

        def unload():
            with bulk_change():  # as a load: each table in one statement, each version moved once
                for model in OPEN_DATA_TABLES:  # the family justice tables included
                    delete_all(model)

        if self.loaded:
            with django_db_blocker.unblock(), database_use_beside_playwright():
                beside_the_live_server(unload)
            self.loaded = False


OPEN_DATA = _CommittedOpenData()


@pytest.fixture
def real_data(site):
    """Every dataset, as `load_all()` leaves them (shared with the next tests that ask: `_CommittedOpenData`)."""
    OPEN_DATA.load()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    try:
        return (yield)
    finally:
        if OPEN_DATA.loaded and (nextitem is None or "real_data" not in nextitem.fixturenames):
            OPEN_DATA.remove(item.funcargs["django_db_blocker"])
