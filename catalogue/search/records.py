"""
Which words people search for and how many entries they found, a row a day per search, with no
personal data (no address, user, session or cookie): editors see what found nothing and can add
synonyms. Old rows expire (`manage.py expire_search_records`).

What people type can itself be personal (a name, an NHS number, an email address), so a search's words
are kept only when every one of them is a word the catalogue or its vocabularies know (after
normalising: lower case, and on PostgreSQL the same word stem). Every other search is counted as an
"other search", by how many entries it found, and its words are never written anywhere. Numbers are
kept only as part of the vocabularies' own terms ("section 20", "1001 days").
"""

import atexit
import re
import threading
import time
from datetime import date, timedelta

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.db.models import Max, Min, Sum
from django.utils import timezone
from django_tasks import task

from ..caches import register
from ..models import SearchRecord
from .words import QUESTION_WORDS, STOP_WORDS, words_of

DEFAULT_KEEP_DAYS = 90
DEFAULT_FLUSH_SECONDS = 60
MAX_PENDING = 500  # distinct searches held before writing regardless of time

_lock = threading.Lock()
# (day, terms) -> [searches, results at the latest]; registered so that the one reset (tests) discards it.
_pending: dict[tuple, list[int]] = register("unwritten search counts", {})
_flushed_at = [time.monotonic()]
LOW_RESULTS = 2  # "found little": this many entries or fewer
# Other searches are counted under these terms, one per number of entries found (0, 1, 2, or more):
# a normalised search is words and single spaces only, so it can never begin with "#".
OTHER_SEARCHES = "#other"
EMAIL = re.compile(r"\S@\S")


def normalise_terms(text: str) -> str:
    """The words only, lower-cased, in order: "Domestic  Violence!" and "domestic violence" are one record."""
    return " ".join(words_of(text))[:200]


def other_searches_key(results: int) -> str:
    """What an other search is counted under: how many entries it found, "3" meaning three or more."""
    return f"{OTHER_SEARCHES} {min(results, LOW_RESULTS + 1)}"


def words_to_check(text: str) -> list[str] | None:
    """
    The words of `text` that must be known for it to be kept, or None if it can never be kept (an email
    address, or a number not part of a vocabulary term: those are checked by the caller's `known`).
    """
    if EMAIL.search(text):
        return None
    return [word for word in dict.fromkeys(words_of(text)) if word not in STOP_WORDS and word not in QUESTION_WORDS]


def terms_to_keep(text: str, known) -> str | None:
    """The normalised words of `text` if `known(words)` knows every one that matters, else None."""
    words = words_to_check(text)
    if words is None:
        return None
    unknown = set(words) - known(words)
    return None if unknown else normalise_terms(text)


def record_search(text: str, results: int, known=None) -> None:
    """
    Count one search of `text` today. Counts gather in the process and are handed to the task queue
    together once `SEARCH_RECORD_FLUSH_SECONDS` have passed (a write and commit on every search cost
    35-50 ms on a loaded SQLite machine); the worker writes them in one statement. A stopping web
    process hands over what it holds. `known(words)`
    returns the words the catalogue knows; a search with any other word is an "other search".
    """
    if not normalise_terms(text):
        return
    terms = terms_to_keep(text, known) if known else None
    if terms is None:
        terms = other_searches_key(results)
        results = min(results, LOW_RESULTS + 1)
    with _lock:
        counts = _pending.setdefault((timezone.localdate(), terms), [0, results])
        counts[0] += 1
        counts[1] = results
        due = time.monotonic() - _flushed_at[0] >= flush_seconds() or len(_pending) >= MAX_PENDING
    if due:
        flush_records()


def flush_records() -> None:
    """Hand the searches counted so far to the task queue, which writes them in one upsert statement."""
    with _lock:
        rows = [(day.isoformat(), terms, searches, results) for (day, terms), (searches, results) in _pending.items()]
        _pending.clear()
        _flushed_at[0] = time.monotonic()
    if not rows:
        return
    try:
        write_search_records.enqueue(rows)
    except DatabaseError:
        pass  # the search still works if its record cannot be queued (a read-only replica, say)


@task(backend="background")
def write_search_records(rows: list[list]) -> int:
    """Add counted searches, (ISO day, terms, searches, results at the latest), to their day's records."""
    table = SearchRecord._meta.db_table
    sql = (
        f"INSERT INTO {table} (day, terms, searches, results) VALUES (%s, %s, %s, %s) "
        f"ON CONFLICT (day, terms) DO UPDATE SET searches = {table}.searches + excluded.searches, "
        f"results = excluded.results"
    )
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.executemany(
            sql, [(date.fromisoformat(day), terms, searches, results) for day, terms, searches, results in rows]
        )
    return len(rows)


def flush_seconds() -> float:
    return float(getattr(settings, "SEARCH_RECORD_FLUSH_SECONDS", DEFAULT_FLUSH_SECONDS))


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
        .annotate(searches=Sum("searches"), results=Min("results"), last_day=Max("day"), first_day=Min("day"))
        .filter(results__lte=at_most)
        .order_by("-searches", "terms")
    )


@atexit.register
def _flush_on_exit():
    try:
        flush_records()
    except Exception:  # noqa: BLE001  (the database may already be gone when the process stops)
        pass
