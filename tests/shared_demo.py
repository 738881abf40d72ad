"""
The demo catalogue (`load_demo`) installed once for all the tests that only read it, whatever their module.

An install takes 15-20 s on SQLite and 20-40 s on PostgreSQL; the tests that ask for `demo_catalogue` share
one. It is built inside a transaction, like `built_once_for_the_module`, and each test still runs in its own
savepoint within it, so what a test changes is undone after that test. The transaction stays open from the
first test that asks for it to the last, and is rolled back before any other test runs: tests/conftest.py
runs these tests one after the other, first (`pytest_collection_modifyitems`), and closes it when the next
test does not ask for it (`pytest_runtest_teardown`) or at the end of the session.
"""

import io

import pytest
from django.core.management import call_command

FIXTURE = "demo_catalogue"


class SharedInstall:
    """One open build at a time, closed on demand (pytest would keep a session fixture's until the end)."""

    def __init__(self):
        self.build = None  # the generator of `built_once_for_the_module`, while its transaction is open

    @property
    def is_open(self) -> bool:
        return self.build is not None

    def open(self, django_db_blocker):
        from tests.conftest import built_once_for_the_module

        if not self.is_open:
            self.build = built_once_for_the_module(django_db_blocker, _install_demo)
            next(self.build)

    def close(self):
        if self.is_open:
            build, self.build = self.build, None
            next(build, None)  # rolls the install back


INSTALL = SharedInstall()


def _install_demo():
    call_command("load_demo", stdout=io.StringIO())


def uses_demo(item) -> bool:
    return FIXTURE in getattr(item, "fixturenames", ())


@pytest.fixture(scope="session")
def _demo_install(django_db_setup, django_db_blocker):
    # Session-scoped so that pytest opens it before any test's own transaction (higher scopes come first).
    INSTALL.open(django_db_blocker)
    yield INSTALL
    INSTALL.close()


@pytest.fixture
def demo_catalogue(_demo_install, catalogue):
    """The catalogue page with the whole demo catalogue installed, as `manage.py load_demo` leaves it."""
    # Closed after the last test that asked for it: one asking later would find no demo catalogue.
    assert _demo_install.is_open, "tests asking for demo_catalogue must run one after the other (tests/conftest.py)"
    return catalogue
