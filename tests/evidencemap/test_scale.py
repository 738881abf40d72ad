"""The map stays the same size however many interventions there are; the CSV is built once a version."""

import csv
import io

import pytest
from django.db import connection

from catalogue.models import ContentVersion, InterventionPage, Outcome
from demo.site_tree import ensure_site_tree
from evidencemap import downloads
from evidencemap.filters import MapFilters
from evidencemap.matrix import build_matrix
from tests.conftest import built_once_for_the_module
from tests.factories import InterventionPageFactory

from .helpers import cite, make_reference

PAGE_SIZE = 3


@pytest.fixture
def small_pages(monkeypatch):
    monkeypatch.setattr("evidencemap.matrix.MAP_PAGE_SIZE", PAGE_SIZE)
    monkeypatch.setattr(build_matrix, "__defaults__", (1, PAGE_SIZE, *build_matrix.__defaults__[2:]))
    monkeypatch.setattr(downloads, "CHUNK_ROWS", 2)


def grow(catalogue, count, start=0):
    pages = []
    for n in range(start, start + count):
        page = InterventionPageFactory(parent=catalogue, title=f"Intervention {n:03}", areas=["post-removal-support"])
        if n % 2:
            cite(page, make_reference(f"Study {n}", design="rct", findings={"cost": "benefit"}))
        pages.append(page)
    return pages


def map_rows(html: str) -> int:
    return html.count('class="evidence-map__intervention"')


def test_the_map_shows_one_page_of_rows_and_counts_the_whole_map(client, catalogue, small_pages):
    grow(catalogue, 2 * PAGE_SIZE + 1)
    total = InterventionPage.objects.live().count()
    outcomes = Outcome.objects.count()
    first = client.get("/evidence-map/").content.decode()
    assert map_rows(first) == PAGE_SIZE
    assert f"{total} interventions &times; {outcomes} outcomes" in first
    studied = sum(1 for page in InterventionPage.objects.live() if page.references.exists())  # one outcome each
    assert f"{total * outcomes - studied} of {total * outcomes} cells are gaps" in first
    assert 'href="?page=2#map-heading"' in first and 'rel="next"' in first
    last = client.get("/evidence-map/?page=3").content.decode()
    assert map_rows(last) == total - 2 * PAGE_SIZE
    shown = set()
    for number in (1, 2, 3):
        shown |= {row.intervention.pk for group in build_matrix(MapFilters(), number).groups for row in group.rows}
    assert shown == set(InterventionPage.objects.live().values_list("pk", flat=True))


@pytest.fixture(scope="class")
def two_pages_of_rows(django_db_setup, django_db_blocker):
    """Interventions for two pages of the map, built once for `TestOnTwoPagesOfRows`, whose tests only read them."""

    def build():
        _, catalogue = ensure_site_tree()
        return grow(catalogue, PAGE_SIZE + 1)

    yield from built_once_for_the_module(django_db_blocker, build)


class TestOnTwoPagesOfRows:
    # Not named "page": pytest-playwright would take the test for a browser test and run it in Chromium.
    @pytest.mark.parametrize("page_number", ["0", "-1", "²", "abc", "99999999999999999999", "4000"])
    def test_odd_page_numbers_show_a_page_never_a_500(self, two_pages_of_rows, client, db, small_pages, page_number):
        assert InterventionPage.objects.live().count() == len(two_pages_of_rows) > PAGE_SIZE
        for url in ("/evidence-map/", "/evidence-map/table/"):
            response = client.get(url, {"page": page_number})
            assert response.status_code == 200


def count_queries(action):
    """(queries run, result) for `action()` (a counter rather than the debug log, which is capped)."""
    calls = []

    def counted(execute, sql, params, many, context):
        calls.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counted):
        result = action()
    return len(calls), result


def test_page_size_and_queries_do_not_grow_with_the_catalogue(
    client, catalogue, small_pages, django_capture_on_commit_callbacks
):
    grow(catalogue, PAGE_SIZE + 1)
    client.get("/evidence-map/")  # the first view of a version orders and counts the rows
    small_queries, small_html = count_queries(lambda: client.get("/evidence-map/").content)
    with django_capture_on_commit_callbacks(execute=True):
        grow(catalogue, 4 * PAGE_SIZE, start=100)
    total = InterventionPage.objects.live().count()
    assert f"{total} interventions" in client.get("/evidence-map/").content.decode()
    large_queries, large_html = count_queries(lambda: client.get("/evidence-map/").content)
    assert 0 < large_queries <= small_queries
    # The same number of rows; only the totals' digits and the pagination links may differ.
    assert map_rows(large_html.decode()) == map_rows(small_html.decode()) == PAGE_SIZE
    assert len(large_html) < len(small_html) * 1.1


def test_the_csv_has_every_row_and_is_built_once_per_content_version(
    immediate_tasks, client, catalogue, small_pages, django_capture_on_commit_callbacks
):
    pages = grow(catalogue, 2 * PAGE_SIZE + 1)
    rows = _csv(client)
    assert sorted(row[0] for row in rows[1:]) == sorted(page.title for page in pages)
    cost_column = rows[0].index(f"{Outcome.objects.get(slug='cost').name}: studies")
    by_title = {row[0]: row for row in rows[1:]}
    for page in pages:
        assert by_title[page.title][cost_column] == str(page.references.count())
        assert by_title[page.title][2] == f"http://testserver{page.url}"
    queries, again = count_queries(lambda: _csv(client))
    assert again == rows
    assert queries <= 6  # version, site, filter choices: none for the rows

    with django_capture_on_commit_callbacks(execute=True):
        pages[0].title = "Renamed"
        pages[0].save_revision().publish()
        ContentVersion.bump()
    assert "Renamed" in {row[0] for row in _csv(client)[1:]}


def _csv(client):
    response = client.get("/evidence-map/evidence-map.csv")
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
