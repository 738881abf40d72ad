"""
The query parameters each public page reads, so the page cache keys on those and nothing else.

A page is cached under its path and its parameters in a fixed order. A request that carries any
parameter its page does not read (`?utm_source=…`, `?x=1`, `?x=2`…) is served fresh and never stored:
otherwise every made-up parameter would be a new cache entry. A page missing from this table reads
no parameters: it is cached only when the query string is empty.

Only known values are cached (issue 25, N8): a facet or filter value the page does not know, a sort it
does not offer, a page number out of range, an entry that is not in the catalogue, or search text (`q`)
with a word the catalogue never uses (or a number, or more than MAX_CACHED_WORDS words) makes the request
served fresh and never stored, so junk values of real parameters cannot each make a cache entry either.
The `*_CHECKS` tables below say what is known.

How each parameter is read decides how it is normalised:
  ONE  the page reads one value (`QueryDict.get`, the last one given): the key keeps that value only;
  SET  the page reads every value as a selection (facet filters): the key keeps them sorted, once each;
  LIST the page reads every value in the order given (columns to compare): the key keeps them as given.

The catalogue's addresses are not written here: editors may rename or move the catalogue page, so its
path and the paths of its routes (exports, feed: `catalogue.extensions`) are read from the page, once
per content version, and each reads the catalogue's search parameters.
"""

import json
from collections.abc import Callable

import numpy as np
from django.urls import NoReverseMatch

from catalogue.caches import visitor_list
from catalogue.io.numbers import parse_int
from catalogue.models import CatalogueIndexPage
from catalogue.search.facets import FACETS_BY_PARAM, SORTS
from catalogue.search.known_words import known_words_for
from catalogue.search.snapshot import get_snapshot
from catalogue.search.words import STOP_WORDS, words_of
from evidencemap.filters import FILTER_NAMES
from evidencemap.filters import known_values as map_known_values
from explorer.links import data_page

ONE, SET, LIST = "one", "set", "list"

CATALOGUE = {"q": ONE, "sort": ONE, "page": ONE, **dict.fromkeys(FACETS_BY_PARAM, SET)}
EVIDENCE_MAP = {**dict.fromkeys(FILTER_NAMES, SET), "page": ONE}
# Every page of the data wing (beneath the data page, wherever editors put it) reads the same three.
EXPLORER = {"dataset": ONE, "year": ONE, "download": ONE}

# The site's own views, at the addresses website/urls.py gives them: (path, parameters); a path ending
# in "/" with a "*" after it covers everything below it. Wagtail pages come after these in the URL
# patterns, so a catalogue renamed to one of these addresses would not be served there anyway.
PAGE_PARAMETERS = [
    ("/api/v1/*", {**CATALOGUE, "page_size": ONE}),
    ("/compare/", {"entry": LIST}),
    ("/evidence-map/", EVIDENCE_MAP),
    ("/evidence-map/table/", EVIDENCE_MAP),
    ("/evidence-map/evidence-map.csv", EVIDENCE_MAP),
    ("/evidence-map/references/", {**EVIDENCE_MAP, "intervention": ONE, "outcome": ONE}),
]


MAX_CACHED_PAGE = 500  # later pages of a result list are served fresh
MAX_CACHED_WORDS = 8


def _number(minimum: int, maximum: int) -> Callable[[str], bool]:
    return lambda value: value.isascii() and value.isdigit() and parse_int(value, minimum=minimum, maximum=maximum)


def _catalogue_value(param: str) -> Callable[[str], bool]:
    return lambda value: value in get_snapshot(previous_while_rebuilding=True).known_values().get(param, ())


def _map_values() -> dict[str, frozenset[str]]:
    return {param: frozenset(value for value, _ in values) for param, values in map_known_values().items()}


map_values = visitor_list("page-cache-map-values", _map_values)


def _map_value(param: str) -> Callable[[str], bool]:
    return lambda value: value in map_values()[param]


def _published_entry(value: str) -> bool:
    number = parse_int(value, minimum=1) if value.isascii() and value.isdigit() else None
    return number is not None and bool(
        get_snapshot(previous_while_rebuilding=True).locate(np.array([number], dtype=np.int64))[1][0]
    )


def _slug(value: str) -> bool:
    return 0 < len(value) <= 100 and value.isascii() and all(c.isalnum() or c in "-_" for c in value)


def _known_words(text: str) -> bool:
    """
    Search text of at most MAX_CACHED_WORDS words, each one the catalogue uses (or a common word).
    Asked of the vocabularies and the search index, remembered per content version (`known_words.py`):
    not the spelling lexicon, which reads every entry's title and summary (seconds at 100,000 entries)
    and so made the first search after each publish the slowest request of all.
    """
    words = words_of(text)
    if len(text) > 100 or len(words) > MAX_CACHED_WORDS:
        return False
    if any(word.isdigit() for word in words):
        return False
    asked = [word for word in words if word not in STOP_WORDS]
    return not asked or known_words_for(get_snapshot(previous_while_rebuilding=True))(asked) >= set(asked)


def _never(value: str) -> bool:
    return False


# The values each parameter may take for its page to be cached.
CATALOGUE_CHECKS = {
    "q": _known_words,
    "sort": lambda value: value in SORTS,
    "page": _number(1, MAX_CACHED_PAGE),
    **{param: _catalogue_value(param) for param in FACETS_BY_PARAM},
}
EVIDENCE_MAP_CHECKS = {"page": _number(1, MAX_CACHED_PAGE), **{param: _map_value(param) for param in FILTER_NAMES}}
EXPLORER_CHECKS = {"dataset": _never, "year": _number(1990, 2100), "download": _slug}
OTHER_CHECKS = {
    "page_size": _number(1, 100),
    "entry": _published_entry,
    "intervention": _number(1, 10**12),
    "outcome": _slug,
}


def _checks_for(parameters: dict[str, str]) -> dict[str, Callable[[str], bool]]:
    """The catalogue's checks for pages that read its parameters (the API too), the map's for the map's."""
    for table, checks in ((CATALOGUE, CATALOGUE_CHECKS), (EVIDENCE_MAP, EVIDENCE_MAP_CHECKS)):
        if all(name in parameters for name in table):
            return {**OTHER_CHECKS, **checks}
    return {**OTHER_CHECKS, **EXPLORER_CHECKS} if parameters is EXPLORER else OTHER_CHECKS


def known_value(parameters: dict[str, str], name: str, value: str) -> bool:
    """Whether `value` of `name` is one the page at hand knows, so its response may be cached."""
    check = _checks_for(parameters).get(name)
    return bool(check and check(value))


def parameters_for(path: str) -> dict[str, str]:
    """How the page at `path` reads each of its parameters (empty: it reads none)."""
    for pattern, parameters in PAGE_PARAMETERS:
        if pattern.endswith("/*") and path.startswith(pattern[:-1]) or path == pattern:
            return parameters
    data_page_path = data_page()[1]
    if data_page_path and path.startswith(data_page_path):
        return EXPLORER
    return CATALOGUE if path in catalogue_paths() else {}


def _find_catalogue_paths() -> frozenset[str]:
    """The catalogue page's path and its routes' paths, as the page cache sees them (e.g. "/catalogue/feed/")."""
    catalogue = CatalogueIndexPage.objects.live().first()
    parts = catalogue.get_url_parts() if catalogue else None
    if not parts or parts[2] is None:
        return frozenset()
    base = parts[2]  # relative to its site's root, as request.path is
    routes = set()
    for name in filter(None, (route.name for route in CatalogueIndexPage.get_subpage_urls())):
        try:
            routes.add(catalogue.reverse_subpage(name))
        except NoReverseMatch:
            continue  # a route with arguments (none today) reads no search parameters
    return frozenset(base + route for route in routes)


catalogue_paths = visitor_list("page-cache-catalogue-paths", _find_catalogue_paths)


def normalised_query(path: str, query) -> str | None:
    """`query` (a QueryDict) as the page reads it, in a fixed order; None when it has a parameter the page
    does not read, so the response must not be stored."""
    parameters = parameters_for(path)
    if any(name not in parameters for name in query):
        return None
    read = []
    for name in sorted(query):
        values = query.getlist(name)
        if not all(known_value(parameters, name, value) for value in values):
            return None
        if parameters[name] == ONE:
            values = values[-1:]
        elif parameters[name] == SET:
            values = sorted(set(values))
        read.append([name, values])
    # JSON, not "a=b&c=d": a value holding "&" or "=" must not collide with two parameters.
    return json.dumps(read, ensure_ascii=True)
