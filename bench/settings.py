"""Benchmark server settings: development settings without debug, plus the peer search view."""

from website.settings.dev import *  # noqa: F403

DEBUG = False
ROOT_URLCONF = "bench.peer_urls"
# Measure the search itself, not the whole-page cache in front of it.
PAGE_CACHE_SECONDS = 0
LOGGING = {"version": 1, "disable_existing_loggers": True}
