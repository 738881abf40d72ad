"""
The places a search can name, and reading them out of a search.

Places come from the apps that have a page for them, through the `register_place_index` hook
(`catalogue.extensions`): the explorer's local authority profiles, the family justice area pages, and
the catalogue's own regions. The index is built once per content version (`visitor_list`), so
recognising a place costs no query. Names are compared folded: case, accents, apostrophes, hyphens
and other punctuation aside ("Ynys Môn" = "ynys mon", "King's Lynn" = "kings lynn", "Stoke on Trent"
= "Stoke-on-Trent").
"""

import re
import unicodedata
from dataclasses import dataclass, field

from wagtail import hooks

from ..caches import visitor_list
from ..extensions import PLACE_INDEX_HOOK

LONGEST_NAME = 6  # words; no place name is longer ("Northumbria and North Durham" is 4)
PLACE_WORDS = frozenset({"in", "near", "around", "across", "at"})  # "pre-birth assessment in Cardiff"
KIND_ORDER = {"local-authority": 0, "family-justice-area": 1, "region": 2}


@dataclass(frozen=True)
class Place:
    """A place with a page: what it is, what it is called, where it leads and where entries apply for it."""

    key: str  # unique, e.g. "local-authority:W06000015"
    kind: str  # "local-authority", "family-justice-area" or "region"
    kind_label: str  # what the reader is offered, e.g. "Local authority profile"
    name: str
    url: str
    names: tuple[str, ...] = ()  # other names it is known by (Welsh names, towns in an area's name)
    regions: tuple[str, ...] = ()  # region slugs whose entries apply here
    contains: tuple[str, ...] = ()  # keys of the places inside it (an area's or a region's authorities)


@dataclass(frozen=True)
class PlaceIndex:
    """Every place, by key and by folded name; `within[key]` the keys of the places containing it."""

    places: dict[str, Place] = field(default_factory=dict)
    by_name: dict[str, tuple[str, ...]] = field(default_factory=dict)
    within: dict[str, tuple[str, ...]] = field(default_factory=dict)


def fold(text: str) -> str:
    """A name or search as compared: lower case, no accents or apostrophes, punctuation as spaces."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(character for character in text if not unicodedata.combining(character))
    text = re.sub(r"['’‘`]", "", text.replace("&", " and "))
    return " ".join(re.sub(r"[\W_]+", " ", text).split())


def build_index(places) -> PlaceIndex:
    by_key = {place.key: place for place in places}
    by_name: dict[str, list[str]] = {}
    within: dict[str, list[str]] = {}
    for place in by_key.values():
        for name in (place.name, *place.names):
            folded = fold(name)
            if folded and place.key not in by_name.get(folded, ()):
                by_name.setdefault(folded, []).append(place.key)
        for inner in place.contains:
            within.setdefault(inner, []).append(place.key)
    return PlaceIndex(
        by_key, {name: tuple(keys) for name, keys in by_name.items()}, {k: tuple(v) for k, v in within.items()}
    )


def _every_place() -> PlaceIndex:
    """The places every registered app supplies, once per content version and process."""
    return build_index(place for supply in hooks.get_hooks(PLACE_INDEX_HOOK) for place in supply())


place_index = visitor_list("place-index", _every_place)


def local_authority_key(ons_code: str) -> str:
    """The key every app uses for a local authority, so an area or region can say it contains it."""
    return f"local-authority:{ons_code}"
