"""
Strict reading of catalogue parameters for machine readers (exports, feeds, the API).

The HTML catalogue ignores what it cannot use and says so on the page; a program has no page to
read, so here the same validation turns every such notice into a 400 with the messages.
"""

import json
import re

from django.http import HttpResponse

from catalogue.search.engine import CatalogueResults, run_search
from catalogue.search.query import CatalogueQuery
from catalogue.search.snapshot import Snapshot, get_snapshot

# The page's notices say what it did instead ("…was ignored"); a 400 does nothing instead.
AS_ERRORS = [
    (re.compile(r",? (so it was|and were) ignored([.:])"), r"\2"),
    (re.compile(r"; showing the first page\.$"), "."),
    (re.compile(r"; results are in the default order\.$"), "."),
    (
        re.compile(r"^Your search was shortened to its first (\d+) characters\.$"),
        r"Search words are limited to \1 characters.",
    ),
    (re.compile(r"; showing page (\d+), the last\.$"), r"; the last page is \1."),
]


def as_error(notice: str) -> str:
    for pattern, replacement in AS_ERRORS:
        notice = pattern.sub(replacement, notice)
    return notice


class BadParameters(Exception):
    """The request's parameters cannot be used as they are; `messages` says why."""

    def __init__(self, messages: list[str]):
        self.messages = [as_error(message) for message in messages]
        super().__init__("; ".join(self.messages))


def strict_query(params, *, also_allowed: tuple[str, ...] = ()) -> tuple[CatalogueQuery, Snapshot]:
    """
    The validated search for `params` (a QueryDict), or BadParameters. A valid `page` is accepted
    everywhere (so a catalogue URL can be reused as it is) but only the API uses it.
    """
    snapshot = get_snapshot()
    params = params.copy()
    for name in also_allowed:
        params.pop(name, None)
    query = CatalogueQuery.from_params(params, snapshot.known_values())
    if query.notices:
        raise BadParameters(query.notices)
    return query, snapshot


def matching_ids(query: CatalogueQuery, snapshot: Snapshot) -> CatalogueResults:
    """Every matching entry id in the catalogue page's order (only one entry is loaded)."""
    query.page = 1
    return run_search(query, snapshot, page_size=1)


def bad_request(error: BadParameters, *, as_json: bool = True) -> HttpResponse:
    if as_json:
        body = json.dumps({"message": "Some parameters cannot be used.", "errors": error.messages}, ensure_ascii=False)
        return HttpResponse(body, status=400, content_type="application/json; charset=utf-8")
    text = "Some parameters cannot be used:\n" + "\n".join(f"- {m}" for m in error.messages) + "\n"
    return HttpResponse(text, status=400, content_type="text/plain; charset=utf-8")
