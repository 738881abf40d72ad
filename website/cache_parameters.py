"""
The query parameters each public page reads, so the page cache keys on those and nothing else.

A page is cached under its path and its parameters in a fixed order. A request that carries any
parameter its page does not read (`?utm_source=…`, `?x=1`, `?x=2`…) is served fresh and never stored:
otherwise every made-up parameter would be a new cache entry. A page missing from this table reads
no parameters: it is cached only when the query string is empty.

How each parameter is read decides how it is normalised:
  ONE  the page reads one value (`QueryDict.get`, the last one given): the key keeps that value only;
  SET  the page reads every value as a selection (facet filters): the key keeps them sorted, once each;
  LIST the page reads every value in the order given (columns to compare): the key keeps them as given.

The catalogue's addresses are not written here: editors may rename or move the catalogue page, so its
path and the paths of its routes (exports, feed: `catalogue.extensions`) are read from the page, once
per content version, and each reads the catalogue's search parameters.
"""

import json

from django.urls import NoReverseMatch

from catalogue.caches import per_content_version
from catalogue.models import CatalogueIndexPage
from catalogue.search.facets import FACETS_BY_PARAM
from evidencemap.filters import FILTER_NAMES
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


def parameters_for(path: str) -> dict[str, str]:
    """How the page at `path` reads each of its parameters (empty: it reads none)."""
    for pattern, parameters in PAGE_PARAMETERS:
        if pattern.endswith("/*") and path.startswith(pattern[:-1]) or path == pattern:
            return parameters
    data_page_path = data_page()[1]
    if data_page_path and path.startswith(data_page_path):
        return EXPLORER
    return CATALOGUE if path in catalogue_paths() else {}


def catalogue_paths() -> frozenset[str]:
    """The catalogue page's path and its routes' paths, as the page cache sees them (e.g. "/catalogue/feed/")."""
    return per_content_version("page-cache-catalogue-paths", _find_catalogue_paths)


def _find_catalogue_paths() -> frozenset[str]:
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


def normalised_query(path: str, query) -> str | None:
    """`query` (a QueryDict) as the page reads it, in a fixed order; None when it has a parameter the page
    does not read, so the response must not be stored."""
    parameters = parameters_for(path)
    if any(name not in parameters for name in query):
        return None
    read = []
    for name in sorted(query):
        values = query.getlist(name)
        if parameters[name] == ONE:
            values = values[-1:]
        elif parameters[name] == SET:
            values = sorted(set(values))
        read.append([name, values])
    # JSON, not "a=b&c=d": a value holding "&" or "=" must not collide with two parameters.
    return json.dumps(read, ensure_ascii=True)
