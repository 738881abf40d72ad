"""
The site's content version: one number that moves whenever anything the public site shows changes.

Catalogue publishes, unpublishes, moves and privacy changes move it (`catalogue.signals`), and so do
saves of explorer data sets, evidence-map questions and other content (`website.page_cache`), so it
versions the whole site, not just the catalogue. Every per-process cache (`catalogue.caches`) and
the shared page cache key on it, which is how each web process notices a change made in another.
"""

import threading
from contextlib import contextmanager

from django.core.signals import request_finished, request_started
from django.db import models, transaction
from django.db.models import F
from django.dispatch import Signal

from catalogue.caches import register

# Sent once the version has moved on (after the commit), with `number`, the new version: feature apps
# queue the files they build for it (evidencemap, opendata: their tasks.py).
content_version_changed = Signal()


class _ReadInThisRequest(threading.local):
    """
    Within one GET or HEAD request the version is read once (the page cache, the snapshot and each memoised
    list all ask for it); a bump during the request forgets it. Other methods (an editor's POST) read it afresh
    each time, since they are the requests that change it. Forgotten when the request finishes, and by
    `reset_process_caches()`: a response never closed (a file streamed to a test client that does not read it)
    would otherwise leave this thread answering from a version the database has moved past.
    """

    version: int | None = None
    safe_method: bool = False

    def clear(self) -> None:
        self.version, self.safe_method = None, False


_request = register("content version read in this request", _ReadInThisRequest())
# Whether this thread's last commit has already moved the version on (`ContentVersion.bump`).
_commit = threading.local()


class ContentVersion(models.Model):
    """A single row whose `number` changes whenever what the public site shows changes."""

    number = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = "content version"

    def __str__(self):
        return f"Content version {self.number}"

    @classmethod
    def current(cls) -> int:
        """The number now: one query, or none if this GET or HEAD request has read it already."""
        remembered = getattr(_request, "version", None)
        if remembered is not None:
            return remembered
        row = cls.objects.filter(pk=1).values_list("number", flat=True).first()
        number = row if row is not None else 0
        if getattr(_request, "safe_method", False):
            _request.version = number
        return number

    @classmethod
    @contextmanager
    def read_as(cls, number: int):
        """
        Within: this thread reads the version as `number`, with no query. A background rebuild of the values for
        version `number` runs in this: the values it asks for on the way are then that version's too, and the
        place index, which links to each of about 370 local authorities' pages through the data page's address,
        no longer read the version once a link (185 queries for one rebuild, about 40 ms).
        """
        held = getattr(_request, "version", None), getattr(_request, "safe_method", False)
        _request.version, _request.safe_method = number, True
        try:
            yield
        finally:
            _request.version, _request.safe_method = held

    @classmethod
    def bump(cls) -> None:
        """
        Mark every process's caches stale once the current transaction commits: once per commit, however many
        rows change in it (a data reload deletes thousands, each sending a signal that asks for a bump).
        """
        _commit.bumped = False  # a change not yet counted: the next commit's first callback moves the version
        transaction.on_commit(cls._bump_once)

    @classmethod
    def _bump_once(cls) -> None:
        if getattr(_commit, "bumped", False):
            return  # an earlier callback of the same commit moved it on already
        _commit.bumped = True
        cls._bump_now()

    @classmethod
    def _bump_now(cls) -> None:
        _request.version = None
        if not cls.objects.filter(pk=1).update(number=F("number") + 1):
            cls.objects.get_or_create(pk=1, defaults={"number": 1})
        number = cls.objects.filter(pk=1).values_list("number", flat=True).first()
        content_version_changed.send(sender=cls, number=number)


def _request_started(sender, environ=None, **kwargs):
    _request.safe_method = (environ or {}).get("REQUEST_METHOD") in ("GET", "HEAD")
    _request.version = None


def _request_finished(sender, **kwargs):
    _request.clear()


request_started.connect(_request_started, dispatch_uid="content-version-request-started")
request_finished.connect(_request_finished, dispatch_uid="content-version-request-finished")
