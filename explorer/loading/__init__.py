"""
Loading every published dataset of the data wing from fixtures/ in one transaction: running it again
gives the same result (idempotent), and a missing or malformed file stops the load with a
`FixtureError` naming the file and line, leaving the previous data intact. A new dataset is one more
entry in `LOADERS`.
"""

from contextlib import contextmanager

from django.db import DatabaseError, transaction

from catalogue.models import ContentVersion

from ..models import DataVersion
from . import context_measures, family_justice, infant_care, open_data
from .reader import POSITION, FixtureError

__all__ = ["LOADERS", "FixtureError", "bulk_change", "load_all"]

LOADERS = {**open_data.LOADERS, **infant_care.LOADERS, **family_justice.LOADERS, **context_measures.LOADERS}


@contextmanager
def bulk_change():
    """
    Within: a change to many of the data wing's rows (a load, or emptying its tables), in one transaction. Most rows
    are written and deleted with no signal each (`reader.insert_all`, `reader.delete_all`), so the data version the
    figures are kept by moves once, and the content version once at commit, so that cached pages, the place index
    and the board reports' digests follow the new figures.
    """
    with transaction.atomic():
        with DataVersion.one_move_for():
            yield
        ContentVersion.bump()


def load_all(loaders=None) -> dict[str, int]:
    """Run every loader (or those named) in one transaction; returns rows per table."""
    POSITION.filename, POSITION.line = "", 0
    chosen = LOADERS if loaders is None else {name: LOADERS[name] for name in loaders}
    try:
        counts = {}
        with bulk_change():
            for name, loader in chosen.items():
                rows = loader()
                counts.update(rows if isinstance(rows, dict) else {name: rows})  # some fill several tables
        return counts
    except FixtureError:
        raise
    except (ValueError, KeyError, TypeError, ArithmeticError, LookupError, DatabaseError) as error:
        # A database error (e.g. a value too long for its column) is reported from the last row read.
        where = f"{POSITION.filename}, line {POSITION.line}" if POSITION.filename else "a fixture file"
        raise FixtureError(f"{where}: {error.__class__.__name__}: {error}") from error
