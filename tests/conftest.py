import pytest

from catalogue.caches import reset_process_caches
from demo.site_tree import ensure_site_tree


@pytest.fixture(autouse=True)
def fresh_process_caches():
    """
    Each test starts with empty per-process caches: test databases are rolled back, so a content
    version number can come round again with different content behind it.
    """
    reset_process_caches()
    yield
    reset_process_caches()


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
    access from every later test that does not open it itself ("SynchronousOnlyOperation").
    """
    items.sort(key=lambda item: bool(PLAYWRIGHT_FIXTURES & set(getattr(item, "fixturenames", ()))))
