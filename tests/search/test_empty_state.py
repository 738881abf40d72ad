"""A search that finds nothing says what was searched, offers to drop filters, and links to browsing."""

import pytest

from tests.factories import InterventionPageFactory


@pytest.mark.django_db
def test_the_empty_state_explains_and_offers_ways_on(client, catalogue):
    InterventionPageFactory(
        parent=catalogue,
        title="Caring Dads",
        summary="A programme for fathers.",
        regions=["london"],
        stages=["after-removal"],
        areas=["post-removal-support"],
    )
    html = client.get("/catalogue/", {"q": "dads", "region": "wales"}).content.decode()
    assert "No entries match your search" in html
    assert "‘dads’ (or ‘fathers’, ‘paternal’)" in html  # the words searched, synonyms included
    assert 'href="?q=dads">remove the filter region: Wales</a> (1 entry)' in html
    assert 'href="/catalogue/?stage=after-removal"' in html and 'href="/catalogue/?area=post-removal-support"' in html


@pytest.mark.django_db
def test_no_offer_to_drop_filters_when_the_words_found_nothing(client, catalogue):
    InterventionPageFactory(parent=catalogue, title="Caring Dads", summary="A programme.", regions=["london"])
    html = client.get("/catalogue/", {"q": "wibble", "region": "london"}).content.decode()
    assert "No entries match your search" in html and "remove the filter" not in html
