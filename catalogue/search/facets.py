"""
The facets practitioners filter by: one declaration each, in the order the filter panel shows them.

A declaration is the only thing to write for a new facet (see docs/conventions.md, "Adding a facet").
Everything else reads this registry: the snapshot's masks (snapshot.py), query validation
(query.py), the filter panel, counts and chips (engine.py), the API's parameters, record fields and
OpenAPI description and the export columns (opendata), the models whose edits refresh the snapshot
(signals.py) and the vocabularies editors manage (editorial/roles.py).

Another app adds a facet with `register_facet(...)`, at import (its AppConfig.ready): the snapshot is
built from the registry, so a facet registered later is seen from the next snapshot on (registering
forgets the current one).
"""

from collections.abc import Callable, Iterator, Mapping

from .facet_kinds import EntryTypeFacet, Facet, NestedVocabularyFacet, VocabularyFacet

# Parameters the catalogue and the API read besides the facets.
RESERVED_PARAMS = frozenset({"q", "sort", "page", "page_size"})


class FacetRegistry:
    """The declared facets in panel order; iterating gives `Facet`s. Changed only by register/unregister."""

    def __init__(self, *facets: Facet):
        self._facets: list[Facet] = []
        self._listeners: list[Callable[[], None]] = []
        self._vocabularies: tuple = ()  # worked out on each change: every model save asks for it
        for facet in facets:
            self.register(facet)

    def __iter__(self) -> Iterator[Facet]:
        return iter(tuple(self._facets))

    def __len__(self) -> int:
        return len(self._facets)

    def get(self, param: str) -> Facet | None:
        return next((facet for facet in self._facets if facet.param == param), None)

    def register(self, facet: Facet, *, after: str | None = None) -> Facet:
        """Add `facet` at the end of the panel, or right after the facet whose parameter is `after`."""
        if facet.param in RESERVED_PARAMS or self.get(facet.param) is not None:
            raise ValueError(f"The parameter ‘{facet.param}’ is taken.")
        if any(other.field == facet.field for other in self._facets):
            raise ValueError(f"The record field ‘{facet.field}’ is taken.")
        position = len(self._facets) if after is None else self._facets.index(self.get(after)) + 1
        self._facets.insert(position, facet)
        self._changed()
        return facet

    def unregister(self, param: str) -> None:
        self._facets = [facet for facet in self._facets if facet.param != param]
        self._changed()

    def on_change(self, listener: Callable[[], None]) -> None:
        """Call `listener()` after every registration change (e.g. to forget a snapshot built without it)."""
        self._listeners.append(listener)

    def _changed(self) -> None:
        vocabularies = (facet.vocabulary for facet in self._facets if facet.vocabulary is not None)
        self._vocabularies = tuple(dict.fromkeys(vocabularies))
        for listener in self._listeners:
            listener()

    def vocabularies(self) -> tuple:
        """The vocabulary models behind the facets, once each, in panel order."""
        return self._vocabularies


class _FacetsByParam(Mapping):
    """A live view of the registry by parameter (the page cache and query reader look names up here)."""

    def __init__(self, registry: FacetRegistry):
        self._registry = registry

    def __getitem__(self, param: str) -> Facet:
        facet = self._registry.get(param)
        if facet is None:
            raise KeyError(param)
        return facet

    def __iter__(self) -> Iterator[str]:
        return (facet.param for facet in self._registry)

    def __len__(self) -> int:
        return len(self._registry)


FACETS = FacetRegistry(
    VocabularyFacet("area", "Area of practice", relation="areas"),
    VocabularyFacet("stage", "Stage", relation="stages"),
    VocabularyFacet("setting", "Delivery setting", relation="delivery_settings"),
    EntryTypeFacet("type", "Type of entry"),
    VocabularyFacet("evidence", "Strength of evidence", relation="evidence_level", group="kind"),
    # "Applies here": an entry tagged England and Wales is in Wales's and every English region's count.
    NestedVocabularyFacet(
        "region", "Region", relation="regions", ordering=("kind", "sort_order", "name"), group="kind", within="within"
    ),
    VocabularyFacet("topic", "Topic", relation="topics"),
)
FACETS_BY_PARAM = _FacetsByParam(FACETS)
register_facet = FACETS.register
unregister_facet = FACETS.unregister

# The orders results can be listed in; "evidence" follows the evidence facet's value order.
SORTS = {
    "relevance": "Relevance",
    "evidence": "Strength of evidence",
    "newest": "Newest",
    "title": "A to Z",
}
PAGE_SIZE = 20
MAX_QUERY_LENGTH = 200
