"""The read-only JSON API: the catalogue's filters and order, pagination, a valid OpenAPI document."""

import json

import pytest
from openapi_spec_validator import validate

from .conftest import HIDDEN_TITLES
from .test_exports_and_feed import SEARCHES, page_results

pytestmark = pytest.mark.django_db


def all_api_titles(client, params, page_size=4) -> list[str]:
    titles, url, query = [], "/api/v1/entries/", {**params, "page_size": page_size}
    while url:
        response = client.get(url, query)
        assert response.status_code == 200, response.content
        body = response.json()
        titles += [entry["title"] for entry in body["results"]]
        url, query = body["next"], None
    return titles


@pytest.mark.parametrize("params", SEARCHES)
def test_entries_follow_the_catalogue_page_across_api_pages(client, mixed_catalogue, params):
    assert all_api_titles(client, params) == page_results(client, params)


def test_pagination_fields(client, mixed_catalogue):
    body = client.get("/api/v1/entries/", {"page_size": 4, "page": 2}).json()
    assert (body["total"], body["page"], body["page_count"], len(body["results"])) == (10, 2, 3, 4)
    assert body["previous"].endswith("page=1") and body["next"].endswith("page=3")


def test_entry_record_and_detail(client, mixed_catalogue):
    entry = mixed_catalogue["published"][1]
    listed = client.get("/api/v1/entries/", {"region": "north-west", "type": "intervention"}).json()["results"]
    record = next(item for item in listed if item["id"] == entry.pk)
    assert record["areas"] == [{"slug": "post-removal-support", "name": "Post-removal support"}]
    assert record["evidence_level"]["slug"] == "promising"
    detail = client.get(f"/api/v1/entries/{entry.pk}/").json()
    assert detail["title"] == entry.title
    assert detail["versions"][0]["number"] == 1
    assert detail["versions"][0]["url"].endswith(f"/catalogue/{entry.slug}/versions/1/")


def test_unpublished_and_private_entries_are_not_in_the_api(client, mixed_catalogue):
    titles = all_api_titles(client, {"area": "post-removal-support"}, page_size=100)
    assert not set(titles) & set(HIDDEN_TITLES)
    for name in ("draft", "private", "withdrawn"):
        assert client.get(f"/api/v1/entries/{mixed_catalogue[name].pk}/").status_code == 404


def test_taxonomies_list_every_filter_with_counts(client, mixed_catalogue):
    vocabularies = {v["param"]: v for v in client.get("/api/v1/taxonomies/").json()}
    assert set(vocabularies) == {"area", "stage", "setting", "type", "evidence", "region", "topic"}
    areas = {value["slug"]: value["entries"] for value in vocabularies["area"]["values"]}
    assert areas["post-removal-support"] == 6 and areas["pre-birth-assessment"] == 4
    assert client.get("/api/v1/taxonomies/region/").json()["param"] == "region"
    assert client.get("/api/v1/taxonomies/colour/").status_code == 404


@pytest.mark.parametrize(
    "params",
    [
        {"area": "no-such-area"},
        {"sort": "cheapest"},
        {"page": "two"},
        {"page": "0"},
        {"page_size": "0"},
        {"page_size": "1000"},
        {"page_size": "many"},
        {"utm_source": "x"},
        {"q": "x" * 500},
        {"region": "north-west\x00"},
    ],
)
def test_bad_parameters_give_400_with_a_message(client, catalogue, params):
    response = client.get("/api/v1/entries/", params)
    assert response.status_code == 400
    body = response.json()
    assert body["message"] and body["errors"]


def test_openapi_document_is_valid_and_documents_the_catalogue_filters(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    spec = json.loads(response.content)
    validate(spec)
    parameters = {p["name"] for p in spec["paths"]["/api/v1/entries/"]["get"]["parameters"]}
    assert {"q", "area", "stage", "type", "evidence", "region", "topic", "sort", "page", "page_size"} <= parameters
    assert "400" in spec["paths"]["/api/v1/entries/"]["get"]["responses"]


def test_a_page_past_the_last_is_a_404_that_names_the_last(client, catalogue):
    response = client.get("/api/v1/entries/", {"page": "99"})
    assert response.status_code == 404
    assert response.json()["errors"] == ["There is no page 99; the last page is 1."]


def test_error_messages_do_not_claim_the_parameter_was_ignored(client, catalogue):
    errors = client.get("/api/v1/entries/", {"area": "no-such-area", "page": "9"}).json()["errors"]
    assert errors == ["Area of practice: we do not recognise ‘no-such-area’."]
    errors = client.get("/api/v1/entries/", {"page": "9"}).json()["errors"]
    assert errors == ["There is no page 9; the last page is 1."]
