"""
A page of the map is built once per content version and kept (evidencemap/pages.py): the next request for it
builds nothing, a publish or a withdrawal shows on the very next request, and a page worked out from a previous
version's values is never kept.
"""

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext

from catalogue.models import Reference
from evidencemap import pages
from tests.factories import InterventionPageFactory

from .helpers import cite, make_reference


@pytest.fixture
def builds(monkeypatch):
    """Every matrix the map builds, counted."""
    built = []
    build = pages.build_matrix

    def counting(*args, **kwargs):
        built.append(args)
        return build(*args, **kwargs)

    monkeypatch.setattr(pages, "build_matrix", counting)
    return built


def published(catalogue, title, capture):
    with capture(execute=True):  # publishing moves the content version on, on commit
        return cite(
            InterventionPageFactory(parent=catalogue, title=title, areas=["post-removal-support"]),
            make_reference(f"{title} study", design="rct", findings={"cost": "benefit"}),
        )


@pytest.mark.django_db
def test_the_next_request_for_a_page_builds_nothing(client, catalogue, builds, django_capture_on_commit_callbacks):
    published(catalogue, "Kept service", django_capture_on_commit_callbacks)
    first = client.get("/evidence-map/")
    assert len(builds) == 1
    again = client.get("/evidence-map/")
    table = client.get("/evidence-map/table/")
    assert len(builds) == 1, "the same page of the map was built again"
    assert again.content == first.content
    assert "Kept service" in table.content.decode()
    client.get("/evidence-map/?area=post-removal-support")
    assert len(builds) == 2  # another filter is another page


@pytest.mark.django_db
def test_a_publish_and_a_withdrawal_show_on_the_next_request(client, catalogue, django_capture_on_commit_callbacks):
    kept = published(catalogue, "Kept service", django_capture_on_commit_callbacks)
    assert "Kept service<" in client.get("/evidence-map/").content.decode()
    published(catalogue, "Newer service", django_capture_on_commit_callbacks)
    html = client.get("/evidence-map/").content.decode()
    assert "Kept service<" in html and "Newer service<" in html
    with django_capture_on_commit_callbacks(execute=True):
        kept.unpublish()
    html = client.get("/evidence-map/").content.decode()
    assert "Kept service<" not in html and "Newer service<" in html


@pytest.mark.django_db
def test_a_page_from_a_previous_versions_values_is_not_kept(
    client, catalogue, builds, monkeypatch, django_capture_on_commit_callbacks
):
    published(catalogue, "Kept service", django_capture_on_commit_callbacks)
    monkeypatch.setattr(pages, "previous_version_served", lambda: True)
    client.get("/evidence-map/")
    client.get("/evidence-map/")
    assert len(builds) == 2


@pytest.mark.django_db
def test_the_filter_choices_are_read_once_a_version_and_a_new_one_shows_next(
    client, catalogue, django_capture_on_commit_callbacks
):
    published(catalogue, "Kept service", django_capture_on_commit_callbacks)
    client.get("/evidence-map/")
    with CaptureQueriesContext(connection) as again:
        client.get("/evidence-map/")
    reference_table = Reference._meta.db_table
    assert not [query for query in again.captured_queries if reference_table in query["sql"]]
    with django_capture_on_commit_callbacks(execute=True):  # a new country moves the version on, on commit
        make_reference("A study from Finland", design="rct", findings={"cost": "benefit"}, country="Finland")
    assert 'value="Finland"' in client.get("/evidence-map/").content.decode()


@pytest.mark.django_db
def test_the_worker_builds_the_first_page_with_the_snapshot_so_the_first_visitor_builds_none(
    client, catalogue, builds, immediate_tasks, django_capture_on_commit_callbacks
):
    from catalogue.caches import reset_process_caches
    from catalogue.models import ContentVersion
    from catalogue.search.snapshot_files import read_snapshot_file

    published(catalogue, "Built by the worker", django_capture_on_commit_callbacks)  # the worker's tasks run here
    assert len(builds) == 1  # the worker's, with the snapshot
    loaded, _ = read_snapshot_file(ContentVersion.current())
    assert loaded.memo(pages.PAGES_MEMO, lambda: pytest.fail("the map's page is not in the file"))

    reset_process_caches()  # another web process, which loads the worker's file
    first = client.get("/evidence-map/")
    assert len(builds) == 1, "the first visitor built the map's first page"
    assert "Built by the worker" in first.content.decode()
    table = "evidencemap/_matrix_table.html"
    assert table not in [template.name for template in first.templates], "the first visitor drew the map's table"
    matrix, questions = first.context["matrix"], first.context["column_questions"]
    context = {"matrix": matrix, "column_questions": questions, "filters": matrix.filters}
    drawn_here = render_to_string(table, context, request=first.wsgi_request)  # as a web process draws it
    assert drawn_here == pages.matrix_table_html(None, matrix, questions) and drawn_here in first.content.decode()
    assert "Built by the worker" in client.get("/evidence-map/table/").content.decode()
    client.get("/evidence-map/?area=post-removal-support")  # any other page is built when first asked for
    assert len(builds) == 2


@pytest.mark.django_db
def test_while_the_worker_builds_a_visitor_sees_the_previous_versions_page_unless_an_entry_on_it_went(
    client, catalogue, builds, settings, django_capture_on_commit_callbacks
):
    settings.VISITOR_REBUILD_WAIT_SECONDS = 0  # as in production: visitors are answered from the previous version
    settings.SEARCH_SNAPSHOT_WORKER_SECONDS = 600  # while the worker builds the snapshot (none runs here)
    kept = published(catalogue, "Kept service", django_capture_on_commit_callbacks)
    assert "Kept service<" in client.get("/evidence-map/").content.decode()
    assert len(builds) == 1

    published(catalogue, "Newer service", django_capture_on_commit_callbacks)  # the snapshot's build is queued
    html = client.get("/evidence-map/").content.decode()
    assert len(builds) == 1, "the page the previous version showed was built again"
    assert "Kept service<" in html and "Newer service<" not in html  # that version's page, whole

    with django_capture_on_commit_callbacks(execute=True):
        kept.unpublish()
    html = client.get("/evidence-map/").content.decode()
    assert "Kept service<" not in html  # never shown once withdrawn, whatever the snapshot answering
    assert len(builds) == 2
