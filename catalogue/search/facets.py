"""The facets practitioners filter by, in the order the filter panel shows them."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Facet:
    """A filterable dimension: its URL parameter, its label and the entry relation behind it."""

    param: str
    label: str
    relation: str  # EntryPage field holding the values ("" for entry type)


FACETS = (
    Facet("area", "Area of practice", "areas"),
    Facet("stage", "Stage", "stages"),
    Facet("type", "Type of entry", ""),
    Facet("evidence", "Strength of evidence", "evidence_level"),
    Facet("region", "Region", "regions"),
    Facet("topic", "Topic", "topics"),
)
FACETS_BY_PARAM = {facet.param: facet for facet in FACETS}

SORTS = {
    "relevance": "Relevance",
    "evidence": "Strength of evidence",
    "newest": "Newest",
    "title": "A to Z",
}
PAGE_SIZE = 20
MAX_QUERY_LENGTH = 200
