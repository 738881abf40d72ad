"""
Browser tests: pytest-playwright drives Debian's Chromium against pytest-django's live server.

Playwright's sync API runs an event loop in this thread, and Django refuses database access from
inside one unless told it is safe (it is: the live server runs in its own thread).
"""

import os
from pathlib import Path

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
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


def refuse_unless_test_database():
    """
    pytest-django creates the test database only when some collected test asks for `db`; run on their own,
    the browser tests would otherwise write to the development database. test_journeys asks for it.
    """
    from django.db import connection

    if not (connection.vendor == "sqlite" and connection.is_in_memory_db()
            or str(connection.settings_dict["NAME"]).startswith("test_")):
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

    with django_db_blocker.unblock():
        refuse_unless_test_database()
        server = LiveServer("127.0.0.1")
        content = build_catalogue(server.url)
    yield content
    server.stop()


@pytest.fixture
def site(browser_catalogue, django_db_blocker):
    """The shared catalogue, with database access open for the live server's thread during the test."""
    with django_db_blocker.unblock():
        yield browser_catalogue


@pytest.fixture
def csp_errors(page):
    """Console errors from the Content-Security-Policy: our own scripts and styles must never trip it."""
    errors = []
    page.on("console", lambda message: errors.append(message.text)
            if message.type == "error" and "Content Security Policy" in message.text else None)
    return errors
