"""
Figures worked out once per data version in each web process, rather than on every request.

Every figure of the data wing is a function of the loaded data and of its arguments only, and the data change
only with a load or an edit of the data wing's rows, which move the data version on
(explorer/models/data_version.py). Some take a visitor's request hundreds of milliseconds to work out (every
family justice area pooled: 0.3 s; a board report: 1.3 s), and a page that is not in the page cache (a parameter
it does not know, an editor's session, the first request after any publish) paid that on every request.
Decorated with `kept_per_data_version`, a function is worked out on its first call for each argument tuple and
data version; after a load, a visitor is answered from the previous version's value while the new one is worked
out in the background. A publish in the catalogue leaves them as they are: they used to follow the site's content
version, and the first request for a board report after each publish took 1.3 s.

The version is the data's number and the data page's address, since kept charts hold links beneath that page: a
renamed page is a new version. The data's number is read once per content version (any change to the data moves
that too).

`kept_for_recent_arguments(most)` is the same for the pages drawn per place (an authority's profile, an area's
board report): about 0.5 MB of charts each, so keeping every authority's would add about 100 MB to each web
process once a crawler has visited them all. It keeps only the `most` most recently asked for in each version.

Only for functions whose arguments a request has already checked against the data (a year the data hold,
an area that exists), so that the number of values kept is bounded by the data, never by what visitors send;
whose results no caller changes (they are shared by every request until the version moves); and which read
nothing but the data wing's rows, local authorities and regions (explorer/signals.py).
"""

import functools
import threading
from collections.abc import Callable
from contextlib import contextmanager
from typing import ParamSpec, TypeVar

from catalogue.caches import RecentValues, VersionedCache, per_content_version, register
from catalogue.models import ContentVersion

from ..links import data_home_url
from ..models import DataVersion

RECENT_PLACES = 12  # authorities' profiles or areas' reports each web process keeps, about 0.5 MB each

P = ParamSpec("P")
T = TypeVar("T")


class _Pinned(threading.local):
    version: tuple[int, str] | None = None  # the version a background rebuild works at


_pinned = _Pinned()


def data_version() -> tuple[int, str]:
    """The data's number (read once per content version) and the data page's address."""
    if _pinned.version is not None:
        return _pinned.version
    return per_content_version(("data version",), DataVersion.current), data_home_url()


@contextmanager
def _read_as(version: tuple[int, str]):
    """A background rebuild's context: this data version, and the content version of now (read once)."""
    with ContentVersion.read_as(ContentVersion.current()):
        held, _pinned.version = _pinned.version, version
        try:
            yield
        finally:
            _pinned.version = held


_figures = register("data wing figures", VersionedCache(version=data_version, read_as=_read_as))


def kept_per_data_version(figure: Callable[P, T]) -> Callable[P, T]:
    """`figure(*args)`, worked out once per data version and process, by its (hashable) arguments."""
    name = f"{figure.__module__}.{figure.__qualname__}"

    @functools.wraps(figure)
    def kept(*args: P.args, **kwargs: P.kwargs) -> T:
        key = (name, _arguments(args, kwargs))
        return _figures.get(key, lambda: figure(*args, **kwargs), previous_while_rebuilding=True)

    return kept


def kept_for_recent_arguments(most: int):
    """Like `kept_per_data_version`, but keeping only the `most` argument tuples last asked for in each version."""

    def decorate(figure: Callable[P, T]) -> Callable[P, T]:
        name = f"{figure.__module__}.{figure.__qualname__}"

        @functools.wraps(figure)
        def kept(*args: P.args, **kwargs: P.kwargs) -> T:
            recent = _figures.get(("recent", name), lambda: RecentValues(most))  # one a version
            return recent.get(_arguments(args, kwargs), lambda: figure(*args, **kwargs))

        return kept

    return decorate


def _arguments(args: tuple, kwargs: dict) -> tuple:
    """A call's arguments as one hashable key, whatever order its keywords came in."""
    return args, tuple(sorted(kwargs.items()))
