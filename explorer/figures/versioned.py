"""
Figures worked out once per content version in each web process, rather than on every request.

Every figure of the data wing is a function of the loaded data and of its arguments only, and the data change
only with a load, which moves the content version on (explorer.loading). Some take a visitor's request
hundreds of milliseconds to work out (every family justice area pooled: 0.3 s; the relationships page's 21
scatters: 0.6 s), and a page that is not in the page cache (a parameter it does not know, an editor's session)
paid that on every request. Decorated with `kept_per_content_version`, a function is worked out on its first
call for each argument tuple and version (catalogue.caches.per_content_version); after a publish or a load,
a visitor is answered from the previous version's value while the new one is worked out in the background.

`kept_for_recent_arguments(most)` is the same for the pages drawn per place (an authority's profile, an area's
board report): about 0.5 MB of charts each, so keeping every authority's would add about 100 MB to each web
process once a crawler has visited them all. It keeps only the `most` most recently asked for in each version.

Only for functions whose arguments a request has already checked against the data (a year the data hold,
an area that exists), so that the number of values kept is bounded by the data, never by what visitors send;
and whose results no caller changes (they are shared by every request until the version moves).
"""

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from catalogue.caches import RecentValues, per_content_version

RECENT_PLACES = 12  # authorities' profiles or areas' reports each web process keeps, about 0.5 MB each

P = ParamSpec("P")
T = TypeVar("T")


def kept_per_content_version(figure: Callable[P, T]) -> Callable[P, T]:
    """`figure(*args)`, worked out once per content version and process, by its (hashable) arguments."""
    name = f"{figure.__module__}.{figure.__qualname__}"

    @functools.wraps(figure)
    def kept(*args: P.args, **kwargs: P.kwargs) -> T:
        key = ("data wing", name, _arguments(args, kwargs))
        return per_content_version(key, lambda: figure(*args, **kwargs), previous_while_rebuilding=True)

    return kept


def kept_for_recent_arguments(most: int):
    """Like `kept_per_content_version`, but keeping only the `most` argument tuples last asked for in each version."""

    def decorate(figure: Callable[P, T]) -> Callable[P, T]:
        name = f"{figure.__module__}.{figure.__qualname__}"

        @functools.wraps(figure)
        def kept(*args: P.args, **kwargs: P.kwargs) -> T:
            recent = per_content_version(("data wing, recent", name), lambda: RecentValues(most))  # one a version
            return recent.get(_arguments(args, kwargs), lambda: figure(*args, **kwargs))

        return kept

    return decorate


def _arguments(args: tuple, kwargs: dict) -> tuple:
    """A call's arguments as one hashable key, whatever order its keywords came in."""
    return args, tuple(sorted(kwargs.items()))
