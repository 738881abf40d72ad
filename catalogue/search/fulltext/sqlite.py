"""
The catalogue's full-text queries on SQLite: Wagtail's FTS5 table, ranked with bm25 in one statement.

Wagtail's SQLite backend keeps each indexed object in `IndexEntry` and its words in the FTS5 table of
`SQLiteFTSIndexEntry`, whose rowid is the IndexEntry's id. Every table and column name here comes
from those two models; tests/search/test_fulltext_contract.py checks them against the database.
"""

import os

from django.db import OperationalError, connection
from wagtail.search.backends.database.sqlite.sqlite import SQLiteSearchBackend
from wagtail.search.models import IndexEntry, SQLiteFTSIndexEntry

from ..vocabulary import TextPlan
from ..words import MIN_PREFIX_LENGTH, prefix_forms
from .base import MAX_MATCHES, IndexAdapter, entry_content_type_ids
from .weights import FTS_COLUMN_WEIGHTS  # bm25's column weights, in the FTS5 table's column order

SQLITE_ERROR = 1  # SQLite's generic code: bad SQL, a missing table or column, or an FTS5 query it cannot parse
FTS_QUERY_ERRORS = ("fts5: ", "unterminated string")  # how FTS5 reports a MATCH expression it cannot parse


class SQLiteIndex(IndexAdapter):
    """Reads Wagtail's SQLite FTS5 index directly: one statement scores every matching entry."""

    backend_class = SQLiteSearchBackend
    # The fields of Wagtail's index models the statement names (checked by the contract test).
    relies_on = {
        IndexEntry: ("id", "object_id", "content_type"),
        SQLiteFTSIndexEntry: ("index_entry", *(column for column, _ in FTS_COLUMN_WEIGHTS)),
    }

    def rows(self, plans: list[TextPlan]) -> list[tuple[int, float, int]]:
        content_types = entry_content_type_ids()
        params = []
        for branch, plan in enumerate(plans):
            params += [branch, fts5_expression(plan), *content_types]
        with connection.cursor() as cursor:
            cursor.execute(" UNION ALL ".join([self.statement(len(content_types))] * len(plans)), params)
            return [(int(object_id), float(score), branch) for object_id, score, branch in cursor.fetchall()]

    def word_rows(self, words: list[str]) -> list[int]:
        words_table = SQLiteFTSIndexEntry._meta.db_table
        branch = f"SELECT * FROM (SELECT %s FROM {words_table} WHERE {words_table} MATCH %s LIMIT 1)"
        params = [value for i, word in enumerate(words) for value in (i, f'"{word}"')]
        with connection.cursor() as cursor:
            cursor.execute(" UNION ALL ".join([branch] * len(words)), params)
            return [int(i) for (i,) in cursor.fetchall()]

    @staticmethod
    def statement(content_type_count: int) -> str:
        """One plan's branch: (object id, bm25 score, branch number) of the entries matching it."""
        entries, words = IndexEntry._meta, SQLiteFTSIndexEntry._meta
        fts = words.db_table
        weights = ", ".join(str(weight) for _, weight in FTS_COLUMN_WEIGHTS)
        return (
            f"SELECT * FROM (SELECT e.{entries.get_field('object_id').column}, -bm25({fts}, {weights}), %s "
            f"FROM {fts} JOIN {entries.db_table} e ON e.{entries.pk.column} = {fts}.{words.pk.column} "
            f"WHERE {fts} MATCH %s AND e.{entries.get_field('content_type').column} "
            f"IN ({', '.join(['%s'] * content_type_count)}) "
            f"LIMIT {MAX_MATCHES})"
        )

    def is_transient(self, error) -> bool:
        if not isinstance(error, OperationalError):
            return False
        # Busy, locked, I/O, out of memory, interrupted: the database's state, not the statement.
        code = getattr(error.__cause__, "sqlite_errorcode", SQLITE_ERROR)
        if code & 0xFF != SQLITE_ERROR:
            return True
        # The generic code also means "no such table/column": only a query FTS5 could not parse passes.
        return str(error).startswith(FTS_QUERY_ERRORS)


def fts5_expression(plan: TextPlan) -> str:
    """The plan in FTS5's query language. Every word is quoted, so operators typed are inert."""

    def phrase(words) -> str:
        if len(words) == 1:
            forms = prefix_forms(words[0])
            return " OR ".join(f'"{form}"*' for form in forms) if forms else f'"{words[0]}"'
        return " + ".join(_phrase_word(word) for word in words)

    return " AND ".join(
        "(" + " OR ".join(f"({phrase(p.words)})" for p in concept.phrases) + ")" for concept in plan.concepts
    )


def _phrase_word(word: str) -> str:
    forms = prefix_forms(word)
    if not forms:
        return f'"{word}"'
    common = os.path.commonprefix(forms)  # one form per position in an FTS5 phrase
    return f'"{common}"*' if len(common) >= MIN_PREFIX_LENGTH else f'"{word}"'
