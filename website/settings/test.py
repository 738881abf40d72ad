"""Test settings: fast hashing, plain static storage; the database comes from DATABASE_URL."""

import atexit
import shutil
import tempfile
from pathlib import Path

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
WHITENOISE_AUTOREFRESH = True
WAGTAILADMIN_BASE_URL = "http://testserver"
SITE_BASE_URL = "http://testserver"
# Login lock-out is tested on its own (tests/test_security.py); elsewhere client.login() needs it off.
AXES_ENABLED = False
# Whole-page caching is tested on its own (tests/test_page_cache.py); elsewhere each request must
# see the database as the test left it, whether or not its transaction ran on-commit hooks.
PAGE_CACHE_SECONDS = 0
# Background rebuilds after a publish are tested on their own (tests/test_previous_version.py): their thread
# has its own database connection, which cannot see a test's uncommitted rows.
VISITOR_REBUILD_WAIT_SECONDS = None
# No worker runs beside most tests: a web process builds the search snapshot itself at once rather than wait
# for the worker's file (tests/search/test_snapshot_files.py sets a wait).
SEARCH_SNAPSHOT_WORKER_SECONDS = 0
# Search counts are written when a test asks (tests/search/test_records.py sets 0): written on the clock,
# a search 60 s after the last write costs more queries than the one before it, so query counts would flake.
SEARCH_RECORD_FLUSH_SECONDS = 10**9
# Uploads go to a folder of this test process's own, so that the SQLite and PostgreSQL passes (run at the
# same time by bin/run-tests) never write the same file.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="born-into-care-test-media-"))
# Removed when the process ends: every process started with these settings (each pass, its test servers and
# task workers) makes one, and a day of runs left hundreds behind.
atexit.register(shutil.rmtree, MEDIA_ROOT, ignore_errors=True)
# The task queue's database backend, as in production: a test that wants tasks run at once says so
# (the `immediate_tasks` fixture), and tests/test_task_worker.py runs the real worker.
# Built files go to a directory of each test's own (tests/conftest.py).
