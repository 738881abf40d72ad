"""
The catalogue entries that apply in a place, for its own page (a local authority profile, a family
justice area): local examples from the place first, then from its region, then national guidance and
scope; and the case studies nearby. Read from the search snapshot, so only the entries shown are loaded, and
kept on it for the places last asked for: a profile's list cost about 5 ms a request (the entries' load and
its six queries), the same for every visitor until the next publish.
"""

from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

import numpy as np

from ..caches import RecentValues, content_version
from ..models import EntryPage
from ..models.visibility import without_private
from ..search.snapshot import get_snapshot
from .index import Place, local_authority_key, place_index
from .where import REGION_PARAM, authorities_mask

SHOWN = 5  # entries listed in each group; the rest are one link away
PLACES_KEPT = 12  # places whose lists each snapshot keeps, as the data wing keeps its places' charts
CASE_STUDY = "case-study"


@dataclass
class EntryGroup:
    """One group of entries that apply in a place: the first few, and how many in all."""

    heading: str
    entries: list = field(default_factory=list)
    total: int = 0


@dataclass
class EntriesHere:
    """What the catalogue holds for a place, in the order a practitioner there wants it."""

    place: Place
    groups: list[EntryGroup]
    case_studies: EntryGroup
    related: list[Place]  # the places containing it (its family justice area, its region)
    regions: list[tuple[str, str]]  # (name, "?region=..." query) for the catalogue link

    @property
    def total(self) -> int:
        return sum(group.total for group in self.groups)


def _ordered(mask: np.ndarray, snapshot, limit: int) -> tuple[list[int], int]:
    """The first `limit` entry ids of a mask in the catalogue's default order (strongest evidence first)."""
    order = snapshot.orders["evidence"]
    positions = order[mask[order]]
    return [int(i) for i in snapshot.ids[positions[:limit]]], len(positions)


def entries_applying_in(kind: str, code: str, limit: int = SHOWN) -> EntriesHere | None:
    """
    The entries that apply in the place `kind:code` of the place index (None if it is not there). Kept on the
    snapshot it was read from for the last `PLACES_KEPT` places: callers share it and must not change it.
    """
    # Right after a publish a visitor may be answered from the previous snapshot while the new one is built (at
    # 100,000 entries a profile's first request built it itself, about a second); what it lists is checked below.
    snapshot = get_snapshot(previous_while_rebuilding=True)
    kept = snapshot.memo("entries-here", lambda: RecentValues(PLACES_KEPT))
    here = kept.get((kind, code, limit), lambda: _read(snapshot, kind, code, limit))
    if here is not None and snapshot.version != content_version():
        return _still_public(here)
    return here


def _still_public(here: EntriesHere) -> EntriesHere:
    """A previous snapshot's list without any entry withdrawn or made private since (one query)."""
    listed = [group.entries for group in (*here.groups, here.case_studies)]
    shown = {entry.pk for entries in listed for entry in entries}
    public = set(without_private(EntryPage.objects.live()).filter(pk__in=shown).values_list("pk", flat=True))
    if public == shown:
        return here
    groups = [_public_only(group, public) for group in here.groups]
    return replace(here, groups=groups, case_studies=_public_only(here.case_studies, public))


def _public_only(group: EntryGroup, public: set[int]) -> EntryGroup:
    entries = [entry for entry in group.entries if entry.pk in public]
    return EntryGroup(group.heading, entries, group.total - (len(group.entries) - len(entries)))


def _read(snapshot, kind: str, code: str, limit: int) -> EntriesHere | None:
    index = place_index()
    place = index.places.get(f"{kind}:{code}")
    if place is None:
        return None
    codes = {key.split(":", 1)[1] for key in place.contains} or {code}
    values = {value.slug: value for value in snapshot.facets.get(REGION_PARAM, ())}
    regions = [values[slug] for slug in place.regions if slug in values]
    here = authorities_mask(snapshot, codes)
    regional = np.zeros(snapshot.size, dtype=bool)
    applying = np.zeros(snapshot.size, dtype=bool)
    for value in regions:
        regional |= value.tagged if value.tagged is not None else value.mask
        applying |= value.mask
    masks = [
        (f"Local examples from {place.name}", here),
        (f"Local examples from {' and '.join(v.label for v in regions)}", regional & ~here),
        ("National guidance and scope that applies here", applying & ~regional & ~here),
    ]
    groups, wanted = [], []
    for heading, mask in masks:
        ids, total = _ordered(mask, snapshot, limit)
        groups.append(EntryGroup(heading, ids, total))
        wanted += ids
    case_types = {v.slug: v.mask for v in snapshot.facets.get("type", ())}
    nearby = (here | regional) & case_types.get(CASE_STUDY, np.zeros(snapshot.size, dtype=bool))
    case_ids, case_total = _ordered(nearby, snapshot, limit)
    # Only titles, addresses and types are listed: one query, not the result cards' five (4 ms at 100,000 entries).
    loaded = EntryPage.objects.filter(pk__in=set(wanted + case_ids)).order_by().in_bulk()
    for group in groups:
        group.entries = [loaded[pk] for pk in group.entries if pk in loaded]
    related = [index.places[key] for key in index.within.get(local_authority_key(code), ()) if key in index.places]
    return EntriesHere(
        place=place,
        groups=groups,
        case_studies=EntryGroup("Case studies nearby", [loaded[pk] for pk in case_ids if pk in loaded], case_total),
        related=[p for p in related if p.kind != place.kind],
        regions=[(v.label, "?" + urlencode([(REGION_PARAM, v.slug)])) for v in regions],
    )
