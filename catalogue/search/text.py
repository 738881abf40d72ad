"""
Full-text matching for the catalogue, scored in a single pass over the search backend's index.

Wagtail's database backend ranks results with a correlated subquery per candidate page, which
re-scans the full-text matches for every page (quadratic for broad queries: ~2.5 s at 10,000
entries). Here the backend's own index table is queried once: one statement returns every
matching entry id with its score. Indexing stays Wagtail's (signals, `update_index`).
Other backends (OpenSearch, Elasticsearch) already rank in one pass, so they go through
Wagtail's ordinary `.search()`.
"""

import re

from django.db import connection
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from ..models.entries import ENTRY_TYPES

MAX_TERMS = 12
MAX_MATCHES = 100_000
WORD = re.compile(r"\w+", re.UNICODE)


class TextSearchUnavailable(Exception):
    """The search backend failed; the catalogue can still filter without text search."""


def search_terms(text: str) -> list[str]:
    """The words of a query, lower-cased and de-duplicated; punctuation and operators dropped."""
    terms = []
    for word in WORD.findall(text.casefold()):
        word = word.replace("_", "")
        if word and word not in terms:
            terms.append(word)
    return terms[:MAX_TERMS]


def match_entries(text: str) -> dict[int, float]:
    """Every indexed entry (any status) matching all words of `text`, with a relevance score."""
    terms = search_terms(text)
    if not terms:
        return {}
    backend = get_search_backend()
    try:
        if _uses_database_index(backend) and connection.vendor == "sqlite":
            return _match_sqlite(terms)
        if _uses_database_index(backend) and connection.vendor == "postgresql":
            return _match_postgres(terms, backend.config or "english")
        return _match_with_backend(backend, text)
    except Exception as error:  # any backend failure: degrade to filtering only
        raise TextSearchUnavailable(str(error)) from error


def _uses_database_index(backend) -> bool:
    return type(backend).__module__.startswith("modelsearch.backends.database")


def _entry_content_type_ids() -> list[int]:
    from django.contrib.contenttypes.models import ContentType

    return [ct.pk for ct in ContentType.objects.get_for_models(*ENTRY_TYPES.values()).values()]


def _match_sqlite(terms: list[str]) -> dict[int, float]:
    # Each term is quoted (so FTS5 operators in the input are inert) and prefix-matched
    # ("assess" finds "assessment"). bm25 weights follow the FTS columns: autocomplete, body, title.
    match = " AND ".join('"{}"*'.format(term.replace('"', "")) for term in terms)
    content_types = _entry_content_type_ids()
    table = IndexEntry._meta.db_table
    sql = (
        f"SELECT e.object_id, -bm25({table}_fts, 0.0, 1.0, 4.0) "
        f"FROM {table}_fts JOIN {table} e ON e.id = {table}_fts.rowid "
        f"WHERE {table}_fts MATCH %s AND e.content_type_id IN ({', '.join(['%s'] * len(content_types))}) "
        f"LIMIT {MAX_MATCHES}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [match, *content_types])
        return {int(object_id): float(score) for object_id, score in cursor.fetchall()}


def _match_postgres(terms: list[str], config: str) -> dict[int, float]:
    # Terms become prefix lexemes; to_tsquery applies the same stemming as indexing. Wagtail keeps
    # separate GIN indexes on `title` and `body`, so candidates are found through them with "any
    # term" (a bitmap OR), and only those are checked for every term across both columns.
    all_terms = " & ".join(f"{term}:*" for term in terms)
    any_term = " | ".join(f"{term}:*" for term in terms)
    content_types = _entry_content_type_ids()
    table = IndexEntry._meta.db_table
    sql = (
        f"SELECT object_id, ts_rank(setweight(title, 'A') || body, query) "
        f"FROM {table}, to_tsquery(%s::regconfig, %s) query, to_tsquery(%s::regconfig, %s) candidates "
        f"WHERE content_type_id = ANY(%s) AND (title @@ candidates OR body @@ candidates) "
        f"AND (title || body) @@ query "
        f"LIMIT {MAX_MATCHES}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [config, all_terms, config, any_term, content_types])
        return {int(object_id): float(score) for object_id, score in cursor.fetchall()}


def _match_with_backend(backend, text: str) -> dict[int, float]:
    from ..models import EntryPage

    results = backend.search(text, EntryPage.objects.live()).annotate_score("_score")[:MAX_MATCHES]
    return {page.pk: float(page._score or 0.0) for page in results}
