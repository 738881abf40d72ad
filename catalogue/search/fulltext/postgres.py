"""
The catalogue's full-text queries on PostgreSQL: Wagtail's tsvector columns, ranked with ts_rank in
one statement.

Wagtail's PostgreSQL backend keeps each indexed object in `IndexEntry`, with its title and body as
tsvector columns, each with its own GIN index. Every table and column name here comes from that model;
tests/search/test_fulltext_contract.py checks them, their types and the indexes against the database.
"""

from django.db import OperationalError, connection
from wagtail.search.backends.database.postgres.postgres import PostgresSearchBackend
from wagtail.search.models import IndexEntry

from ..vocabulary import TextPlan
from ..words import MIN_PREFIX_LENGTH, prefix_forms
from .base import MAX_MATCHES, IndexAdapter, entry_content_type_ids
from .weights import postgres_weight_array

SYNTAX_ERROR = "42601"
# ts_rank's normalization 32 (rank / (rank + 1)): a word's score levels off the more often an entry repeats
# it, as bm25's term-frequency saturation does on SQLite. Without it one long entry repeating a phrase
# ("extended family" in a case study) scored ten times the next, and every other entry's score, scaled
# to the best (coverage.py), came to nothing beside it.
SATURATE = 32  # SQLSTATE of a malformed statement, and of a tsquery PostgreSQL cannot parse


class PostgresIndex(IndexAdapter):
    """Reads Wagtail's PostgreSQL index directly: one statement scores every matching entry."""

    backend_class = PostgresSearchBackend
    scores_count_rarity = False  # ts_rank counts matches, not how rare the word is
    # The fields of Wagtail's index model the statement names (checked by the contract test).
    relies_on = {IndexEntry: ("object_id", "content_type", "title", "autocomplete", "body")}

    def rows(self, plans: list[TextPlan]) -> list[tuple[int, float, int]]:
        content_types = entry_content_type_ids()
        config = self.backend.config or "english"
        params = []
        for branch, plan in enumerate(plans):
            whole, any_word = tsquery_expressions(plan)
            params += [summary_expression(plan), branch, config, whole, config, any_word, content_types]
        with connection.cursor() as cursor:
            cursor.execute(" UNION ALL ".join([self.statement()] * len(plans)), params)
            return [(int(object_id), float(score), branch) for object_id, score, branch in cursor.fetchall()]

    def word_rows(self, words: list[str]) -> list[int]:
        entries = IndexEntry._meta
        title, body = entries.get_field("title").column, entries.get_field("body").column
        branch = (
            f"(SELECT %s FROM {entries.db_table} WHERE ({title} || {body}) @@ to_tsquery(%s::regconfig, %s) LIMIT 1)"
        )
        config = self.backend.config or "english"
        params = [value for i, word in enumerate(words) for value in (i, config, word)]
        with connection.cursor() as cursor:
            cursor.execute(" UNION ALL ".join([branch] * len(words)), params)
            return [int(i) for (i,) in cursor.fetchall()]

    @staticmethod
    def statement() -> str:
        """
        One plan's branch: (object id, score, branch number) of the entries matching it. Words become
        prefix lexemes; to_tsquery applies the same stemming as indexing. Candidates are found through
        the separate GIN indexes on title and body with "any word" (a bitmap OR), and only those are
        checked for the whole plan across both columns. The score weighs title, summary and body as
        weights.py says (setweight overrides any field boost); the summary column is unstemmed
        (Wagtail's "simple" autocomplete configuration), so its words are asked in their written
        forms, as on SQLite.
        """
        entries = IndexEntry._meta
        title, body = entries.get_field("title").column, entries.get_field("body").column
        summary = entries.get_field("autocomplete").column
        weights = f"'{postgres_weight_array()}'::float4[]"
        return (
            f"(SELECT {entries.get_field('object_id').column}, "
            f"ts_rank({weights}, setweight({title}, 'A') || setweight({body}, 'D'), query, {SATURATE}) "
            f"+ ts_rank({weights}, setweight({summary}, 'B'), to_tsquery('simple', %s), {SATURATE}), %s "
            f"FROM {entries.db_table}, to_tsquery(%s::regconfig, %s) query, "
            f"to_tsquery(%s::regconfig, %s) candidates "
            f"WHERE {entries.get_field('content_type').column} = ANY(%s) "
            f"AND ({title} @@ candidates OR {body} @@ candidates) "
            f"AND ({title} || {body}) @@ query "
            f"LIMIT {MAX_MATCHES})"
        )

    def is_transient(self, error) -> bool:
        # psycopg raises OperationalError for a lost connection, a lock or statement timeout, a
        # cancelled query or a deadlock; a missing table or column is a ProgrammingError.
        if isinstance(error, OperationalError):
            return True
        sqlstate = getattr(error.__cause__, "sqlstate", None)
        return sqlstate == SYNTAX_ERROR and "tsquery" in str(error)


def tsquery_expressions(plan: TextPlan) -> tuple[str, str]:
    """(the plan, any of its words) for PostgreSQL's to_tsquery, which stems with the same Snowball."""

    def phrase(words) -> str:
        return "(" + " <-> ".join(_lexeme(word) for word in words) + ")"

    whole = " & ".join("(" + " | ".join(phrase(p.words) for p in concept.phrases) + ")" for concept in plan.concepts)
    words = {word for concept in plan.concepts for p in concept.phrases for word in p.words}
    any_word = " | ".join(_lexeme(word) for word in sorted(words))
    return whole, any_word


def summary_expression(plan: TextPlan) -> str:
    """
    The plan for the unstemmed summary column, in written forms ("families" as family:* | famili:*):
    any concept (OR), so a summary scores more the more concepts it has, each concept's phrases kept.
    """

    def word(text: str) -> str:
        forms = prefix_forms(text) or (text,)
        return "(" + " | ".join(f"{f}:*" if len(f) >= MIN_PREFIX_LENGTH else f for f in forms) + ")"

    def phrase(words) -> str:
        return "(" + " <-> ".join(word(w) for w in words) + ")"

    return " | ".join("(" + " | ".join(phrase(p.words) for p in c.phrases) + ")" for c in plan.concepts)


def _lexeme(word: str) -> str:
    # PostgreSQL stems the word itself; a word too short to prefix-match is matched whole.
    return f"{word}:*" if prefix_forms(word) else word
