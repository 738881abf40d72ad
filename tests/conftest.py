import pytest

from catalogue.search import snapshot
from demo.site_tree import ensure_site_tree


@pytest.fixture(autouse=True)
def fresh_snapshot():
    """Each test starts with no in-memory snapshot or memo (test databases are rolled back)."""
    from catalogue.models import state
    from catalogue.search.engine import _text_masks

    def forget():
        snapshot._current = None
        state._memo.clear()
        _text_masks.clear()

    forget()
    yield
    forget()


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
    access from every later test that does not open it itself ("SynchronousOnlyOperation").
    """
    items.sort(key=lambda item: bool(PLAYWRIGHT_FIXTURES & set(getattr(item, "fixturenames", ()))))
