"""
The search snapshot, built by the task worker after a publish and loaded by the web processes.

Built in a web process, the snapshot of 100,000 entries takes about a second of Python, and a background
thread doing it shares the interpreter with every request that follows, so each of them slowed for that
second (issue 25). The worker builds it instead, in its own process, with the text matches of the most
frequent recorded searches, and writes two files per content version (`catalogue.io.built_files`): the
snapshot's arrays, which a web process maps into memory (`catalogue.io.array_files`: nothing is copied, and
the processes of one server share them), and a pickle of the rest (the facets' names, the plan objects the
text-match cache is keyed on, the memos), written only by the site's own worker into GENERATED_FILES_ROOT, a
directory no visitor or editor can write. A web process that finds the current version's files loads them in
about a millisecond; until they appear, visitors are answered from the previous version
(`catalogue.caches.VersionedValue`).
"""

import logging
import pickle
from dataclasses import replace
from datetime import timedelta

from django.conf import settings
from django.db.models import Sum
from django.dispatch import Signal
from django.utils import timezone
from django_tasks import task

from .. import visitor_lists
from ..caches import BuiltElsewhere, content_version
from ..io.array_files import map_arrays, write_arrays
from ..io.built_files import BuiltFiles
from ..models import SearchRecord
from ..models.content_version import content_version_changed
from .engine import keep_text_matches, text_matches_for
from .known_words import VOCABULARY_WORDS_MEMO, vocabulary_words
from .records import OTHER_SEARCHES
from .snapshot import Snapshot, build_snapshot, read_only, share_masks, snapshots
from .vocabulary import VOCABULARY_MEMO, vocabulary_for

snapshot_files = BuiltFiles("search-snapshot", ".pickle")
KEY = "snapshot"
FORMAT = 5  # moved on when the payload changes shape: a file of another format is not read
ARRAYS_SUFFIX = ".arrays"  # the snapshot's arrays, mapped into memory by the web processes
ORDER, MATRIX, CARD_STAMPS = "order:", "matrix:", "card_stamps"  # names of the arrays in that file
POPULAR_SEARCHES = 40  # the recorded searches whose matches the worker works out with the snapshot
POPULAR_DAYS = 30
MATCH_BYTES = 8 * 1024 * 1024  # at most this much of precomputed matches in one file
DEFAULT_PATIENCE_SECONDS = 30.0
logger = logging.getLogger(__name__)
# Sent by the worker with each new snapshot: a feature app's receiver returns {memo key: value}, memos of that
# snapshot the first request after a publish would otherwise build (the evidence map's first page), which then
# travel in the snapshot's file.
prebuilding = Signal()


def connect() -> None:
    """
    Wire the worker's build in (`CatalogueConfig.ready`): every change of content queues one, and the
    snapshot is taken from its file when there is one.
    """
    content_version_changed.connect(_after_publish, dispatch_uid="catalogue-search-snapshot-after-publish")
    snapshots.load_from(BuiltElsewhere(_load, patience))
    visitor_lists.connect(patience)


def patience() -> float:
    """Seconds visitors are answered from the previous version while the worker builds the new snapshot."""
    return float(getattr(settings, "SEARCH_SNAPSHOT_WORKER_SECONDS", DEFAULT_PATIENCE_SECONDS))


def _after_publish(sender, number: int, **kwargs) -> None:
    if snapshot_files.mark_latest_pending():
        build_search_snapshot_task.enqueue()


# First in the worker's queue: the search is what visitors wait on; the export files can come after it.
@task(backend="background", priority=10)
def build_search_snapshot_task() -> str:
    """
    The snapshot for the version current when the build starts (one build for a burst of publishes), and before
    it the lists every visitor's page shows (`catalogue.visitor_lists`: milliseconds, where the snapshot takes
    about a second at 100,000 entries).
    """
    snapshot_files.start_latest()
    version = content_version()
    visitor_lists.ensure_lists_file(version)
    if snapshot_files.find(KEY, version):
        return "already built"
    snapshot = build_snapshot(version)
    matches = text_matches_for(snapshot, popular_searches(), MATCH_BYTES)
    write_snapshot_file(snapshot, matches)
    snapshot_files.prune(version)
    return f"built for version {version} with {len(matches)} searches' matches"


def _load(version: int) -> Snapshot | None:
    loaded = read_snapshot_file(version)
    if loaded is None:
        return None
    snapshot, matches = loaded
    keep_text_matches(matches)
    return snapshot


def write_snapshot_file(snapshot: Snapshot, matches: list[tuple]) -> None:
    """
    Write `snapshot` with `matches`, (text-match cache key, cached value) pairs worked out on it: its large arrays
    to a file web processes map into memory (`catalogue.io.array_files`), the rest pickled beside it, last, so
    that a reader who finds the pickle finds the arrays too.
    """
    arrays = {"ids": snapshot.ids, **{f"{ORDER}{name}": order for name, order in snapshot.orders.items()}}
    # A mask is a row of its facet's stacked matrix: written as well, every row would be copied again.
    arrays.update({f"{MATRIX}{param}": snapshot.matrix(param) for param in snapshot.facets})
    if snapshot.card_stamps is not None:
        arrays[CARD_STAMPS] = snapshot.card_stamps
    with snapshot_files.writing(KEY, snapshot.version, ARRAYS_SUFFIX) as out:
        index = write_arrays(out, arrays)
    payload = {
        "arrays": index,
        "facets": {param: [replace(value, mask=None) for value in values] for param, values in snapshot.facets.items()},
        "card_chrome": snapshot.card_chrome,
        "matches": matches,
        "memos": {
            key: pickle.dumps(memo, protocol=pickle.HIGHEST_PROTOCOL) for key, memo in _prebuilt_memos(snapshot).items()
        },
    }
    snapshot_files.write_payload(KEY, snapshot.version, FORMAT, payload)


def _prebuilt_memos(snapshot: Snapshot) -> dict:
    """
    The snapshot's memos that every search's first request on it would otherwise work out from the database (the
    synonym groups and the words of the vocabularies: about 6 ms at 100,000 entries, on the request right after a
    publish): worked out here, by the worker, they travel in the file.
    """
    memos = {
        VOCABULARY_MEMO: vocabulary_for(snapshot),
        VOCABULARY_WORDS_MEMO: snapshot.memo(VOCABULARY_WORDS_MEMO, vocabulary_words),
    }
    # send_robust: a feature's page is not worth the search's snapshot; if it fails, the web process builds it.
    for receiver, answer in prebuilding.send_robust(sender=Snapshot, snapshot=snapshot):
        if isinstance(answer, Exception):
            logger.error("Could not prebuild with the search snapshot: %s", receiver, exc_info=answer)
        else:
            memos.update(answer)
    return memos


def read_snapshot_file(version: int) -> tuple[Snapshot, list[tuple]] | None:
    """The worker's snapshot for `version` and its precomputed matches, or None if it is not built yet."""
    payload = snapshot_files.read_payload(KEY, version, FORMAT)
    if payload is None:
        return None  # not built, pruned or unreadable: the caller builds the snapshot itself
    try:
        arrays = map_arrays(snapshot_files.path(KEY, version, ARRAYS_SUFFIX), payload["arrays"])
    except (OSError, ValueError):
        return None  # pruned or cut short: as above
    snapshot = Snapshot(
        version=version,
        ids=arrays["ids"],
        facets=payload["facets"],
        orders=_named(arrays, ORDER),
        card_stamps=arrays.get(CARD_STAMPS),
        card_chrome=payload["card_chrome"],
    )
    snapshot._matrices.update(_named(arrays, MATRIX))
    snapshot.hold_pickled_memos(payload["memos"])
    share_masks(snapshot)
    read_only(snapshot)  # the mapped arrays are already; the facets' own (`tagged`) were unpickled
    return snapshot, payload["matches"]


def _named(arrays: dict, prefix: str) -> dict:
    """The arrays written under `prefix` (`ORDER`, `MATRIX`), by their own names."""
    return {name.removeprefix(prefix): array for name, array in arrays.items() if name.startswith(prefix)}


def popular_searches(days: int = POPULAR_DAYS, limit: int = POPULAR_SEARCHES) -> list[str]:
    """The most frequent recorded searches of the last `days` days (their normalised words)."""
    since = timezone.localdate() - timedelta(days=days)
    return list(
        SearchRecord.objects.filter(day__gte=since)
        .exclude(terms__startswith=OTHER_SEARCHES)
        .values("terms")
        .annotate(total=Sum("searches"))
        .order_by("-total", "terms")
        .values_list("terms", flat=True)[:limit]
    )
