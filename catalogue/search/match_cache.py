"""
A per-process cache of text matches, bounded by bytes.

It keeps only what a query matched (snapshot positions and scores), so a query that finds
nothing costs a few bytes and one that finds 1 in 5 of 100,000 entries about 160 KB, rather
than two arrays the size of the catalogue (0.9 MB at 100,000) for every query. The least
recently used queries are dropped once the total passes `CATALOGUE_TEXT_CACHE_BYTES`.
"""

import threading
from collections import OrderedDict

import numpy as np
from django.conf import settings

from ..caches import register

DEFAULT_BYTES = 16 * 1024 * 1024
ENTRY_OVERHEAD = 200  # the key, the tuple and two array headers, roughly


class TextMatchCache:
    """(content version, plan) -> positions and scores of the matched entries; least recent dropped first."""

    @classmethod
    def for_process(cls, name: str) -> "TextMatchCache":
        """The process's shared cache, registered so that `reset_process_caches()` empties it."""
        return register(name, cls())

    def __init__(self, max_bytes: int | None = None):
        self._max_bytes = max_bytes
        self._items: OrderedDict = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    @property
    def max_bytes(self) -> int:
        if self._max_bytes is not None:
            return self._max_bytes
        return int(getattr(settings, "CATALOGUE_TEXT_CACHE_BYTES", DEFAULT_BYTES))

    @property
    def size_bytes(self) -> int:
        return self._bytes

    def __len__(self) -> int:
        return len(self._items)

    def get(self, key) -> tuple[np.ndarray, np.ndarray, object] | None:
        """(positions, scores, what else the search found: concepts matched) of a cached query, or None."""
        with self._lock:
            item = self._items.get(key)
            if item is None:
                return None
            self._items.move_to_end(key)
            return item[0], item[1], item[3]

    def put(self, key, positions: np.ndarray, scores: np.ndarray, concepts_matched: object = 0) -> None:
        positions.flags.writeable = scores.flags.writeable = False  # shared between requests
        cost = positions.nbytes + scores.nbytes + ENTRY_OVERHEAD
        if cost > self.max_bytes:
            return  # bigger than the whole cache: recompute it each time instead
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self._bytes -= old[2]
            self._items[key] = (positions, scores, cost, concepts_matched)
            self._bytes += cost
            while self._bytes > self.max_bytes:
                _, dropped = self._items.popitem(last=False)
                self._bytes -= dropped[2]

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._bytes = 0
