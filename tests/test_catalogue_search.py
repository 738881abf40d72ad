"""The faceted search at /catalogue/: text with filters, sorts, and search over many entries."""

import pytest

from catalogue.search.engine import run_search
from catalogue.search.query import CatalogueQuery
from catalogue.search.snapshot import get_snapshot
from tests.factories import GuidancePageFactory, InterventionPageFactory


@pytest.mark.django_db
def test_text_search_combined_with_filters(catalogue):
    InterventionPageFactory(
        parent=catalogue,
        title="Substance-use midwifery team",
        summary="Specialist midwives for pregnant women who use drugs.",
        areas=["peri-natal-intervention"],
        regions=["london"],
    )
    InterventionPageFactory(
        parent=catalogue,
        title="Midwife-led pre-birth panel",
        summary="Midwives and social workers plan together.",
        areas=["pre-birth-assessment"],
        regions=["wales"],
    )
    GuidancePageFactory(
        parent=catalogue,
        title="Court timetable guidance",
        summary="Nothing about it.",
        areas=["pre-birth-assessment"],
        regions=["london"],
    )
    snapshot = get_snapshot()

    def titles(text, **filters):
        query = CatalogueQuery.from_params(_params(q=text, **filters), snapshot.known_values())
        return [entry.title for entry in run_search(query, snapshot).entries]

    assert sorted(titles("midwives")) == ["Midwife-led pre-birth panel", "Substance-use midwifery team"]
    assert titles("midwives", region="london") == ["Substance-use midwifery team"]
    assert titles("midwives", area="pre-birth-assessment") == ["Midwife-led pre-birth panel"]
    # No entry has both words: the entries with one of them are shown, and the page says so.
    query = CatalogueQuery.from_params(_params(q="midwives court"), snapshot.known_values())
    results = run_search(query, snapshot)
    assert results.total == 3 and "1 of the 2" in " ".join(n.sentence for n in results.notices)
    assert titles("MIDWIF") != []  # case-insensitive, prefix-matched


@pytest.mark.django_db
def test_relevance_puts_title_matches_first(catalogue):
    InterventionPageFactory(parent=catalogue, title="A service", summary="It mentions advocacy once.")
    InterventionPageFactory(parent=catalogue, title="Advocacy for parents", summary="Advocacy advocacy.")
    snapshot = get_snapshot()
    query = CatalogueQuery.from_params(_params(q="advocacy"), snapshot.known_values())
    assert query.sort == "relevance"
    assert [e.title for e in run_search(query, snapshot).entries][0] == "Advocacy for parents"


@pytest.mark.django_db
def test_sorts(catalogue):
    InterventionPageFactory(parent=catalogue, title="Beta", evidence="promising")
    InterventionPageFactory(parent=catalogue, title="alpha")
    InterventionPageFactory(parent=catalogue, title="Gamma", evidence="moderate")
    snapshot = get_snapshot()

    def order(sort):
        query = CatalogueQuery.from_params(_params(sort=sort), snapshot.known_values())
        return [e.title for e in run_search(query, snapshot).entries]

    assert order("title") == ["alpha", "Beta", "Gamma"]
    assert order("evidence") == ["Gamma", "Beta", "alpha"]
    assert order("newest") == ["Gamma", "alpha", "Beta"]


def _params(**values):
    from django.http import QueryDict

    params = QueryDict(mutable=True)
    for key, value in values.items():
        for item in value if isinstance(value, list) else [value]:
            params.appendlist(key, item)
    return params
