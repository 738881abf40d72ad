"""A counter every web process reads to know when its in-memory search snapshot is stale."""

from django.db import models, transaction
from django.db.models import F


class CatalogueVersion(models.Model):
    """A single row whose `number` changes whenever what the public catalogue shows changes."""

    number = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = "catalogue version"

    def __str__(self):
        return f"Catalogue version {self.number}"

    @classmethod
    def current(cls) -> int:
        row = cls.objects.filter(pk=1).values_list("number", flat=True).first()
        return row if row is not None else 0

    @classmethod
    def bump(cls) -> None:
        """Mark every process's snapshot stale once the current transaction commits."""
        transaction.on_commit(cls._bump_now)

    @classmethod
    def _bump_now(cls) -> None:
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
