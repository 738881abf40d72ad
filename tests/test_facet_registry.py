"""
A facet is one declaration: registered here, in the test, over a relation no facet reads (an entry's
local authorities), it appears in the catalogue page's filter panel with counts, filters the page,
the API (parameters, records, taxonomies, OpenAPI) and the exports, and refreshes with its vocabulary.
"""

import csv
import io
import json

import pytest
from openapi_spec_validator import validate

from catalogue.models import LocalAuthority
from catalogue.search.facet_kinds import VocabularyFacet
from catalogue.search.facets import FACETS, register_facet, unregister_facet
from catalogue.signals import snapshot_models
from editorial import roles
from tests.factories import GuidancePageFactory, InterventionPageFactory

# Exports are prepared by the task worker: here the tasks run at once (tests/opendata/test_export_queue.py queues them).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("immediate_tasks")]

AUTHORITY = VocabularyFacet(
    "authority",
    "Local authority",
    relation="local_authorities",
    slug_field="ons_code",
    ordering=("country", "name"),
    group="country",
)


@pytest.fixture
def authority_facet():
    register_facet(AUTHORITY, after="region")
    yield AUTHORITY
    unregister_facet(AUTHORITY.param)


@pytest.fixture
def entries(catalogue, authority_facet, django_capture_on_commit_callbacks):
    """Three published entries: two in the first authority (one also in the second), one in none."""
    first, second = LocalAuthority.objects.order_by("ons_code")[:2]
    with django_capture_on_commit_callbacks(execute=True):
        made = {
            "first only": InterventionPageFactory(parent=catalogue, title="Service in one place", publish=False),
            "both": GuidancePageFactory(parent=catalogue, title="Guidance for two places", publish=False),
            "none": InterventionPageFactory(parent=catalogue, title="Service everywhere", publish=False),
        }
        made["first only"].local_authorities.set([first])
        made["both"].local_authorities.set([first, second])
        for entry in made.values():
            entry.save_revision().publish()
    in_first = {made["first only"].title, made["both"].title}
    return {"first": first, "second": second, "in_first": in_first, "all": {e.title for e in made.values()}}


def page_results(client, catalogue, params=None):
    response = client.get(catalogue.url, params or {})
    assert response.status_code == 200
    return response, {entry.title for entry in response.context["results"].entries}


def export_rows(client, catalogue, params):
    response = client.get(f"{catalogue.url}export.csv", params)
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))


def test_the_page_shows_the_facet_with_counts_and_filters_by_it(client, catalogue, entries):
    first = entries["first"]
    response, titles = page_results(client, catalogue)
    html = response.content.decode()
    assert titles == entries["all"]
    assert f'<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{AUTHORITY.label}</legend>' in html
    expected = len(entries["in_first"])
    assert f'id="f-authority-{first.ons_code}"' in html
    assert f'{first.name} <span class="facet__count">({expected})</span>' in html

    response, titles = page_results(client, catalogue, {"authority": first.ons_code})
    assert titles == entries["in_first"]
    chips = [chip["label"] for chip in response.context["results"].chips]
    assert chips == [first.name]
    assert not response.context["query"].notices


def test_the_api_filters_by_the_facet_and_lists_it(client, entries):
    first, second = entries["first"], entries["second"]
    body = client.get("/api/v1/entries/", {"authority": first.ons_code}).json()
    assert {record["title"] for record in body["results"]} == entries["in_first"]
    both = next(record for record in body["results"] if len(record["local_authorities"]) == 2)
    names = {first.ons_code: first.name, second.ons_code: second.name}
    assert sorted(both["local_authorities"], key=lambda term: term["slug"]) == [
        {"slug": code, "name": name} for code, name in sorted(names.items())
    ]

    refused = client.get("/api/v1/entries/", {"authority": "no-such-place"})
    assert refused.status_code == 400
    assert refused.json()["errors"] == [f"{AUTHORITY.label}: we do not recognise ‘no-such-place’."]

    vocabularies = {v["param"]: v for v in client.get("/api/v1/taxonomies/").json()}
    counts = {value["slug"]: value["entries"] for value in vocabularies["authority"]["values"]}
    assert counts[first.ons_code] == len(entries["in_first"]) and counts[second.ons_code] == 1
    assert list(vocabularies) == [facet.param for facet in FACETS]
    assert client.get("/api/v1/taxonomies/authority/").json()["label"] == AUTHORITY.label


def test_the_openapi_description_names_the_parameter_and_the_record_field(client, authority_facet):
    spec = json.loads(client.get("/api/v1/openapi.json").content)
    validate(spec)
    parameters = [p["name"] for p in spec["paths"]["/api/v1/entries/"]["get"]["parameters"]]
    assert parameters.index("authority") == parameters.index("region") + 1
    for record in ("Entry", "EntryDetail"):
        field = spec["components"]["schemas"][record]["properties"]["local_authorities"]
        assert field["items"] == {"$ref": "#/components/schemas/Term"}


def test_the_exports_have_the_facet_column_and_filter_by_it(client, catalogue, entries):
    first = entries["first"]
    rows = export_rows(client, catalogue, {"authority": first.ons_code})
    assert {row["title"] for row in rows} == entries["in_first"]
    assert all(first.name in row["local_authorities"] for row in rows)
    assert "local_authorities" in export_rows(client, catalogue, {})[0]

    exported = client.get(f"{catalogue.url}export.json", {"authority": first.ons_code})
    body = json.loads(b"".join(exported.streaming_content))
    assert body["query"]["authority"] == [first.ons_code]
    assert {entry["title"] for entry in body["entries"]} == entries["in_first"]
    assert all({"slug": first.ons_code, "name": first.name} in e["local_authorities"] for e in body["entries"])


def test_editing_the_vocabulary_refreshes_the_facet(client, catalogue, entries, django_capture_on_commit_callbacks):
    assert LocalAuthority in snapshot_models()
    assert LocalAuthority in FACETS.vocabularies()
    first = entries["first"]
    page_results(client, catalogue)  # the snapshot is built
    with django_capture_on_commit_callbacks(execute=True):
        first.name = "Renamed"
        first.save()  # as the admin saves it
    response, _ = page_results(client, catalogue)
    assert 'Renamed <span class="facet__count">' in response.content.decode()


def test_administrators_manage_every_facet_vocabulary(authority_facet):
    granted = set(roles.model_permissions(roles.ADMINISTRATORS))
    for model in FACETS.vocabularies():
        assert (model._meta.app_label, f"change_{model._meta.model_name}") in granted


def test_an_unregistered_facet_is_gone_everywhere(client, catalogue, entries):
    unregister_facet(AUTHORITY.param)
    try:
        response, titles = page_results(client, catalogue, {"authority": entries["first"].ons_code})
        assert titles == entries["all"]  # not a filter any more: ignored, and said so
        assert "‘authority’" in response.context["query"].notices[0].sentence
        assert client.get("/api/v1/entries/", {"authority": entries["first"].ons_code}).status_code == 400
        spec = json.loads(client.get("/api/v1/openapi.json").content)
        assert "authority" not in {p["name"] for p in spec["paths"]["/api/v1/entries/"]["get"]["parameters"]}
        assert "local_authorities" not in export_rows(client, catalogue, {})[0]
    finally:
        register_facet(AUTHORITY, after="region")  # the fixture's teardown unregisters it


@pytest.mark.parametrize("param", ["area", "page", "sort", "q", "page_size"])
def test_a_parameter_cannot_be_registered_twice_or_shadow_the_search(param):
    with pytest.raises(ValueError, match="is taken"):
        register_facet(VocabularyFacet(param, "Again", relation="local_authorities"))
    assert [facet.param for facet in FACETS].count(param) <= 1
