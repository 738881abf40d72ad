"""
Reading a place out of a catalogue search: "Blackpool", "Caerdydd", "Lancaster", "North West", or
"pre-birth assessment in Cardiff". A search that is a place (or says "in <place>") leads to it: the
page offers the place's own pages first (its profile, its family justice area, its region), then the
entries that apply there. A place named in passing ("Reading" in "reading to babies") is only offered
beside the results, which stay those of the words.
"""

import dataclasses
from dataclasses import dataclass

import numpy as np

from ..search.query import CatalogueQuery
from .index import KIND_ORDER, LONGEST_NAME, PLACE_WORDS, Place, PlaceIndex, fold, place_index
from .where import REGION_PARAM, authorities_mask

MOST_WORDS = 60  # a 1,000-word question is cut to 200 characters before it gets here; this is a second guard


@dataclass(frozen=True)
class PlaceSearch:
    """The places a search names, and whether the search is about them."""

    places: tuple[Place, ...]  # named ones first, then those containing them; profiles, areas, regions
    named: tuple[Place, ...]  # the places the words name
    leads: bool  # the search is about the place: results narrowed to the entries that apply there
    remainder: str  # the words that are not the place, searched as words when `leads`
    regions: tuple[str, ...]  # region slugs whose entries apply in the named places

    @property
    def region_names(self) -> list[str]:
        return [place.name for place in self.places if place.kind == "region" and place.regions[0] in self.regions]


def _words(text: str) -> list[tuple[str, int]]:
    """(folded word, index of the typed word it came from): "Stoke-on-Trent" gives three words."""
    tokens = text.split()[:MOST_WORDS]
    return [(word, index) for index, token in enumerate(tokens) for word in fold(token).split()]


def _spans(words: list[str], index: PlaceIndex) -> list[tuple[int, int, tuple[str, ...]]]:
    """(start, end, place keys) of each name found, longest first and left to right, never overlapping."""
    spans, start = [], 0
    while start < len(words):
        for length in range(min(LONGEST_NAME, len(words) - start), 0, -1):
            keys = index.by_name.get(" ".join(words[start : start + length]))
            if keys:
                spans.append((start, start + length, keys))
                start += length
                break
        else:
            start += 1
    return spans


def read_place(text: str, index: PlaceIndex | None = None) -> PlaceSearch | None:
    """The places `text` names, or None if it names none."""
    index = place_index() if index is None else index
    pairs = _words(text)
    words = [word for word, _ in pairs]
    spans = _spans(words, index)
    if not spans:
        return None
    leading = [
        (start, end, keys)
        for start, end, keys in spans
        if (start == 0 and end == len(words)) or (start > 0 and words[start - 1] in PLACE_WORDS)
    ]
    chosen = leading or spans
    named = _ordered(index.places[key] for _, _, keys in chosen for key in keys)
    regions = tuple(dict.fromkeys(slug for place in named for slug in place.regions))
    outer_keys = [outer for place in named for outer in index.within.get(place.key, ())]
    outer_keys += [f"region:{slug}" for slug in regions]  # an area's regions, as the catalogue names them
    containing = _ordered(index.places[key] for key in outer_keys if key in index.places)
    dropped = set()
    for start, end, _ in leading:
        dropped |= {pairs[position][1] for position in range(max(0, start - 1) if start else 0, end)}
    tokens = text.split()[:MOST_WORDS]
    remainder = " ".join(token for position, token in enumerate(tokens) if position not in dropped)
    return PlaceSearch(
        places=tuple(dict.fromkeys((*named, *containing))),
        named=tuple(named),
        leads=bool(leading),
        remainder=remainder if leading else text,
        regions=regions,
    )


def _ordered(places) -> list[Place]:
    unique = list(dict.fromkeys(places))
    return sorted(unique, key=lambda place: KIND_ORDER.get(place.kind, len(KIND_ORDER)))


def narrowed_to_place(query: CatalogueQuery, found: PlaceSearch | None, known_regions) -> CatalogueQuery:
    """
    The search the page runs for a search that leads to a place: the other words, and the entries
    that apply in the place's regions (added to any chosen). Otherwise the query as it is.
    """
    if found is None or not found.leads:
        return query
    regions = [slug for slug in found.regions if slug in known_regions]
    filters = dict(query.filters)
    filters[REGION_PARAM] = tuple(dict.fromkeys((*filters.get(REGION_PARAM, ()), *regions)))
    return dataclasses.replace(query, text=found.remainder, filters=filters)


def place_tiers(found: PlaceSearch | None, snapshot) -> np.ndarray | None:
    """
    For a search that leads to a place: 0 for entries from the place itself (tagged with its local
    authorities), 1 for local examples from its region, 2 for the rest (national guidance and scope).
    """
    if found is None or not found.leads:
        return None
    codes = set()
    for place in found.named:
        inner = place.contains or (place.key,)
        codes |= {key.split(":", 1)[1] for key in inner if key.startswith("local-authority:")}
    tiers = np.full(snapshot.size, 2, dtype=np.int8)
    for value in snapshot.facets.get(REGION_PARAM, ()):
        if value.slug in found.regions and value.tagged is not None:
            tiers[value.tagged] = 1
    tiers[authorities_mask(snapshot, codes)] = 0
    return tiers
