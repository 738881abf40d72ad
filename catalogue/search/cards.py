"""
Result cards rendered once and kept while what they show is unchanged, not on every request (issue 25).

A card shows only what is stored with its entry (title, summary, type, areas, rating, where it applies),
so the same entry's card is the same HTML for every visitor until the entry is published again, moved, or
a name every card shares changes (a term, an authority, an evidence level: `card_stamps.py`), and its key
holds all of these; only the regions chosen in the filter change it besides ("Local example from …",
"Applies in …"), so they are part of the key too. A publish therefore re-renders the published entry's
card, not every card. Rendering twenty cards through the template engine, and loading their entries with
their areas, regions and stages, was the largest part of a catalogue search after the search itself. A
page whose cards are all kept asks the database nothing for them.

The cards kept are bounded (MAX_CARDS, the least recently shown dropped first).
"""

import threading
from collections import OrderedDict

import numpy as np
from django.utils.safestring import SafeString, mark_safe

from ..caches import register
from ..extensions import evidence_scale_url
from ..places.where import REGION_PARAM
from .engine import CatalogueResults, load_entries

MAX_CARDS = 2000  # about 100 pages of results; a card is 1 to 2 KB of HTML
CARD_TEMPLATE = "includes/result_card.html"


class CardCache:
    """(entry id, its card stamp, chosen regions, shared stamp, evidence scale URL) -> the card's HTML."""

    def __init__(self, max_cards: int = MAX_CARDS):
        self.max_cards = max_cards
        self._cards: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get_many(self, keys: list) -> dict:
        with self._lock:
            found = {}
            for key in keys:
                if key in self._cards:
                    self._cards.move_to_end(key)
                    found[key] = self._cards[key]
            return found

    def put(self, key, html: str) -> None:
        with self._lock:
            self._cards[key] = html
            while len(self._cards) > self.max_cards:
                self._cards.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._cards = OrderedDict()

    def __len__(self) -> int:
        return len(self._cards)


_cards = register("result cards", CardCache())


def result_cards(results: CatalogueResults, context) -> SafeString:
    """The cards of the results' page, in order: kept ones as they are, the others loaded and rendered once."""
    keys = _card_keys(results)
    cards = _cards.get_many(list(keys.values())) if keys else {}
    missing = [pk for pk in results.page_ids if keys.get(pk) not in cards]
    rendered = {}
    if missing:
        template = context.template.engine.get_template(CARD_TEMPLATE)
        for entry in load_entries(missing):
            with context.push(entry=entry):
                rendered[entry.pk] = html = template.render(context)
            if entry.pk in keys:
                _cards.put(keys[entry.pk], html)
    shown = [rendered.get(pk) or cards.get(keys.get(pk)) for pk in results.page_ids]
    return mark_safe("".join(html for html in shown if html))


def _card_keys(results: CatalogueResults) -> dict[int, tuple]:
    """Each card's key, for the entries the snapshot holds stamps for (none without a snapshot)."""
    snapshot = results.snapshot
    if snapshot is None or snapshot.card_stamps is None or not results.page_ids:
        return {}
    chosen = tuple(sorted(results.query.filters.get(REGION_PARAM, ())))
    shared = (snapshot.card_chrome, evidence_scale_url())
    positions, found = snapshot.locate(np.array(results.page_ids, dtype=np.int64))
    return {
        pk: (pk, int(snapshot.card_stamps[position]), chosen, shared)
        for pk, position, present in zip(results.page_ids, positions, found, strict=True)
        if present
    }
