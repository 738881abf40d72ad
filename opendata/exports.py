"""
CSV and JSON exports of any catalogue search, streamed, with the catalogue page's filters.

An export holds at most ROW_LIMIT rows (the first ROW_LIMIT in the page's order); the
`X-Total-Count` header (and the JSON's `total`) give the full number of matches and
`X-Export-Truncated: true` says when rows were left out, so nobody mistakes a cut list for all.

The rows are the records the task worker prepared for this content version (export_store.py): a request
only searches and copies lines. Until the worker has prepared them after a publish, an export answers
503 "being prepared" with Retry-After.
"""

import json
from itertools import islice

from django.http import HttpResponse, StreamingHttpResponse
from django.views.decorators.http import require_GET

from catalogue.io.built_files import being_prepared

from .export_store import RETRY_SECONDS, current_records
from .params import BadParameters, bad_request, matching_ids, strict_query

ROW_LIMIT = 5000


def _being_prepared(as_json: bool) -> HttpResponse:
    message = "The export is being prepared after a change to the catalogue. Please try again in a few seconds."
    return being_prepared(message, RETRY_SECONDS, as_json)


def _prepare(request, as_json: bool):
    """
    (query, total, ids, records) for the export, or the response that answers instead: 400 for parameters
    that cannot be used, 503 until the worker has built this version's records. The parameters are checked
    first against whichever snapshot the process holds, so that a request after a publish is told "being
    prepared" without waiting for the current snapshot to be built (seconds at 100,000 entries).
    """
    try:
        strict_query(request.GET, previous_while_rebuilding=True)
        records = current_records()
        if records is None:
            return _being_prepared(as_json)
        query, snapshot = strict_query(request.GET)
    except BadParameters as error:
        return bad_request(error, as_json=as_json)
    results = matching_ids(query, snapshot)
    return query, results.total, results.ordered_ids[:ROW_LIMIT], records


LINES_PER_CHUNK = 500


def _in_chunks(parts):
    """
    The export's lines (UTF-8 bytes) joined into a few large chunks: each chunk a streamed response yields is
    one write to the client, and 5,000 one-line writes took longer than finding and reading the 5,000 rows (at
    100,000 entries, the broad export was 12.9 times the home page through gunicorn).
    """
    parts = iter(parts)
    while batch := list(islice(parts, LINES_PER_CHUNK)):
        yield b"".join(batch)


def _headers(response, total: int, shown: int, filename: str):
    response["X-Total-Count"] = str(total)
    response["X-Row-Limit"] = str(ROW_LIMIT)
    response["X-Export-Truncated"] = "true" if shown < total else "false"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
def export_csv(request):
    prepared = _prepare(request, as_json=False)
    if isinstance(prepared, HttpResponse):
        return prepared
    query, total, ids, records = prepared

    def rows():
        yield "\ufeff".encode()  # byte-order mark: spreadsheet programs then read the file as UTF-8
        yield records.header.encode()
        yield from records.lines(ids, "csv")

    response = StreamingHttpResponse(_in_chunks(rows()), content_type="text/csv; charset=utf-8")
    return _headers(response, total, len(ids), "catalogue-export.csv")


@require_GET
def export_json(request):
    prepared = _prepare(request, as_json=True)
    if isinstance(prepared, HttpResponse):
        return prepared
    query, total, ids, records = prepared
    head = {
        "query": dict(_query_description(query)),
        "total": total,
        "row_limit": ROW_LIMIT,
        "truncated": len(ids) < total,
    }

    def chunks():
        yield (json.dumps(head, ensure_ascii=False)[:-1] + ', "entries": [').encode()
        for position, line in enumerate(records.lines(ids, "json")):
            yield b"," + line if position else line
        yield b"]}\n"

    response = StreamingHttpResponse(_in_chunks(chunks()), content_type="application/json; charset=utf-8")
    return _headers(response, total, len(ids), "catalogue-export.json")


def _query_description(query):
    yield "q", query.text
    for param, values in query.filters.items():
        yield param, list(values)
    yield "sort", query.sort
