"""
Which words people search for and how many entries they found, a row a day per search, with no
personal data (no address, user, session or cookie): editors see what found nothing and can add
synonyms. Old rows expire (`manage.py expire_search_records`).
"""

from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.db.models import Max, Min, Sum
from django.utils import timezone

from ..models import SearchRecord
from .words import words_of

DEFAULT_KEEP_DAYS = 90
LOW_RESULTS = 2  # "found little": this many entries or fewer


def normalise_terms(text: str) -> str:
    """The words only, lower-cased, in order: "Domestic  Violence!" and "domestic violence" are one record."""
    return " ".join(words_of(text))[:200]


def record_search(text: str, results: int) -> None:
    """Count one search of `text` today (one statement: insert, or add one to today's row)."""
    terms = normalise_terms(text)
    if not terms:
        return
    table = SearchRecord._meta.db_table
    sql = (
        f"INSERT INTO {table} (day, terms, searches, results) VALUES (%s, %s, 1, %s) "
        f"ON CONFLICT (day, terms) DO UPDATE SET searches = {table}.searches + 1, results = excluded.results"
    )
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, [timezone.localdate(), terms, results])
    except DatabaseError:
        pass  # the search still works if its record cannot be written (a read-only replica, say)


def keep_days() -> int:
    return int(getattr(settings, "SEARCH_RECORD_KEEP_DAYS", DEFAULT_KEEP_DAYS))


def expire_records(days: int | None = None) -> int:
    """Delete records older than `days` (default: the SEARCH_RECORD_KEEP_DAYS setting); return how many."""
    cutoff = timezone.localdate() - timedelta(days=keep_days() if days is None else days)
    deleted, _ = SearchRecord.objects.filter(day__lt=cutoff).delete()
    return deleted


def searches_finding_little(days: int = 30, at_most: int = LOW_RESULTS):
    """The most frequent searches of the last `days` days whose words found `at_most` entries or fewer."""
    since = timezone.localdate() - timedelta(days=days)
    return (
        SearchRecord.objects.filter(day__gte=since)
        .values("terms")
        .annotate(searches=Sum("searches"), results=Min("results"),
                  last_day=Max("day"), first_day=Min("day"))
        .filter(results__lte=at_most)
        .order_by("-searches", "terms")
    )
