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
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Generic, Protocol, TypeVar

from django.apps import apps
from django.db import connections

logger = logging.getLogger(__name__)

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


def _read_content_as(version: int):
    return _content_version_model().read_as(version)


class VersionedValue(Generic[T]):
    """
    One value built from the content version (the search snapshot), rebuilt when the version moves.
    Building can take seconds, so one thread builds while the others wait for its result; asked for
    `previous_while_rebuilding` during a visitor's request (`previous_version_while_rebuilding`), it is
    built in the background instead and the previous version's value answers meanwhile.
    """

    def __init__(self, build: Callable[[int], T]):
        self._build = build
        self._held: tuple[int, T] | None = None
        self._lock = threading.Lock()
        self._rebuild = _BackgroundBuild()
        self._generation = 0  # moved on by clear(): a build started before a reset is thrown away
        self._built_elsewhere: BuiltElsewhere | None = None
        self._read_as = _read_content_as

    def load_from(self, built_elsewhere: "BuiltElsewhere") -> None:
        """Take the value from another process's build when there is one (the worker's snapshot file)."""
        self._built_elsewhere = built_elsewhere

    def get(self, previous_while_rebuilding: bool = False) -> T:
        version = content_version()
        held = self._held
        if held is not None and held[0] == version:
            return held[1]
        elsewhere = self._built_elsewhere
        if elsewhere is not None:
            loaded = elsewhere.load(version)
            if loaded is not None:
                self._held = (version, loaded)
                return loaded
        visit = _visit.get()
        if held is not None and visit is not None and previous_while_rebuilding:
            if elsewhere is not None and elsewhere.expected_soon(version):
                visit.previous_served = True  # the worker is building it: no thread of ours competes
                return held[1]
            rebuild = _kept_unless_cleared(self, version, lambda: self._build(version), self._hold)
            return _rebuilt_or_previous(self._rebuild, rebuild, lambda: self._held or held, version, visit)
        with self._lock:
            held = self._held
            if held is None or held[0] != version:
                held = (version, self._build(version))
                self._held = held
        return held[1]

    def _hold(self, held: tuple[int, T]) -> None:
        self._held = held

    def clear(self) -> None:
        self._generation += 1
        self._held = None


class BuiltElsewhere:
    """
    A value another process builds per content version (the task worker), and how long a visitor may be
    answered from the previous version while it does: after `patience()` seconds with nothing to load, the
    web process builds it itself, so a site whose worker has stopped still moves on.
    """

    def __init__(self, load: Callable[[int], object | None], patience: Callable[[], float]):
        self.load = load
        self._patience = patience
        self._first_missed: tuple[int, float] | None = None

    def expected_soon(self, version: int) -> bool:
        missed = self._first_missed
        if missed is None or missed[0] != version:
            missed = self._first_missed = (version, time.monotonic())
        return time.monotonic() - missed[1] < self._patience()


# How a value asked for `previous_while_rebuilding` is rebuilt: False never, True by computing it again,
# or a function of the previous version's value.
Rebuilding = bool | Callable[[object], object]


class VersionedCache:
    """
    Values worked out once per content version (or another version: the data wing's), by key. Two threads
    may both compute on a miss; the last one kept wins, and both are right.
    A key asked for `previous_while_rebuilding` is recomputed in the background during a visitor's
    request, which meanwhile gets the previous version's value (`previous_version_while_rebuilding`).
    """

    def __init__(self, version: Callable[[], Hashable] | None = None, read_as: Callable | None = None):
        """`version` (the content version unless given) says when values go stale; `read_as(version)` is the
        context a background rebuild works in, so that what it asks for on the way is of that version too."""
        self._version = version or content_version
        self._read_as = read_as or _read_content_as
        self._items: dict[Hashable, tuple[Hashable, object]] = {}
        self._rebuilds: dict[Hashable, _BackgroundBuild] = {}
        self._generation = 0
        self._built_elsewhere: BuiltElsewhere | None = None

    def load_from(self, built_elsewhere: "BuiltElsewhere") -> None:
        """Take the visitor lists (`visitor_list`) from another process's build: {key: value} per version."""
        self._built_elsewhere = built_elsewhere

    def get(self, key: Hashable, compute: Callable[[], T], previous_while_rebuilding: Rebuilding = False) -> T:
        version = self._version()
        cached = self._items.get(key)
        if cached is not None and cached[0] == version:
            return cached[1]
        visit = _visit.get()
        if cached is not None and visit is not None and previous_while_rebuilding:
            elsewhere = self._built_elsewhere
            if elsewhere is not None and key in _visitor_lists:
                delivered = None if visit.lists_missing == version else elsewhere.load(version)
                if delivered is not None:
                    self._hold_all(version, delivered)
                    if key in delivered:
                        return delivered[key]
                else:
                    visit.lists_missing = version
                    if visit.wait <= 0 and elsewhere.expected_soon(version):
                        # The worker is working it out: no thread of ours competes. (A visitor who may wait for
                        # rebuilds, VISITOR_REBUILD_WAIT_SECONDS, gets them rebuilt here and waits, as before.)
                        visit.previous_served = True
                        return cached[1]
            previous = cached[1]
            recompute = compute if previous_while_rebuilding is True else lambda: previous_while_rebuilding(previous)
            rebuild = _kept_unless_cleared(self, version, recompute, lambda item: self._items.__setitem__(key, item))
            rebuilding = self._rebuilds.setdefault(key, _BackgroundBuild())
            return _rebuilt_or_previous(rebuilding, rebuild, lambda: self._items.get(key, cached), version, visit)
        cached = (version, compute())
        self._items[key] = cached
        return cached[1]

    def _hold_all(self, version: int, values: dict) -> None:
        for key, value in values.items():
            self._items[key] = (version, value)

    def clear(self) -> None:
        self._generation += 1
        self._items.clear()


_per_version_lists = register("per-version lists", VersionedCache())
# Lists every visitor's page shows, the same whatever the request (`visitor_list`): key -> how to work it out.
_visitor_lists: dict[Hashable, Callable[[], object]] = {}


def per_content_version(key: Hashable, compute: Callable[[], T], previous_while_rebuilding: Rebuilding = False) -> T:
    """
    `compute()`, worked out once per content version and process, for small lists every page
    shows (menus, footer, recent case studies, vocabularies, view restrictions). Wagtail's page
    look-ups by tree position scan every descendant's path, which costs tens of milliseconds a query
    once the catalogue holds 100,000 entries; any publish moves the version on, so the lists never
    go stale. `previous_while_rebuilding`: a visitor may be shown the previous version's value while
    the new one is computed in the background (`previous_version_while_rebuilding`): True computes it
    with `compute()`, a function makes it from the previous value (e.g. works out again what was asked
    of it). Never for anything that decides who may see what.
    """
    return _per_version_lists.get(key, compute, previous_while_rebuilding)


def visitor_list(key: Hashable, compute: Callable[[], T]) -> Callable[[], T]:
    """
    A `per_content_version` list that visitors' pages show and that depends on no request (the footer, the law
    at each stage, the map's questions), served at the previous version while the new one is made. The task
    worker works every such list out after a publish, with the search snapshot, and writes them to a file
    (`catalogue.visitor_lists`) that web processes take them from: after a publish each web process used to
    start a thread per list to rebuild them, about 90 ms of Python at 100,000 entries that competed with the
    first visitors' requests for the interpreter. Until the worker's file is there visitors get the previous
    lists; a process whose worker has not delivered within its patience rebuilds them itself, as before.
    Returns the function that reads the list. Register at import time, in a module the app's `ready()` imports,
    so that the worker has every list too.
    """
    if _visitor_lists.get(key, compute) is not compute:
        raise ValueError(f"A visitor list is already registered as {key!r}")
    _visitor_lists[key] = compute

    def current() -> T:
        return per_content_version(key, compute, previous_while_rebuilding=True)

    current.__doc__ = compute.__doc__
    return current


def take_visitor_lists_from(built_elsewhere: BuiltElsewhere) -> None:
    """Web processes take the visitor lists from `built_elsewhere`: {key: value} per version (the worker's)."""
    _per_version_lists.load_from(built_elsewhere)


def visitor_lists() -> dict[Hashable, Callable[[], object]]:
    """Every registered visitor list: key -> how to work it out (the task worker's build, tests)."""
    return dict(_visitor_lists)


def drawn_once(owner, key: Hashable, draw: Callable[[], T]) -> T:
    """
    `draw()` once per `owner` and `key`, held on the owner: markup drawn from a value that is itself kept per
    version (a chart, a board report, a page of the evidence map), so it lives and goes with that value. Owners are
    shared by every request: what is drawn must not depend on one (a request's own part is put in afterwards).
    """
    drawn = owner.__dict__.setdefault("_drawn", {})
    if key not in drawn:
        drawn[key] = draw()
    return drawn[key]


class RecentValues:
    """
    The values last asked for, at most `most` of them, the least recently used dropped first: for what is worked
    out per argument (a place's list, a page of the map, an authority's profile), where keeping every argument's
    would grow with what visitors ask for. Its owner makes a new one for each content version or snapshot (a
    `per_content_version` value, `Snapshot.memo`), so it never needs emptying on its own. Callers share the values
    and must not change them.
    """

    def __init__(self, most: int):
        self.most = most
        self._values: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def __getstate__(self) -> dict:  # pickled in the search snapshot's file (its values, not its lock)
        with self._lock:
            return {"most": self.most, "values": list(self._values.items())}

    def __setstate__(self, state: dict) -> None:
        self.most = state["most"]
        self._values = OrderedDict(state["values"])
        self._lock = threading.Lock()

    def find(self, key: Hashable) -> object | None:
        """The value kept for `key`, or None (nothing is worked out)."""
        with self._lock:
            return self._values.get(key)

    def get(self, key: Hashable, compute: Callable[[], T], keep: Callable[[], bool] | None = None) -> T:
        """The value kept for `key`, else `compute()`, kept unless `keep()` (asked after computing) says not."""
        with self._lock:
            if key in self._values:
                self._values.move_to_end(key)
                return self._values[key]
        value = compute()  # outside the lock: two threads may both work it out; both are right
        if keep is None or keep():
            with self._lock:
                self._values[key] = value
                self._values.move_to_end(key)
                while len(self._values) > self.most:
                    self._values.popitem(last=False)
        return value


# A visitor's request after a publish: serve what was current a moment ago rather than make them wait.


@dataclass
class Visit:
    """One anonymous visitor's request, and whether anything it used was the previous version's."""

    wait: float  # seconds a rebuild may keep this request waiting, in all, before it gets the previous value
    previous_served: bool = False
    # Rebuilds started once the response is made: begun sooner, their thread would compete with this
    # request for the interpreter (a snapshot build is mostly Python) and slow the very answer it spares.
    rebuilds_after: list = field(default_factory=list)
    # The version whose worker's lists file this request found not yet written: not looked for again in it (a
    # data page asks for the data page's address about 70 times, and each look is a file system call).
    lists_missing: Hashable = None


_visit: ContextVar[Visit | None] = ContextVar("catalogue_visit", default=None)


@contextmanager
def previous_version_while_rebuilding(wait: float = 0.0, start_rebuilds_on_exit: bool = True):
    """
    Within: a per-version value that is out of date and already held at an earlier version (the search
    snapshot, the lists asked for `previous_while_rebuilding`) is rebuilt in a background thread; the
    request waits for it at most `wait` seconds in all and is otherwise answered from the previous
    version. At 100,000 entries the search snapshot takes seconds to build: without this, the first
    visitor after every publish waited for it (issue 25). Only anonymous visitors' reads enter this
    (`website.page_cache`); worker tasks, editors and commands always get the current version, and
    the page cache never keeps a page that used a previous version (`Visit.previous_served`).
    """
    visit = Visit(wait=wait)
    token = _visit.set(visit)
    try:
        yield visit
    finally:
        _visit.reset(token)
        if start_rebuilds_on_exit:
            start_rebuilds(visit)


def start_rebuilds(visit: Visit) -> None:
    """
    Start the background rebuilds `visit` asked for. The page cache calls this once the response has been
    sent (`website.page_cache`): starting a thread waits for it to begin running, and a new thread takes the
    interpreter for a moment, which cost a visitor's response about 11 ms for six rebuilds at 100,000 entries.
    """
    for rebuilding, build in visit.rebuilds_after:
        rebuilding.start(build)


def previous_version_served() -> bool:
    """Whether this request has been answered, in part, from a previous content version's value."""
    visit = _visit.get()
    return visit is not None and visit.previous_served


REBUILD_THREAD = "per-version rebuild"


class _BackgroundBuild:
    """At most one background thread at a time for one cached value."""

    def __init__(self):
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def start(self, build: Callable[[], None]) -> threading.Thread:
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(
                    target=_build_in_background, args=(build,), name=REBUILD_THREAD, daemon=True
                )
                self._thread.start()
            return self._thread


def _build_in_background(build: Callable[[], None]) -> None:
    try:
        build()
    except Exception:  # the next visitor's request starts another build; log why this one failed
        logger.exception("Rebuilding a per-process cache in the background failed")
    finally:
        connections.close_all()  # this thread's own connections: nothing else will close them


def _kept_unless_cleared(owner, version: int, compute: Callable, keep: Callable) -> Callable[[], None]:
    """A background build whose value `keep` stores at `version`, unless `owner` was cleared meanwhile."""
    generation = owner._generation

    def rebuild():
        with owner._read_as(version):
            value = compute()
        if owner._generation == generation:
            keep((version, value))

    return rebuild


def _rebuilt_or_previous(rebuilding: _BackgroundBuild, build, now: Callable, version: int, visit: Visit):
    """
    Start (or join) the background build and wait what the visit allows; with no time left to wait, start it
    once the response is made. Then answer with what is held.
    """
    if visit.wait > 0:
        waited = time.monotonic()
        rebuilding.start(build).join(visit.wait)
        visit.wait = max(0.0, visit.wait - (time.monotonic() - waited))
    else:
        visit.rebuilds_after.append((rebuilding, build))
    held_version, value = now()
    if held_version != version:
        visit.previous_served = True
    return value
