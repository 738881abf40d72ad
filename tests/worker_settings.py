"""
Settings for the real task worker that tests/test_task_worker.py starts: the test settings, plus the one
test setting that lets the link checker reach the test's own server on 127.0.0.1.
"""

from website.settings.test import *  # noqa: F403

LINKCHECK_ALLOWED_NETWORKS = ["127.0.0.1/32"]
