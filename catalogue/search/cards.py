"""
Result cards rendered once per content version and process, not on every request (issue 25, item 6).

A card shows only what is stored with its entry (title, summary, type, areas, rating, where it applies),
so between two publishes the same entry's card is the same HTML for every visitor; only the regions
chosen in the filter change it ("Local example from …", "Applies in …"), so they are part of the key.
Rendering twenty cards through the template engine, and loading their entries with their areas,
regions and stages, was the largest part of a catalogue search after the search itself. A page whose
cards are all kept asks the database nothing for them.

The cards kept are bounded (MAX_CARDS, the least recently shown dropped first); a new content version
empties them, as every per-process cache here does (`catalogue.caches`).
"""

import threading
from collections import OrderedDict

from django.utils.safestring import SafeString, mark_safe

from ..caches import register
from ..places.where import REGION_PARAM
from .engine import CatalogueResults, load_entries

MAX_CARDS = 2000  # about 100 pages of results; a card is 1 to 2 KB of HTML
CARD_TEMPLATE = "includes/result_card.html"


class CardCache:
    """(entry id, chosen regions) -> the card's HTML, for one content version at a time."""

    def __init__(self, max_cards: int = MAX_CARDS):
        self.max_cards = max_cards
        self._version: int | None = None
        self._cards: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get_many(self, version: int, keys: list) -> dict:
        with self._lock:
            if version != self._version:
                self._version, self._cards = version, OrderedDict()
            found = {}
            for key in keys:
                if key in self._cards:
                    self._cards.move_to_end(key)
                    found[key] = self._cards[key]
            return found

    def put(self, version: int, key, html: str) -> None:
        with self._lock:
            if version != self._version:
                return  # rendered for a version that has moved on meanwhile
            self._cards[key] = html
            while len(self._cards) > self.max_cards:
                self._cards.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._version, self._cards = None, OrderedDict()

    def __len__(self) -> int:
        return len(self._cards)


_cards = register("result cards", CardCache())


def result_cards(results: CatalogueResults, context) -> SafeString:
    """The cards of the results' page, in order: kept ones as they are, the others loaded and rendered once."""
    version = results.snapshot.version if results.snapshot is not None else None
    chosen = tuple(sorted(results.query.filters.get(REGION_PARAM, ())))
    keys = [(pk, chosen) for pk in results.page_ids]
    cards = _cards.get_many(version, keys) if version is not None else {}
    missing = [pk for pk, _ in keys if (pk, chosen) not in cards]
    if missing:
        template = context.template.engine.get_template(CARD_TEMPLATE)
        for entry in load_entries(missing):
            with context.push(entry=entry):
                cards[(entry.pk, chosen)] = html = template.render(context)
            if version is not None:
                _cards.put(version, (entry.pk, chosen), html)
    return mark_safe("".join(cards[key] for key in keys if key in cards))
