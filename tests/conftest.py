import pytest

from catalogue.demo.site_tree import ensure_site_tree
from catalogue.search import snapshot


@pytest.fixture(autouse=True)
def fresh_snapshot():
    """Each test starts with no in-memory search snapshot (test databases are rolled back)."""
    snapshot._current = None
    yield
    snapshot._current = None


@pytest.fixture
def site_tree(db):
    home, catalogue = ensure_site_tree()
    return home, catalogue


@pytest.fixture
def catalogue(site_tree):
    return site_tree[1]
