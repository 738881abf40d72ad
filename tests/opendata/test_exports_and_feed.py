"""Exports and the Atom feed list exactly the catalogue page's results, and nothing unpublished or private."""

import csv
import io
import json

import feedparser
import pytest

from opendata import exports
from opendata.records import csv_columns

from .conftest import HIDDEN_TITLES

# Exports are prepared by the task worker: here the tasks run at once (tests/opendata/test_export_queue.py queues them).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("immediate_tasks")]

SEARCHES = [
    {},
    {"area": "post-removal-support"},
    {"area": ["post-removal-support", "pre-birth-assessment"], "sort": "title"},
    {"region": "north-west", "type": "intervention"},
    {"q": "parent"},
    {"q": "guidance", "sort": "newest"},
    {"evidence": "promising", "region": ["london", "north-west"]},
]


def page_results(client, params) -> list[str]:
    """Titles the catalogue page lists for these parameters, page after page."""
    titles, page = [], 1
    while True:
        response = client.get("/catalogue/", {**params, "page": page})
        results = response.context["results"]
        titles += [entry.title for entry in results.entries]
        if page >= results.page_count:
            return titles
        page += 1


def csv_rows(client, params):
    response = client.get("/catalogue/export.csv", params)
    assert response.status_code == 200, response.content
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return response, list(csv.DictReader(io.StringIO(text)))


def json_export(client, params):
    response = client.get("/catalogue/export.json", params)
    assert response.status_code == 200
    return response, json.loads(b"".join(response.streaming_content))


@pytest.mark.parametrize("params", SEARCHES)
def test_exported_rows_equal_the_page_results_in_order(client, mixed_catalogue, settings, params):
    expected = page_results(client, params)
    assert expected  # every search here matches something
    _, rows = csv_rows(client, params)
    assert [row["title"] for row in rows] == expected
    _, data = json_export(client, params)
    assert [entry["title"] for entry in data["entries"]] == expected
    assert data["total"] == len(expected)


def test_paging_through_more_than_one_catalogue_page(client, mixed_catalogue, monkeypatch):
    monkeypatch.setattr("catalogue.search.engine.PAGE_SIZE", 3)  # several pages from few entries
    import catalogue.search.engine as engine

    monkeypatch.setattr(engine.run_search, "__defaults__", (3, None))
    expected = page_results(client, {})
    assert len(expected) == 10, str(expected)
    _, rows = csv_rows(client, {})
    assert [row["title"] for row in rows] == expected


def test_csv_columns_and_values(client, mixed_catalogue):
    _, rows = csv_rows(client, {"area": "post-removal-support", "region": "north-west"})
    assert rows
    row = rows[0]
    assert list(row) == list(csv_columns())
    assert row["type"] == "intervention"
    assert row["url"].startswith("http://testserver/catalogue/parent-support-")
    assert row["areas"] == "Post-removal support"
    assert "North West" in row["regions"]
    assert row["evidence_level"] == "Promising"


def test_row_limit_is_applied_and_announced(client, mixed_catalogue, monkeypatch):
    monkeypatch.setattr(exports, "ROW_LIMIT", 4)
    response, rows = csv_rows(client, {})
    assert len(rows) == 4
    assert response["X-Total-Count"] == "10"
    assert response["X-Export-Truncated"] == "true"
    _, data = json_export(client, {})
    assert len(data["entries"]) == 4 and data["truncated"] is True and data["total"] == 10


def test_rows_are_streamed_in_a_few_large_chunks(client, mixed_catalogue, monkeypatch):
    """Each streamed chunk is one write to the client: lines go out in batches, not one write a row."""
    monkeypatch.setattr(exports, "LINES_PER_CHUNK", 3)
    _, rows = csv_rows(client, {})
    for url in ("/catalogue/export.csv", "/catalogue/export.json"):
        chunks = list(client.get(url).streaming_content)
        # BOM, header, rows and the JSON's head and tail: all joined, three lines a chunk.
        assert len(chunks) == -(-(len(rows) + 2) // 3), url
    _, again = csv_rows(client, {})
    assert again == rows


def test_spreadsheet_formulas_are_neutralised(client, catalogue):
    from tests.factories import InterventionPageFactory

    InterventionPageFactory(parent=catalogue, title='=HYPERLINK("http://x")')
    _, rows = csv_rows(client, {"q": "hyperlink"})
    assert [row["title"] for row in rows] == ['\'=HYPERLINK("http://x")']


def test_feed_parses_newest_first_and_follows_the_filters(client, mixed_catalogue):
    response = client.get("/catalogue/feed/", {"area": "post-removal-support", "region": "north-west"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    titles = [item.title for item in feed.entries]
    assert sorted(titles) == sorted(page_results(client, {"area": "post-removal-support", "region": "north-west"}))
    published = [item.published_parsed for item in feed.entries]
    assert published == sorted(published, reverse=True)
    assert all(item.link.startswith("http://testserver/catalogue/") for item in feed.entries)
    assert feed.feed.title == "Born into Care catalogue: Post-removal support, North West"


@pytest.mark.parametrize("url", ["/catalogue/export.csv", "/catalogue/export.json", "/catalogue/feed/"])
def test_unpublished_and_private_entries_never_appear(client, mixed_catalogue, url):
    response = client.get(url, {"area": "post-removal-support"})
    body = b"".join(response.streaming_content) if response.streaming else response.content
    text = body.decode("utf-8-sig")
    assert "Parent support 1" in text
    for title in HIDDEN_TITLES:
        assert title not in text


BAD_PARAMETERS = [
    {"area": "no-such-area"},
    {"sort": "cheapest"},
    {"page": "two"},
    {"utm_source": "newsletter"},
    {"q": "x" * 500},
    {"region": "north-west\x00"},
    {"type": "<script>"},
]


@pytest.mark.parametrize("url", ["/catalogue/export.csv", "/catalogue/export.json", "/catalogue/feed/"])
@pytest.mark.parametrize("params", BAD_PARAMETERS)
def test_bad_parameters_give_400_with_a_message(client, catalogue, url, params):
    response = client.get(url, params)
    assert response.status_code == 400
    assert len(response.content) > 20
    if url.endswith(".json"):
        body = json.loads(response.content)
        assert body["errors"]


def test_the_html_page_still_ignores_and_explains_bad_parameters(client, mixed_catalogue):
    response = client.get("/catalogue/", {"area": "no-such-area"})
    assert response.status_code == 200
    assert "we do not recognise" in response.content.decode()


def test_catalogue_page_links_to_exports_and_feed_with_the_same_filters(client, mixed_catalogue):
    html = client.get("/catalogue/", {"area": "post-removal-support", "q": "parent"}).content.decode()
    assert 'href="/catalogue/export.csv?q=parent&amp;area=post-removal-support"' in html
    assert 'href="/catalogue/export.json?q=parent&amp;area=post-removal-support"' in html
    assert 'href="/catalogue/feed/?q=parent&amp;area=post-removal-support"' in html
    assert 'type="application/atom+xml"' in html


@pytest.mark.parametrize("url", ["/catalogue/export.csv", "/catalogue/export.json", "/api/v1/entries/"])
def test_queries_do_not_grow_with_the_number_of_rows(client, mixed_catalogue, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count(params):
        response = client.get(url, params)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url, params)
            if response.streaming:
                b"".join(response.streaming_content)
        return len(captured.captured_queries)

    assert count({"area": "pre-birth-assessment"}) == count({})  # 4 rows and 10 rows
