"""A counter every web process reads to know when its in-memory search snapshot is stale."""

import threading

from django.core.signals import request_finished, request_started
from django.db import models, transaction
from django.db.models import F, Q

# Within one GET or HEAD request the version is read once (the page cache, the snapshot and each
# memoised list all ask for it); a bump during the request forgets it.
_request = threading.local()


class CatalogueVersion(models.Model):
    """A single row whose `number` changes whenever what the public catalogue shows changes."""

    number = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = "catalogue version"

    def __str__(self):
        return f"Catalogue version {self.number}"

    @classmethod
    def current(cls) -> int:
        remembered = getattr(_request, "version", None)
        if remembered is not None:
            return remembered
        row = cls.objects.filter(pk=1).values_list("number", flat=True).first()
        number = row if row is not None else 0
        if getattr(_request, "safe_method", False):
            _request.version = number
        return number

    @classmethod
    def bump(cls) -> None:
        """Mark every process's snapshot stale once the current transaction commits."""
        transaction.on_commit(cls._bump_now)

    @classmethod
    def _bump_now(cls) -> None:
        _request.version = None
        if not cls.objects.filter(pk=1).update(number=F("number") + 1):
            cls.objects.get_or_create(pk=1, defaults={"number": 1})


_memo: dict = {}


def per_catalogue_version(key, compute):
    """
    `compute()`, worked out once per catalogue version and process, for small lists every page
    shows (menus, footer, recent case studies). Wagtail's page look-ups by tree position scan every
    descendant's path, which costs tens of milliseconds a query once the catalogue holds 100,000
    entries; any publish moves the version on, so the lists never go stale.
    """
    version = CatalogueVersion.current()
    cached = _memo.get(key)
    if cached is None or cached[0] != version:
        cached = (version, compute())
        _memo[key] = cached
    return cached[1]


def _request_started(sender, environ=None, **kwargs):
    _request.safe_method = (environ or {}).get("REQUEST_METHOD") in ("GET", "HEAD")
    _request.version = None


def _request_finished(sender, **kwargs):
    _request.safe_method = False
    _request.version = None


request_started.connect(_request_started, dispatch_uid="catalogue-version-request-started")
request_finished.connect(_request_finished, dispatch_uid="catalogue-version-request-finished")


def view_restrictions() -> list[tuple[int, str]]:
    """
    (restriction id, restricted page's tree path) for every page view restriction, per catalogue
    version (a restriction's save or delete moves the version on: catalogue.signals).
    """
    from wagtail.models import PageViewRestriction

    return per_catalogue_version(
        "view-restrictions", lambda: list(PageViewRestriction.objects.values_list("pk", "page__path"))
    )


def without_private(pages):
    """`pages.public()` without its query for the restrictions: leaves out pages under any of them."""
    private = Q()
    for _, path in view_restrictions():
        private |= Q(path__startswith=path)
    return pages.exclude(private) if private else pages
