"""
An in-memory picture of the public catalogue, rebuilt only when it changes.

Each facet value is a numpy boolean mask over every live, public entry, so filtering and
disjunctive facet counts are a few vector operations whatever the number of entries or facet
values, and cost no SQL. The snapshot is rebuilt (a handful of queries) when the site's
`ContentVersion` moves; a request pays one small query to read it (`catalogue.caches`).
"""

import pickle
from dataclasses import dataclass, field, replace

import numpy as np
from django.db.models import CharField
from django.db.models.functions import Cast

from ..caches import VersionedValue, register
from ..models import EntryPage
from ..models.visibility import without_private
from .card_stamps import card_chrome, card_stamps
from .facet_kinds import EntryColumns, FacetValue, locate
from .facets import FACETS


@dataclass(frozen=True)
class Snapshot:
    """Every live public entry's id, facet values and sort keys, at one content version."""

    version: int
    ids: np.ndarray  # entry page ids, ascending
    facets: dict[str, list[FacetValue]]  # param -> values in display order
    orders: dict[str, np.ndarray]  # sort name -> positions in that order
    card_stamps: np.ndarray | None = None  # per entry: what its result card is drawn from (card_stamps.py)
    card_chrome: str = ""  # what every card shares (vocabulary names, evidence levels, the site's address)
    _matrices: dict[str, np.ndarray] = field(default_factory=dict, repr=False)
    _memo: dict = field(default_factory=dict, repr=False)
    _pickled_memos: dict = field(default_factory=dict, repr=False)

    def memo(self, key: str, compute):
        """`compute()` once per snapshot, i.e. once per content version and process."""
        if key not in self._memo:
            pickled = self._pickled_memos.get(key)
            self._memo[key] = pickle.loads(pickled) if pickled is not None else compute()  # noqa: S301 (see below)
        return self._memo[key]

    def hold_pickled_memos(self, memos: dict[str, bytes]) -> None:
        """
        Memos the task worker pickled with this snapshot in its file (`snapshot_files.py`, written only by the
        site's own worker), unpickled when first asked for: the map's first page took 2.4 ms to unpickle at
        100,000 entries, which a search's first request after a new snapshot need not pay.
        """
        self._pickled_memos.update(memos)

    @property
    def size(self) -> int:
        return len(self.ids)

    def known_values(self) -> dict[str, set[str]]:
        return {param: {value.slug for value in values} for param, values in self.facets.items()}

    def locate(self, entry_ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(positions, found): where each id sits in the snapshot, and which ids are in it at all."""
        return locate(self.ids, entry_ids)

    def matrix(self, param: str) -> np.ndarray:
        """One facet's value masks stacked (values x entries), to count all values in one operation."""
        matrix = self._matrices.get(param)
        if matrix is None:
            masks = [value.mask for value in self.facets[param]]
            matrix = np.vstack(masks) if masks else np.zeros((0, self.size), dtype=bool)
            self._matrices[param] = matrix
        return matrix

    def mask_for(self, param: str, slugs) -> np.ndarray:
        mask = np.zeros(self.size, dtype=bool)
        for value in self.facets[param]:
            if value.slug in slugs:
                mask |= value.mask
        return mask


# The lambda finds `build_snapshot` (defined below) when it first builds.
snapshots = register("search snapshot", VersionedValue(lambda version: build_snapshot(version)))


def get_snapshot(previous_while_rebuilding: bool = False) -> Snapshot:
    """
    The snapshot for the catalogue as it is now, rebuilt if something was published since. With
    `previous_while_rebuilding`, a visitor's request may get the previous version's snapshot while the
    new one is built in the background (`catalogue.caches`): its entries may since have been withdrawn,
    so the caller checks what it shows against the database (`run_search` does).
    """
    return snapshots.get(previous_while_rebuilding)


FACETS.on_change(snapshots.clear)  # a facet registered or removed: the next request builds a new snapshot

# Every entry's id and sort keys; each facet asks for the further columns it reads (entry_columns). The first
# publication time is read as text: ISO text in one time zone sorts as the times do, and converting 100,000
# values to aware datetimes was 40% of building the snapshot.
SORT_COLUMNS = ("pk", "title", "published_text", "live_revision_id", "url_path")


def build_snapshot(version: int) -> Snapshot:
    facets = tuple(FACETS)
    columns = list(dict.fromkeys(column for facet in facets for column in facet.entry_columns))
    rows = list(
        without_private(EntryPage.objects.live())
        .annotate(published_text=Cast("first_published_at", output_field=CharField()))
        .order_by("pk")
        .values_list(*SORT_COLUMNS, *columns)
    )
    ids = np.fromiter((row[0] for row in rows), dtype=np.int64, count=len(rows))
    entries = EntryColumns(
        ids,
        {
            name: np.array([row[index] or 0 for row in rows], dtype=np.int64)
            for index, name in enumerate(columns, start=len(SORT_COLUMNS))
        },
    )
    facet_values = {facet.param: facet.read(entries) for facet in facets}
    snapshot = Snapshot(
        version=version,
        ids=ids,
        facets=facet_values,
        orders={},
        card_stamps=card_stamps((row[3] for row in rows), [row[4] for row in rows]),
        card_chrome=card_chrome(facet_values),
    )
    share_masks(snapshot)
    snapshot.orders.update(_sort_orders(rows, snapshot.facets.get("evidence", [])))
    read_only(snapshot)
    return snapshot


def read_only(snapshot: Snapshot) -> None:
    """
    Every array of the snapshot made read-only, as those of the worker's file are (mapped from it): every request
    shares them, so none may write into one, and a test that did would fail here as in production.
    """
    for param, values in snapshot.facets.items():
        snapshot.matrix(param).flags.writeable = False
        for value in values:  # views made before their matrix was locked keep their own flag
            for mask in (value.mask, value.tagged):
                if mask is not None:
                    mask.flags.writeable = False
    for array in (snapshot.ids, snapshot.card_stamps, *snapshot.orders.values()):
        if array is not None:
            array.flags.writeable = False


def share_masks(snapshot: Snapshot) -> None:
    """
    Each facet's masks become rows of its stacked matrix (views, not copies): holding both doubled the
    snapshot (22 MB at 100,000 entries, issue 25); stacked once here, they are held once.
    """
    for param, values in snapshot.facets.items():
        matrix = snapshot.matrix(param)
        snapshot.facets[param] = [replace(value, mask=row) for value, row in zip(values, matrix, strict=True)]


def _sort_orders(rows, evidence_levels: list[FacetValue]) -> dict[str, np.ndarray]:
    """Positions in each sort's order; "evidence" is the evidence facet's value order (strongest first)."""
    titles = [row[1].casefold() for row in rows]
    by_title = np.array(sorted(range(len(rows)), key=titles.__getitem__), dtype=np.int32)
    title_rank = np.empty(len(rows), dtype=np.int32)  # positions fit in 32 bits: half the memory of 64
    title_rank[by_title] = np.arange(len(rows))
    evidence_rank = np.full(len(rows), len(evidence_levels), dtype=np.int32)  # unrated last
    for rank, level in enumerate(evidence_levels):
        evidence_rank[level.mask] = rank
    # Equal times share a rank; never published ("") ranks lowest, so comes last when newest is first.
    _, published_rank = np.unique(np.array([row[2] or "" for row in rows], dtype=str), return_inverse=True)
    return {
        "title": by_title,
        "evidence": np.lexsort((title_rank, evidence_rank)).astype(np.int32),
        "newest": np.lexsort((title_rank, -published_rank.astype(np.int64))).astype(np.int32),
        "title_rank": title_rank,
    }
