"""
What each web process keeps in memory between requests, and the one way to empty it.

Every cache here is per process (each gunicorn worker has its own) and follows the site's content
version (`catalogue.models.ContentVersion`): a publish, unpublish, move, privacy change or content
edit moves the version on in the database, and every process notices on its next request, because
each value remembers the version it was worked out at. Nothing needs telling to clear itself.

Every such cache is registered here by name, as is the one other piece of per-process state, the
search counts not yet written (`catalogue.search.records`); `reset_process_caches()` empties them
all. Tests call it between tests (a rolled-back database can hand out a version number again with
other content), and it is the only reset there is: no caller reaches into a module's private globals.

Pure functions of their arguments or of files shipped with the code (word stems, citation styles,
boundary look-ups) may use `functools.cache`: they can never go stale, so they are not listed
(`tests/test_process_caches.py` names them, and fails on any other module-level memo).
"""

import functools
import threading
from collections.abc import Callable, Hashable
from typing import Generic, Protocol, TypeVar

from django.apps import apps

T = TypeVar("T")


class Clearable(Protocol):
    def clear(self) -> None: ...


C = TypeVar("C", bound=Clearable)

_registry: dict[str, Clearable] = {}


def register(name: str, cache: C) -> C:
    """List `cache` (anything with `clear()`) as a per-process cache, so the one reset empties it."""
    if _registry.get(name, cache) is not cache:
        raise ValueError(f"A per-process cache is already registered as {name!r}")
    _registry[name] = cache
    return cache


def reset_process_caches() -> None:
    """Empty every registered per-process cache: the next request works everything out again."""
    for cache in list(_registry.values()):
        cache.clear()


def process_caches() -> list[str]:
    """The registered caches' names, for documentation and tests."""
    return sorted(_registry)


def content_version() -> int:
    """The site's content version, read from the database at most once per GET or HEAD request."""
    return _content_version_model().current()


@functools.cache
def _content_version_model():
    # Found through the app registry, once, so that this module imports no model (models use it).
    return apps.get_model("catalogue", "ContentVersion")


class VersionedValue(Generic[T]):
    """
    One value built from the content version (the search snapshot), rebuilt when the version moves.
    Building can take seconds, so one thread builds while the others wait for its result.
    """

    def __init__(self, build: Callable[[int], T]):
        self._build = build
        self._held: tuple[int, T] | None = None
        self._lock = threading.Lock()

    def get(self) -> T:
        version = content_version()
        held = self._held
        if held is None or held[0] != version:
            with self._lock:
                held = self._held
                if held is None or held[0] != version:
                    held = (version, self._build(version))
                    self._held = held
        return held[1]

    def clear(self) -> None:
        self._held = None


class VersionedCache:
    """
    Values worked out once per content version, by key. Computing is cheap enough (a query or two)
    that two threads may both compute on a miss; the last one kept wins, and both are right.
    """

    def __init__(self):
        self._items: dict[Hashable, tuple[int, object]] = {}

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        version = content_version()
        cached = self._items.get(key)
        if cached is None or cached[0] != version:
            cached = (version, compute())
            self._items[key] = cached
        return cached[1]

    def clear(self) -> None:
        self._items.clear()


_per_version_lists = register("per-version lists", VersionedCache())


def per_content_version(key: Hashable, compute: Callable[[], T]) -> T:
    """
    `compute()`, worked out once per content version and process, for small lists every page
    shows (menus, footer, recent case studies, vocabularies, view restrictions). Wagtail's page
    look-ups by tree position scan every descendant's path, which costs tens of milliseconds a query
    once the catalogue holds 100,000 entries; any publish moves the version on, so the lists never
    go stale.
    """
    return _per_version_lists.get(key, compute)
