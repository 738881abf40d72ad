"""
Two application processes sharing PostgreSQL and Redis, as production runs several gunicorn servers:
a publish through one is served by the other on its next request, the page cache is shared, and a
login lock-out on one holds on the other (issue 15, "Real parts").

Runs in bin/run-tests' second pass (bin/with-postgres bin/with-redis); skipped on the SQLite pass,
where there is no server for two processes to share.
"""

import os
import re

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.contrib.auth.models import User
from django.db import connection

from tests.app_servers import Browser, app_servers
from tests.factories import InterventionPageFactory

PUBLIC_HOST = "bic.test"  # what the load balancer passes on as Host to every server
PASSWORD = "correct horse battery"

pytestmark = pytest.mark.skipif(
    not (os.environ.get("DATABASE_URL", "").startswith("postgres") and os.environ.get("REDIS_URL")),
    reason="needs a PostgreSQL and a Redis server to share (run under bin/with-postgres bin/with-redis, "
    "as bin/run-tests' second pass does)",
)


def server_environment() -> dict[str, str]:
    db = connection.settings_dict  # the test database this test's data was committed to
    return {
        "DJANGO_SETTINGS_MODULE": "website.settings.dev",
        "DEBUG": "false",
        "DATABASE_URL": f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "DB_CONN_MAX_AGE": "0",
        "CACHE_BACKEND": settings.CACHES["default"]["BACKEND"],
        "CACHE_LOCATION": os.environ["REDIS_URL"],
        "ALLOWED_HOSTS": PUBLIC_HOST,
        "SITE_BASE_URL": f"http://{PUBLIC_HOST}",
        "PAGE_CACHE_SECONDS": "600",
        # Visitors after a publish wait for per-version rebuilds (background threads with their own connection
        # to PostgreSQL) up to 5 s, which this small catalogue's take well within even on a busy machine; so the
        # next request shows the publish, and the page is cached ("miss"), as production's small sites do.
        "VISITOR_REBUILD_WAIT_SECONDS": "5",
        "TRUSTED_PROXY_COUNT": "1",
        "LOGIN_FAILURE_LIMIT": "5",
    }


def sign_in(browser: Browser, server: str, password: str) -> int:
    status, _, html = browser.request(f"{server}/admin/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    status, _, _ = browser.request(
        f"{server}/admin/login/",
        {"csrfmiddlewaretoken": token, "username": "editor", "password": password, "next": "/admin/"},
    )
    return status


@pytest.fixture
def restored_database():
    """
    After the serialized rollback restores the migrated rows, forget what this process cached about the
    database before (an earlier transactional test may have flushed and reloaded content types under other
    ids), so the site tree is built on the rows as they are now.
    """
    from django.contrib.contenttypes.models import ContentType
    from django.core.cache import cache

    ContentType.objects.clear_cache()
    cache.clear()
    yield
    # Leave the content-type cache warm with the rows as they are: the next serialized-rollback test reloads the
    # database after the flush, and a cold cache would create content types before their rows arrive.
    ContentType.objects.get_for_models(*apps.get_models())


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_servers_share_publishing_the_page_cache_and_lock_outs(restored_database, catalogue):
    editor_user = User.objects.create_superuser("editor", "editor@example.org")
    # Hashed as the servers' settings hash passwords (the test settings use a fast hasher they lack).
    editor_user.password = PBKDF2PasswordHasher().encode(PASSWORD, PBKDF2PasswordHasher().salt())
    editor_user.save()
    entry = InterventionPageFactory(parent=catalogue, title="Original title")
    entry.title = "Changed title"
    entry.save_revision()  # a draft, waiting to be published

    with app_servers(2, server_environment()) as (first, second):
        visitor = Browser(PUBLIC_HOST)
        status, headers, html = visitor.request(f"{second}{entry.url}")
        assert status == 200 and "Original title" in html and headers["X-Page-Cache"] == "miss"
        status, headers, html = visitor.request(f"{first}{entry.url}")
        assert "Original title" in html and headers["X-Page-Cache"] == "hit"  # one cache for both

        editor = Browser(PUBLIC_HOST, forwarded_for="198.51.100.20")
        assert sign_in(editor, first, PASSWORD) == 302
        publish = f"{first}/admin/bulk/wagtailcore/page/publish/?id={entry.pk}"
        status, _, html = editor.request(publish)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        status, _, _ = editor.request(publish, {"csrfmiddlewaretoken": token})
        assert status == 302

        status, headers, html = visitor.request(f"{second}{entry.url}")
        assert "Changed title" in html and "Original title" not in html
        assert headers["X-Page-Cache"] == "miss"

        attacker = Browser(PUBLIC_HOST, forwarded_for="203.0.113.9")
        statuses = [sign_in(attacker, first, "wrong") for _ in range(5)]
        assert statuses == [200] * 4 + [429]
        assert sign_in(Browser(PUBLIC_HOST, forwarded_for="203.0.113.9"), second, PASSWORD) == 429
        assert sign_in(Browser(PUBLIC_HOST, forwarded_for="198.51.100.77"), second, PASSWORD) == 302
