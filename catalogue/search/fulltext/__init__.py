"""
The catalogue's full-text layer: one adapter per Wagtail search backend, chosen by the backend's class.

Wagtail's database backends rank with a correlated subquery per candidate page, which re-scans the
full-text matches for every page (quadratic for broad queries: ~2.5 s at 10,000 entries). The SQLite
and PostgreSQL adapters instead query the backend's own index table once: one statement returns every
matching entry id with its score. Indexing stays Wagtail's (signals, `update_index`). They depend on
Wagtail's index schema, which tests/search/test_fulltext_contract.py pins (docs/conventions.md,
"Full-text search", says what to do when it fails after an upgrade).
"""

from django.db import connection

from .base import ConceptMatches, IndexAdapter, TextSearchUnavailable
from .search_api import WagtailSearch

__all__ = ["ConceptMatches", "IndexAdapter", "TextSearchUnavailable", "adapter_for"]


def adapter_for(backend) -> IndexAdapter:
    """The adapter that reads `backend`'s index: its own for Wagtail's SQLite or PostgreSQL backend."""
    for adapter in _database_adapters():
        if isinstance(backend, adapter.backend_class):
            return adapter(backend)
    return WagtailSearch(backend)


def _database_adapters() -> list[type]:
    # Wagtail defines a database backend's index models only on that database (and the SQLite FTS
    # model only where SQLite has FTS5), so only the matching adapter can be imported.
    from wagtail.search import models

    if connection.vendor == "sqlite" and hasattr(models, "SQLiteFTSIndexEntry"):
        from .sqlite import SQLiteIndex

        return [SQLiteIndex]
    if connection.vendor == "postgresql":
        from .postgres import PostgresIndex

        return [PostgresIndex]
    return []
