"""
What a result card is drawn from, as two stamps, so that a card can be kept across publishes that did not
change it (`cards.py`): one per entry (its live revision and its address), one for everything the cards
share (the vocabularies' names, local authorities, region scopes, evidence levels and the site's address).

A card shows only its entry's published content, read from the entry's live revision (title, summary,
areas, regions, local authorities, rating, guidance status), its address, and those shared names. Publishing
an entry gives it a new live revision; moving it changes its address; renaming a term or an authority, or
changing an evidence level or the site, changes the shared stamp, which every kept card's key holds.
"""

import hashlib
import zlib

import numpy as np
from wagtail.models import Site

from ..models import EvidenceLevel, LocalAuthority, Region


def card_stamps(revisions, paths) -> np.ndarray:
    """One int64 per entry: its live revision id (high half) and a checksum of its tree address (low half)."""
    stamps = np.fromiter((revision or 0 for revision in revisions), dtype=np.int64)
    checksums = np.fromiter((zlib.crc32(path.encode()) for path in paths), dtype=np.int64, count=len(stamps))
    return (stamps << 32) | checksums


def card_chrome(facets: dict) -> str:
    """A digest of everything all cards share, at the moment the snapshot is built."""
    shared = (
        [(param, value.slug, value.label, value.group) for param, values in facets.items() for value in values],
        *names_and_site(),
    )
    return hashlib.sha256(repr(shared).encode()).hexdigest()


def names_and_site() -> tuple[list, ...]:
    """Local authorities, regions, evidence levels and the site's address, as every card and record reads them."""
    return (
        list(LocalAuthority.objects.order_by("pk").values_list("pk", "name", "region_id")),
        list(Region.objects.order_by("pk").values_list()),
        list(EvidenceLevel.objects.order_by("pk").values_list()),
        list(Site.objects.order_by("pk").values_list("hostname", "port", "root_page_id", "is_default_site")),
    )
