"""
The contract between the catalogue's full-text adapters and Wagtail's search index.

The adapters (catalogue/search/fulltext/) query Wagtail's index tables directly. When a Wagtail upgrade
changes that schema, these tests fail, and at run time the change raises instead of turning into a
quiet "text search unavailable". Runs on SQLite and on PostgreSQL (bin/with-postgres).
"""

import logging

import pytest
from django.db import DatabaseError, connection
from django.db.models import ForeignKey
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from catalogue.search.fulltext import TextSearchUnavailable, adapter_for
from catalogue.search.fulltext.search_api import WagtailSearch
from catalogue.search.text import match_entries
from catalogue.search.vocabulary import Vocabulary, plan_text
from tests.factories import InterventionPageFactory, StandardPageFactory

from .database_errors import locked_database_error, raising
from .helpers import slugs

WORD = "kinship"
ADAPTERS = {"sqlite": "SQLiteIndex", "postgresql": "PostgresIndex"}
# A query that slipped past the quoting, as each database's query language would fail on it.
MALFORMED = {
    "sqlite": ("catalogue.search.fulltext.sqlite.fts5_expression", '"kinship'),
    "postgresql": ("catalogue.search.fulltext.postgres.tsquery_expressions", ("kinship &", "kinship &")),
}


def adapter():
    return adapter_for(get_search_backend())


def plan_for(text: str):
    return plan_text(text, Vocabulary([]))


@pytest.mark.django_db  # on SQLite, Wagtail checks once that the FTS table exists
def test_the_configured_backend_is_read_by_its_own_adapter():
    assert type(adapter()).__name__ == ADAPTERS[connection.vendor]


@pytest.mark.django_db
def test_every_table_and_column_the_adapter_names_is_in_the_database():
    relied_on = adapter().relies_on
    assert IndexEntry in relied_on
    with connection.cursor() as cursor:
        tables = set(connection.introspection.table_names(cursor))
        for model, field_names in relied_on.items():
            assert model._meta.app_label == "wagtailsearch", model  # Wagtail's own index models
            assert model._meta.db_table in tables, model._meta.db_table
            columns = {
                column.name for column in connection.introspection.get_table_description(cursor, model._meta.db_table)
            }
            if connection.vendor == "sqlite":
                columns.add("rowid")  # every FTS5 table has one; introspection does not list it
            for name in field_names:
                assert model._meta.get_field(name).column in columns, (model._meta.db_table, name)


@pytest.mark.django_db
def test_an_entry_points_to_its_page_by_content_type_and_object_id():
    content_type = IndexEntry._meta.get_field("content_type")
    assert isinstance(content_type, ForeignKey) and content_type.related_model._meta.label == "contenttypes.ContentType"
    assert IndexEntry._meta.get_field("object_id").get_internal_type() == "CharField"  # hence int() on each id read


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 table")
def test_sqlite_fts_columns_are_in_the_order_the_bm25_weights_follow():
    from wagtail.search.models import SQLiteFTSIndexEntry

    from catalogue.search.fulltext.sqlite import FTS_COLUMN_WEIGHTS

    table = SQLiteFTSIndexEntry._meta.db_table
    with connection.cursor() as cursor:
        declared = [column.name for column in connection.introspection.get_table_description(cursor, table)]
        cursor.execute("SELECT sql FROM sqlite_master WHERE name = %s", [table])
        (definition,) = cursor.fetchone()
    assert "USING fts5" in definition, definition
    assert declared == [name for name, _ in FTS_COLUMN_WEIGHTS]
    # The FTS row is the index entry's row: its rowid is IndexEntry's primary key.
    link = SQLiteFTSIndexEntry._meta.pk
    assert link.column == "rowid" and link.related_model is IndexEntry and link.one_to_one


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's tsvector columns")
def test_postgres_title_and_body_are_tsvectors_each_with_a_gin_index():
    table = IndexEntry._meta.db_table
    vectors = [IndexEntry._meta.get_field(name).column for name in ("title", "body")]
    with connection.cursor() as cursor:
        cursor.execute("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = %s", [table])
        types = dict(cursor.fetchall())
        constraints = connection.introspection.get_constraints(cursor, table).values()
    for column in vectors:
        assert types[column] == "tsvector", (column, types.get(column))
        # The candidate search (title @@ ... OR body @@ ...) is fast only through these two indexes.
        assert any(c["index"] and c["type"] == "gin" and c["columns"] == [column] for c in constraints), column


@pytest.fixture
def kinship_entries(catalogue):
    """An entry with the word in its title, one with it only in its summary, one without it, and a
    standard page with it (not an entry, so never a match)."""
    home = catalogue.get_parent()
    return {
        "titled": InterventionPageFactory(parent=catalogue, title=f"{WORD.title()} carers group", summary="A group."),
        "described": InterventionPageFactory(
            parent=catalogue, title="Family network meetings", summary=f"Meetings for {WORD} carers."
        ),
        "without": InterventionPageFactory(parent=catalogue, title="Parenting course", summary="A course."),
        "not_an_entry": StandardPageFactory(parent=home, title=f"About {WORD} care"),
    }


@pytest.mark.django_db
def test_an_indexed_entry_is_found_and_a_title_match_ranks_first(kinship_entries):
    matches = match_entries(plan_for(WORD))
    titled, described = kinship_entries["titled"], kinship_entries["described"]
    assert set(matches) == {titled.pk, described.pk}
    assert matches[titled.pk] > matches[described.pk] > 0
    assert slugs(WORD) == [titled.slug, described.slug]


@pytest.mark.django_db
def test_any_other_backend_is_asked_through_wagtails_search(kinship_entries):
    from wagtail.search.backends.database.fallback import DatabaseSearchBackend

    fallback = adapter_for(DatabaseSearchBackend({}))
    assert isinstance(fallback, WagtailSearch)
    found = set(fallback.match_entries(plan_for(WORD)))
    assert found == {kinship_entries["titled"].pk, kinship_entries["described"].pk}
    assert fallback.match_most_concepts(plan_for(WORD)) == ({}, 0)


@pytest.mark.django_db
def test_a_search_is_one_statement_however_many_words_and_synonyms(kinship_entries):
    plan = plan_text(f"{WORD} carers group", Vocabulary([[WORD, "family and friends care"]]))
    assert plan.as_typed is not None  # the words as typed are matched again in the same statement
    match_entries(plan)  # Django caches the entry types' ids after the first search
    with CaptureQueriesContext(connection) as queries:
        matches = match_entries(plan)
    assert len(queries) == 1
    assert set(matches) == {kinship_entries["titled"].pk}


@pytest.mark.django_db
def test_a_locked_database_is_reported_unavailable_and_logged(kinship_entries, monkeypatch, caplog):
    monkeypatch.setattr(type(adapter()), "rows", raising(locked_database_error()))
    with caplog.at_level(logging.WARNING, logger="catalogue.search.fulltext"), pytest.raises(TextSearchUnavailable):
        match_entries(plan_for(WORD))
    assert "Text search unavailable" in caplog.text


@pytest.mark.django_db
def test_a_malformed_query_is_reported_unavailable_and_logged(kinship_entries, monkeypatch, caplog):
    target, malformed = MALFORMED[connection.vendor]
    monkeypatch.setattr(target, lambda plan: malformed)
    with caplog.at_level(logging.WARNING, logger="catalogue.search.fulltext"), pytest.raises(TextSearchUnavailable):
        match_entries(plan_for(WORD))
    assert "Text search unavailable" in caplog.text


def renamed_table(monkeypatch):
    monkeypatch.setattr(IndexEntry._meta, "db_table", IndexEntry._meta.db_table + "_v2")


def renamed_column(monkeypatch):
    monkeypatch.setattr(IndexEntry._meta.get_field("object_id"), "column", "object_key")


@pytest.mark.django_db
@pytest.mark.parametrize("schema_change", [renamed_table, renamed_column])
def test_a_changed_index_schema_raises_instead_of_reporting_unavailable(kinship_entries, monkeypatch, schema_change):
    schema_change(monkeypatch)
    with pytest.raises(DatabaseError) as raised:
        match_entries(plan_for(WORD))
    assert raised.value.__cause__ is not None  # the database's own error, not one made up here


@pytest.mark.django_db
def test_the_catalogue_page_fails_loudly_on_a_changed_index_schema(kinship_entries, monkeypatch):
    renamed_table(monkeypatch)
    response = Client(raise_request_exception=False).get(f"/catalogue/?q={WORD}")
    assert response.status_code >= 500
    assert "Text search is unavailable" not in response.content.decode()


@pytest.mark.django_db
def test_a_fault_in_the_adapter_itself_is_not_called_unavailable(kinship_entries, monkeypatch):
    monkeypatch.setattr(type(adapter()), "rows", raising(TypeError("a bug in the adapter")))
    with pytest.raises(TypeError):
        match_entries(plan_for(WORD))


def test_one_block_of_weights_ranks_title_summary_and_body_on_both_databases():
    from catalogue.search.fulltext.weights import (
        BODY,
        COLUMN_WEIGHTS,
        FTS_COLUMN_WEIGHTS,
        SUMMARY,
        TITLE,
        postgres_weight_array,
    )

    assert TITLE > SUMMARY > BODY > 0
    assert dict(FTS_COLUMN_WEIGHTS) == COLUMN_WEIGHTS  # bm25's column weights are the block itself
    d, c, b, a = (float(w) for w in postgres_weight_array().strip("{}").split(","))
    assert (d, b, a) == (BODY / TITLE, SUMMARY / TITLE, 1.0) and c == 0.0  # the block, scaled to at most 1
    if connection.vendor == "postgresql":
        from catalogue.search.fulltext.postgres import PostgresIndex

        # PostgreSQL labels the columns itself (no field boost acts) and scores the summary's own column.
        statement = PostgresIndex.statement()
        assert "setweight(title, 'A')" in statement and "setweight(body, 'D')" in statement
        assert "setweight(autocomplete, 'B')" in statement


@pytest.mark.django_db
def test_a_title_match_ranks_above_a_summary_match_above_a_body_match(catalogue):
    word = "wibblecare"
    made = {
        "body": InterventionPageFactory(
            parent=catalogue, title="Gamma service", summary="A service.", body__0__heading=f"About {word}"
        ),
        "summary": InterventionPageFactory(parent=catalogue, title="Beta service", summary=f"A {word} service."),
        "title": InterventionPageFactory(parent=catalogue, title=f"{word.title()} service", summary="A service."),
    }
    scores = match_entries(plan_for(word))
    assert scores[made["title"].pk] > scores[made["summary"].pk] > scores[made["body"].pk] > 0
