"""
CSV and JSON exports of any catalogue search, streamed, with the catalogue page's filters.

An export holds at most ROW_LIMIT rows (the first ROW_LIMIT in the page's order); the
`X-Total-Count` header (and the JSON's `total`) give the full number of matches and
`X-Export-Truncated: true` says when rows were left out, so nobody mistakes a cut list for all.
"""

import csv
import json

from django.http import StreamingHttpResponse
from django.views.decorators.http import require_GET

from .params import BadParameters, bad_request, matching_ids, strict_query
from .records import RecordBuilder, csv_row

ROW_LIMIT = 5000


class _Echo:
    """csv.writer writes to this and gets each line back, so rows can be streamed."""

    def write(self, value):
        return value


def _prepare(request):
    query, snapshot = strict_query(request.GET)
    results = matching_ids(query, snapshot)
    ids = results.ordered_ids[:ROW_LIMIT]
    return query, results.total, ids


def _headers(response, total: int, shown: int, filename: str):
    response["X-Total-Count"] = str(total)
    response["X-Row-Limit"] = str(ROW_LIMIT)
    response["X-Export-Truncated"] = "true" if shown < total else "false"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
def export_csv(request):
    try:
        query, total, ids = _prepare(request)
    except BadParameters as error:
        return bad_request(error, as_json=False)
    builder = RecordBuilder(request)
    writer = csv.writer(_Echo())

    def rows():
        yield "\ufeff"  # byte-order mark: spreadsheet programs then read the file as UTF-8
        yield writer.writerow(builder.csv_columns)
        for record in builder.stream(ids):
            yield writer.writerow(csv_row(record, builder.csv_columns))

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    return _headers(response, total, len(ids), "catalogue-export.csv")


@require_GET
def export_json(request):
    try:
        query, total, ids = _prepare(request)
    except BadParameters as error:
        return bad_request(error)
    builder = RecordBuilder(request)
    head = {
        "query": dict(_query_description(query)),
        "total": total,
        "row_limit": ROW_LIMIT,
        "truncated": len(ids) < total,
    }

    def chunks():
        yield json.dumps(head, ensure_ascii=False)[:-1] + ', "entries": ['
        for position, record in enumerate(builder.stream(ids)):
            yield ("," if position else "") + json.dumps(record, ensure_ascii=False)
        yield "]}\n"

    response = StreamingHttpResponse(chunks(), content_type="application/json; charset=utf-8")
    return _headers(response, total, len(ids), "catalogue-export.json")


def _query_description(query):
    yield "q", query.text
    for param, values in query.filters.items():
        yield param, list(values)
    yield "sort", query.sort
