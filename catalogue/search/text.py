"""
Full-text matching for the catalogue, scored in a single pass over the search backend's index.

Wagtail's database backend ranks results with a correlated subquery per candidate page, which
re-scans the full-text matches for every page (quadratic for broad queries: ~2.5 s at 10,000
entries). Here the backend's own index table is queried once: one statement returns every
matching entry id with its score. Indexing stays Wagtail's (signals, `update_index`).
Other backends (OpenSearch, Elasticsearch) already rank in one pass, so they go through
Wagtail's ordinary `.search()`.
"""

import os

from django.db import connection
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from ..models.entries import ENTRY_TYPES
from .vocabulary import TextPlan
from .words import MIN_PREFIX_LENGTH, prefix_forms

MAX_MATCHES = 100_000
TYPED_WEIGHT = 3.0


class TextSearchUnavailable(Exception):
    """The search backend failed; the catalogue can still filter without text search."""


def match_entries(plan: TextPlan, text: str = "") -> dict[int, float]:
    """Every indexed entry (any status) matching every concept of `plan`, with a relevance score."""
    if not plan.concepts:
        return {}
    backend = get_search_backend()
    try:
        # With synonyms, the words as typed are matched again in the same statement, and entries
        # having them score twice: a synonym widens the search without outranking the words typed.
        plans = [plan] + ([plan.as_typed] if plan.as_typed else [])
        if _uses_database_index(backend) and connection.vendor == "sqlite":
            return _summed(_rows_sqlite([fts5_expression(p) for p in plans], tagged=True))
        if _uses_database_index(backend) and connection.vendor == "postgresql":
            return _summed(
                _rows_postgres([tsquery_expressions(p) for p in plans], backend.config or "english", tagged=True)
            )
        return _match_with_backend(backend, text or " ".join(plan.words))
    except Exception as error:  # any backend failure: degrade to filtering only
        raise TextSearchUnavailable(str(error)) from error


def match_most_concepts(plan: TextPlan) -> tuple[dict[int, float], int]:
    """
    For a search no entry fully matches ("care leavers becoming parents"): the entries matching the
    most of its concepts, with that number. One statement (a UNION ALL, one branch a concept), so a
    search costs at most two queries however many words it has.
    """
    backend = get_search_backend()
    if not _uses_database_index(backend) or connection.vendor not in ("sqlite", "postgresql"):
        return {}, 0
    singles = [TextPlan((concept,)) for concept in plan.concepts]
    try:
        if connection.vendor == "sqlite":
            rows = _rows_sqlite([fts5_expression(single) for single in singles])
        else:
            rows = _rows_postgres([tsquery_expressions(single) for single in singles], backend.config or "english")
    except Exception as error:
        raise TextSearchUnavailable(str(error)) from error
    concepts_found: dict[int, int] = {}
    scores: dict[int, float] = {}
    for object_id, score in rows:
        concepts_found[object_id] = concepts_found.get(object_id, 0) + 1
        scores[object_id] = scores.get(object_id, 0.0) + score
    most = max(concepts_found.values(), default=0)
    return {pk: scores[pk] for pk, found in concepts_found.items() if found == most}, most


def fts5_expression(plan: TextPlan) -> str:
    """The plan in FTS5's query language. Every word is quoted, so operators typed are inert."""

    def phrase(words) -> str:
        if len(words) == 1:
            forms = prefix_forms(words[0])
            return " OR ".join(f'"{form}"*' for form in forms) if forms else f'"{words[0]}"'
        return " + ".join(_phrase_word(word, '"{}"*', '"{}"') for word in words)

    return " AND ".join(
        "(" + " OR ".join(f"({phrase(p.words)})" for p in concept.phrases) + ")" for concept in plan.concepts
    )


def tsquery_expressions(plan: TextPlan) -> tuple[str, str]:
    """(the plan, any of its words) for PostgreSQL's to_tsquery, which stems with the same Snowball."""

    def phrase(words) -> str:
        return "(" + " <-> ".join(_phrase_word(word, "{}:*", "{}", stemmed=False) for word in words) + ")"

    whole = " & ".join("(" + " | ".join(phrase(p.words) for p in concept.phrases) + ")" for concept in plan.concepts)
    words = {word for concept in plan.concepts for p in concept.phrases for word in p.words}
    any_word = " | ".join(_phrase_word(word, "{}:*", "{}", stemmed=False) for word in sorted(words))
    return whole, any_word


def _phrase_word(word: str, prefix: str, exact: str, stemmed: bool = True) -> str:
    forms = prefix_forms(word)
    if not forms:
        return exact.format(word)
    if not stemmed:  # PostgreSQL stems the word itself
        return prefix.format(word)
    common = os.path.commonprefix(forms)  # one form per position in an FTS5 phrase
    return prefix.format(common) if len(common) >= MIN_PREFIX_LENGTH else exact.format(word)


def _uses_database_index(backend) -> bool:
    return type(backend).__module__.startswith("modelsearch.backends.database")


def _entry_content_type_ids() -> list[int]:
    from django.contrib.contenttypes.models import ContentType

    return [ct.pk for ct in ContentType.objects.get_for_models(*ENTRY_TYPES.values()).values()]


def _summed(rows) -> dict[int, float]:
    """Scores summed per entry; a match of the words as typed (branch 1) counts TYPED_WEIGHT times."""
    scores: dict[int, float] = {}
    for object_id, score, branch in rows:
        scores[object_id] = scores.get(object_id, 0.0) + score * (TYPED_WEIGHT if branch else 1.0)
    return scores


def _rows_sqlite(matches: list[str], tagged: bool = False) -> list[tuple]:
    # bm25 weights follow the FTS columns: autocomplete, body, title.
    content_types = _entry_content_type_ids()
    table = IndexEntry._meta.db_table
    select = (
        f"SELECT * FROM (SELECT e.object_id, -bm25({table}_fts, 0.0, 1.0, 4.0), %s "
        f"FROM {table}_fts JOIN {table} e ON e.id = {table}_fts.rowid "
        f"WHERE {table}_fts MATCH %s AND e.content_type_id IN ({', '.join(['%s'] * len(content_types))}) "
        f"LIMIT {MAX_MATCHES})"
    )
    with connection.cursor() as cursor:
        cursor.execute(
            " UNION ALL ".join([select] * len(matches)),
            [value for branch, match in enumerate(matches) for value in (branch, match, *content_types)],
        )
        rows = [(int(object_id), float(score), branch) for object_id, score, branch in cursor.fetchall()]
    return rows if tagged else [row[:2] for row in rows]


def _rows_postgres(expressions: list[tuple[str, str]], config: str, tagged: bool = False) -> list[tuple]:
    # Words become prefix lexemes; to_tsquery applies the same stemming as indexing. Wagtail keeps
    # separate GIN indexes on `title` and `body`, so candidates are found through them with "any
    # word" (a bitmap OR), and only those are checked for the whole plan across both columns.
    content_types = _entry_content_type_ids()
    table = IndexEntry._meta.db_table
    select = (
        f"(SELECT object_id, ts_rank(setweight(title, 'A') || body, query), %s "
        f"FROM {table}, to_tsquery(%s::regconfig, %s) query, to_tsquery(%s::regconfig, %s) candidates "
        f"WHERE content_type_id = ANY(%s) AND (title @@ candidates OR body @@ candidates) "
        f"AND (title || body) @@ query "
        f"LIMIT {MAX_MATCHES})"
    )
    params = [
        value
        for branch, (whole, any_word) in enumerate(expressions)
        for value in (branch, config, whole, config, any_word, content_types)
    ]
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join([select] * len(expressions)), params)
        rows = [(int(object_id), float(score), branch) for object_id, score, branch in cursor.fetchall()]
    return rows if tagged else [row[:2] for row in rows]


def _match_with_backend(backend, text: str) -> dict[int, float]:
    from ..models import EntryPage

    results = backend.search(text, EntryPage.objects.live()).annotate_score("_score")[:MAX_MATCHES]
    return {page.pk: float(page._score or 0.0) for page in results}
