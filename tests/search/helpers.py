"""Running a catalogue search the way the page does, for the search tests."""

from urllib.parse import urlencode

from django.http import QueryDict

from catalogue.search.engine import run_search
from catalogue.search.query import CatalogueQuery
from catalogue.search.snapshot import get_snapshot


def search(text: str, **filters):
    """The catalogue's results for `text` (and filters), as the catalogue page computes them."""
    snapshot = get_snapshot()
    params = QueryDict(urlencode([("q", text)] + [(k, v) for k, values in filters.items() for v in values]))
    query = CatalogueQuery.from_params(params, snapshot.known_values())
    return run_search(query, snapshot, page_size=1000)


def slugs(text: str, **filters) -> list[str]:
    return [entry.slug for entry in search(text, **filters).entries]
