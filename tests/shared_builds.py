"""
Data that many tests only read, built once for all of them, whatever their module: the demo catalogue
(`demo_catalogue`: an install takes 15-20 s on SQLite, 20-40 s on PostgreSQL) and every dataset of /data/
(`all_data_once`: 3-5 s a load, which a dozen modules each paid).

Each is built inside a transaction, like `built_once_for_the_module`, and each test still runs in its own
savepoint within it, so what a test changes is undone after that test. The transaction stays open from the
first test that asks for it to the last, and is rolled back before any other test runs: tests/conftest.py runs
each build's tests one after the other, first (`pytest_collection_modifyitems`), and rolls the build back
when the next test does not ask for it (`pytest_runtest_teardown`) or at the end of the session.
"""

import io

import pytest
from django.core.management import call_command
from django.db import connection

from explorer.loading import load_all


def _install_demo():
    call_command("load_demo", stdout=io.StringIO())


class SharedBuild:
    """One build, open between its first and last test (pytest would keep a session fixture's to the end)."""

    def __init__(self, fixture, build):
        self.fixture = fixture
        self.build = build
        self.running = None  # the generator of `built_once_for_the_module`, while its transaction is open
        self.value = None

    @property
    def is_open(self) -> bool:
        return self.running is not None

    def open(self, django_db_blocker):
        from tests.conftest import built_once_for_the_module

        others = [shared.fixture for shared in SHARED if shared.is_open and shared is not self]
        assert not others, f"{self.fixture} asked for while {others} is open: one shared build at a time"
        if not self.is_open:
            self.running = built_once_for_the_module(django_db_blocker, self.build)
            self.value = next(self.running)
        return self.value

    def close(self):
        if self.is_open:
            # A module's own build, opened inside this one and still open, would be cut off by this rollback.
            assert not connection.savepoint_ids, f"{self.fixture} rolled back under another test's open build"
            running, self.running, self.value = self.running, None, None
            next(running, None)  # rolls the build back


DEMO = SharedBuild("demo_catalogue", _install_demo)
ALL_DATA = SharedBuild("all_data_once", load_all)
SHARED = (DEMO, ALL_DATA)


def shared_build_of(item) -> int:
    """The position in SHARED of the build a test asks for (tests run in that order), or len(SHARED)."""
    names = getattr(item, "fixturenames", ())
    return next((index for index, shared in enumerate(SHARED) if shared.fixture in names), len(SHARED))


def close_unless_next_asks(nextitem):
    for shared in SHARED:
        if nextitem is None or shared.fixture not in nextitem.fixturenames:
            shared.close()


# Session-scoped so that pytest opens them before any test's own transaction (higher scopes come first); the
# function-scoped fixtures below check that the build is still open (closed after the last test asking).
@pytest.fixture(scope="session")
def _demo_catalogue_build(django_db_setup, django_db_blocker):
    DEMO.open(django_db_blocker)
    yield DEMO
    DEMO.close()


@pytest.fixture(scope="session")
def _all_data_build(django_db_setup, django_db_blocker):
    ALL_DATA.open(django_db_blocker)
    yield ALL_DATA
    ALL_DATA.close()


@pytest.fixture
def demo_catalogue(_demo_catalogue_build, catalogue):
    """The catalogue page with the whole demo catalogue installed, as `manage.py load_demo` leaves it."""
    assert _demo_catalogue_build.is_open, "the tests asking for it must run one after the other (tests/conftest.py)"
    return catalogue


@pytest.fixture
def all_data_once(_all_data_build, db):
    """Every dataset /data/ shows, as `load_all` returns them (rows per dataset)."""
    assert _all_data_build.is_open, "the tests asking for it must run one after the other (tests/conftest.py)"
    return _all_data_build.value
