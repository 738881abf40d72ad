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
"""

import json

from catalogue.search.facets import FACETS_BY_PARAM
from evidencemap.filters import FILTER_NAMES

ONE, SET, LIST = "one", "set", "list"

CATALOGUE = {"q": ONE, "sort": ONE, "page": ONE, **dict.fromkeys(FACETS_BY_PARAM, SET)}
EVIDENCE_MAP = {**dict.fromkeys(FILTER_NAMES, SET), "page": ONE}
# The data explorer and the family-justice pages under /data/ read the same three.
EXPLORER = {"dataset": ONE, "year": ONE, "download": ONE}

# (path, parameters); a path ending in "/" with a "*" after it covers everything below it.
PAGE_PARAMETERS = [
    ("/catalogue/", CATALOGUE),
    ("/catalogue/export.csv", CATALOGUE),
    ("/catalogue/export.json", CATALOGUE),
    ("/catalogue/feed/", CATALOGUE),
    ("/api/v1/*", {**CATALOGUE, "page_size": ONE}),
    ("/compare/", {"entry": LIST}),
    ("/evidence-map/", EVIDENCE_MAP),
    ("/evidence-map/table/", EVIDENCE_MAP),
    ("/evidence-map/evidence-map.csv", EVIDENCE_MAP),
    ("/evidence-map/references/", {**EVIDENCE_MAP, "intervention": ONE, "outcome": ONE}),
    ("/data/*", EXPLORER),
]


def parameters_for(path: str) -> dict[str, str]:
    """How the page at `path` reads each of its parameters (empty: it reads none)."""
    for pattern, parameters in PAGE_PARAMETERS:
        if pattern.endswith("/*") and path.startswith(pattern[:-1]) or path == pattern:
            return parameters
    return {}


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
