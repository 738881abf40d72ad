"""
Strict reading of catalogue parameters for machine readers (exports, feeds, the API).

The HTML catalogue ignores what it cannot use and says so on the page; a program has no page to
read, so here the same validation turns every such notice into a 400 whose messages are the
notices' error wording (`Notice.error`: what is wrong, not what was done instead).
"""

import json
from dataclasses import replace

from django.http import HttpResponse

from catalogue.search.engine import CatalogueResults, run_search
from catalogue.search.notices import Notice
from catalogue.search.query import CatalogueQuery
from catalogue.search.snapshot import Snapshot, get_snapshot


class BadParameters(Exception):
    """The request's parameters cannot be used as they are; `notices` says why, `messages` in words."""

    def __init__(self, notices: tuple[Notice, ...] | list[Notice]):
        self.notices = tuple(notices)
        self.messages = [notice.error for notice in self.notices]
        super().__init__("; ".join(self.messages))


def rejected(notices) -> list[Notice]:
    """The notices a machine reader answers with a 400 (not those that describe how words matched)."""
    return [notice for notice in notices if notice.rejects_request]


def strict_query(
    params, *, also_allowed: tuple[str, ...] = (), previous_while_rebuilding: bool = False
) -> tuple[CatalogueQuery, Snapshot]:
    """
    The validated search for `params` (a QueryDict), or BadParameters. A valid `page` is accepted
    everywhere (so a catalogue URL can be reused as it is) but only the API uses it.
    `previous_while_rebuilding`: see `get_snapshot`; only to check parameters, or for a caller that shows
    `run_search`'s `page_ids`, which are checked against the database (not `ordered_ids`, which exports and
    feeds list whole).
    """
    snapshot = get_snapshot(previous_while_rebuilding)
    params = params.copy()
    for name in also_allowed:
        params.pop(name, None)
    query = CatalogueQuery.from_params(params, snapshot.known_values())
    problems = rejected(query.notices)
    if problems:
        raise BadParameters(problems)
    return query, snapshot


def matching_ids(query: CatalogueQuery, snapshot: Snapshot) -> CatalogueResults:
    """Every matching entry id in the catalogue page's order (only one entry is loaded)."""
    return run_search(replace(query, page=1), snapshot, page_size=1)


def bad_request(error: BadParameters, *, as_json: bool = True) -> HttpResponse:
    if as_json:
        body = json.dumps({"message": "Some parameters cannot be used.", "errors": error.messages}, ensure_ascii=False)
        return HttpResponse(body, status=400, content_type="application/json; charset=utf-8")
    text = "Some parameters cannot be used:\n" + "\n".join(f"- {m}" for m in error.messages) + "\n"
    return HttpResponse(text, status=400, content_type="text/plain; charset=utf-8")
