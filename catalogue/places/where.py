"""
What a result card says about where an entry applies: national guidance or scope for the place a
reader chose, or a local example from it (with its local authorities). Read from the snapshot, so a
page of results costs no query for it.
"""

from dataclasses import dataclass, field

import numpy as np

from ..models import EntryPage, Region
from ..search.facets import FACETS

REGION_PARAM = "region"
AUTHORITIES_SHOWN = 4


@dataclass(frozen=True)
class EntryWhere:
    """Where one entry applies, as its card says it."""

    national: tuple[str, ...] = ()  # the wider scopes it is tagged with, e.g. "England and Wales"
    local: tuple[str, ...] = ()  # the regions it is a local example from
    authorities: tuple[str, ...] = ()  # its local authorities (the first few)
    more_authorities: int = 0
    relation: str = ""  # "local" or "national" for the region chosen in the filter, else ""
    chosen: tuple[str, ...] = field(default=())  # the chosen regions it relates to, by name


def scopes_containing(snapshot) -> dict[str, set[str]]:
    """Region slug -> the slugs of the scopes containing it, once per snapshot."""
    facet = FACETS.get(REGION_PARAM)
    return snapshot.memo("region-containing", facet.containing if hasattr(facet, "containing") else dict)


def entry_authorities(snapshot) -> dict[int, list[tuple[str, str, str]]]:
    """Entry id -> its local authorities (ONS code, name, region slug), once per snapshot (one query then)."""

    def read():
        through = EntryPage.local_authorities.through
        links = through.objects.order_by("localauthority__name").values_list(
            "entrypage_id", "localauthority__ons_code", "localauthority__name", "localauthority__region__slug"
        )
        chosen: dict[int, list[tuple[str, str, str]]] = {}
        for entry_id, code, name, region in links:
            chosen.setdefault(entry_id, []).append((code, name, region))
        return chosen

    return snapshot.memo("entry-local-authorities", read)


def describe_where(entry, snapshot, chosen_slugs=()) -> EntryWhere:
    """Where `entry` applies; `chosen_slugs` are the regions selected in the filter, if any."""
    regions = list(entry.regions.all())  # prefetched with the page of results
    national = [r for r in regions if r.kind == Region.Kind.SCOPE]
    local = [r for r in regions if r.kind != Region.Kind.SCOPE]
    authorities = entry_authorities(snapshot).get(entry.pk, []) if local else []
    relation, chosen = "", ()
    if chosen_slugs:
        names = {value.slug: value.label for value in snapshot.facets.get(REGION_PARAM, ())}
        containing = scopes_containing(snapshot)

        def covers(scope, slug):  # the entry's scope is the chosen region or contains it
            return scope.slug == slug or scope.slug in containing.get(slug, ())

        local_hits = [r.name for r in local if r.slug in chosen_slugs]
        national_hits = [names.get(slug, slug) for slug in chosen_slugs if any(covers(r, slug) for r in national)]
        if local_hits:
            relation, chosen = "local", tuple(local_hits)
            authorities = [authority for authority in authorities if authority[2] in chosen_slugs]  # those there
        elif national_hits:
            relation, chosen = "national", tuple(national_hits)
            # Only the scopes it applies through ("England and Wales", not also "International").
            national = [r for r in national if any(covers(r, slug) for slug in chosen_slugs)]
    return EntryWhere(
        national=tuple(r.name for r in national),
        local=tuple(r.name for r in local),
        authorities=tuple(name for _, name, _ in authorities[:AUTHORITIES_SHOWN]),
        more_authorities=max(0, len(authorities) - AUTHORITIES_SHOWN),
        relation=relation,
        chosen=chosen,
    )


def authorities_mask(snapshot, codes: set[str]) -> np.ndarray:
    """The entries tagged with any of these local authorities (ONS codes), as a snapshot mask."""
    ids = [entry_id for entry_id, chosen in entry_authorities(snapshot).items() if codes & {c for c, *_ in chosen}]
    positions, found = snapshot.locate(np.array(ids, dtype=np.int64))
    mask = np.zeros(snapshot.size, dtype=bool)
    mask[positions[found]] = True
    return mask
