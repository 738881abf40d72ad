"""Benchmark server settings: development settings without debug, plus the peer search view."""

from website.settings.dev import *  # noqa: F403

DEBUG = False
ROOT_URLCONF = "bench.peer_urls"
LOGGING = {"version": 1, "disable_existing_loggers": True}
