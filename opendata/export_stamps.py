"""
What an entry's export record is made from, as stamps, so the task worker can copy a record from the previous
version's files instead of building it again: at 100,000 entries building every record took about 15 s of
the worker's time after each publish, while a publish changes one.

A record holds the entry's published fields and its links to the vocabularies (both written when the entry is
published, which gives it a new live revision), its address, and the names of the vocabulary terms, evidence
levels and local authorities, the site's address and the export's columns. The entry's stamp is its live
revision and address (`card_stamps`, as for result cards); the shared stamp is a digest of everything else,
and a change to it rebuilds every record.
"""

import hashlib

import numpy as np
from django.conf import settings

from catalogue.models import EntryPage
from catalogue.models.visibility import without_private
from catalogue.search.card_stamps import card_stamps, names_and_site
from catalogue.search.facets import FACETS

RECORD_FORMAT = 1  # moved on whenever the code writes a record differently: no older line is then reused


def public_entry_stamps() -> tuple[np.ndarray, np.ndarray]:
    """Every live public entry's id, ascending, and its stamp."""
    rows = list(
        without_private(EntryPage.objects.live()).order_by("pk").values_list("pk", "live_revision_id", "url_path")
    )
    ids = np.fromiter((row[0] for row in rows), dtype=np.int64, count=len(rows))
    return ids, card_stamps((row[1] for row in rows), [row[2] for row in rows])


def shared_stamp(columns: tuple[str, ...]) -> str:
    """A digest of what every record shares: when it changes, no record of another version is reused."""
    vocabularies = {getattr(facet, "vocabulary", None) for facet in FACETS} - {None}
    shared = (
        RECORD_FORMAT,
        columns,
        sorted((model._meta.label, list(model.objects.order_by("pk").values_list())) for model in vocabularies),
        *names_and_site(),
        getattr(settings, "SITE_BASE_URL", ""),
    )
    return hashlib.sha256(repr(shared).encode()).hexdigest()
