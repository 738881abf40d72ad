"""
Regions mean "applies here": an entry tagged with a wider scope (England and Wales, England-wide,
Wales-wide) counts in every region that scope contains, in the filter, its counts, its chips, the API,
exports and feed. Expected figures are worked out from the demo fixture inside each test.
"""

import csv
import io
import math

import pytest

from catalogue.models import Region
from catalogue.search.facets import PAGE_SIZE
from demo.catalogue import current_specs, read_demo


def applying_in(region_slug: str) -> list[dict]:
    """The demo entries that apply in a region, by the hierarchy the database holds."""
    tags = Region.slugs_applying_in([region_slug])
    return [spec for spec in current_specs(read_demo()) if tags & set(spec.get("regions", []))]


@pytest.mark.django_db
def test_the_hierarchy_is_seeded_and_transitive():
    north_west = Region.objects.get(slug="north-west")
    assert {scope.slug for scope in north_west.scopes_containing()} == {"england-wide", "england-and-wales"}
    assert Region.slugs_applying_in(["wales"]) == {"wales", "wales-wide", "england-and-wales"}
    assert Region.slugs_applying_in(["england-wide"]) == {"england-wide", "england-and-wales"}
    assert Region.slugs_applying_in(["international"]) == {"international"}


@pytest.mark.django_db
class TestOnTheDemoCatalogue:
    # They only read the demo catalogue: one install shared with other such tests (tests/shared_builds.py).
    def test_wales_lists_every_entry_that_applies_in_wales(self, client, demo_catalogue):
        expected = applying_in("wales")
        tagged_wales_only = [spec for spec in current_specs(read_demo()) if "wales" in spec.get("regions", [])]
        assert len(expected) > len(tagged_wales_only)  # the point of the change
        html = client.get("/catalogue/?region=wales").content.decode()
        assert f"<strong>{len(expected)}</strong> entries" in html
        assert f'Wales <span class="facet__count">({len(expected)})</span>' in html
        assert "Applies in Wales" in html  # the chip
        titles = set()
        for page in range(1, math.ceil(len(expected) / PAGE_SIZE) + 1):
            page_html = client.get(f"/catalogue/?region=wales&page={page}").content.decode()
            titles |= {spec["title"] for spec in expected if spec["title"].replace("'", "&#x27;") in page_html}
        assert len(titles) == len(expected)

    def test_every_region_counts_what_applies_there_in_the_api_export_and_feed(
        self, client, immediate_tasks, demo_catalogue
    ):
        api = client.get("/api/v1/taxonomies/region/").json()
        counts = {value["slug"]: value["entries"] for value in api.get("values", api.get("items", []))}
        for region in Region.objects.all():
            assert counts[region.slug] == len(applying_in(region.slug)), region.slug

        # The API, the export and the feed read the same meaning.
        expected = {spec["title"] for spec in applying_in("north-west")}
        api = client.get("/api/v1/entries/?region=north-west&page_size=100").json()
        assert api["total"] == len(expected)
        assert {item["title"] for item in api["results"]} == expected
        export = client.get("/catalogue/export.csv?region=north-west")
        rows = list(csv.DictReader(io.StringIO(b"".join(export.streaming_content).decode())))
        assert {row["title"] for row in rows} == expected
        feed = client.get("/catalogue/feed/?region=north-west").content.decode()
        assert feed.count("<entry>") == min(len(expected), 50)


@pytest.mark.django_db
def test_the_evidence_map_filter_reads_the_same_meaning(client, catalogue):
    from evidencemap.filters import MapFilters
    from evidencemap.matrix import map_rows, matching_interventions
    from tests.factories import InterventionPageFactory

    national = InterventionPageFactory(parent=catalogue, title="National", regions=["england-and-wales"])
    welsh = InterventionPageFactory(parent=catalogue, title="Welsh", regions=["wales-wide"])
    london = InterventionPageFactory(parent=catalogue, title="London", regions=["london"])
    shown = set(matching_interventions(MapFilters(region=("wales",))).values_list("pk", flat=True))
    assert shown == {national.pk, welsh.pk}
    shown = set(matching_interventions(MapFilters(region=("london",))).values_list("pk", flat=True))
    assert shown == {national.pk, london.pk}
    for region, expected in (("wales", {national.pk, welsh.pk}), ("london", {national.pk, london.pk})):
        rows, _ = map_rows(MapFilters(region=(region,)))  # the map's rows, read from the search snapshot
        assert set(rows.tolist()) == expected
    assert client.get("/evidence-map/?region=wales").status_code == 200
    assert client.get("/evidence-map/evidence-map.csv?region=nowhere").status_code == 400
