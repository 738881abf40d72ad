"""
The sitemap files are built by the task worker after a publish, never by a visitor's request (issue 25):
until they are built a visitor gets the previous version's files, or a 503 with Retry-After.
"""

import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django_tasks_db.models import DBTaskResult

from catalogue.models import ContentVersion
from opendata.tasks import build_sitemap_task
from tests.factories import InterventionPageFactory

TASK = "opendata.tasks.build_sitemap_task"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def queued_builds() -> int:
    return DBTaskResult.objects.filter(task_path=TASK, status="READY").count()


def run_queued_builds():
    """What the worker does: run each queued build (tests/test_task_worker.py runs the real one)."""
    for queued in DBTaskResult.objects.filter(task_path=TASK, status="READY"):
        build_sitemap_task.call()
        queued.delete()


def locations(response) -> list[str]:
    assert response.status_code == 200
    return [loc.text for loc in ET.fromstring(b"".join(response.streaming_content)).iter(f"{SITEMAP}loc")]


@pytest.fixture
def listed(catalogue):
    return InterventionPageFactory(parent=catalogue, title="Listed")


def test_a_visitor_before_the_build_is_told_to_come_back_and_one_build_is_queued(client, listed):
    DBTaskResult.objects.filter(task_path=TASK).delete()  # whatever the fixtures' publishes queued
    first = client.get("/sitemap.xml")
    assert first.status_code == 503 and first["Retry-After"].isdigit()
    assert "being prepared" in first.content.decode()
    assert client.get("/sitemap-1.xml").status_code == 503  # a second visitor meanwhile
    assert queued_builds() == 1
    run_queued_builds()
    assert any(url.endswith(listed.url) for url in locations(client.get("/sitemap-1.xml")))


def test_serving_a_built_file_reads_no_page(client, listed):
    client.get("/sitemap.xml")
    run_queued_builds()
    with connection.execute_wrapper(lambda execute, *args: calls.append(args[0]) or execute(*args)):
        calls = []
        locations(client.get("/sitemap-1.xml"))
    assert len(calls) == 1 and "wagtailcore_page" not in calls[0]  # the content version only


def test_the_previous_version_is_served_while_the_new_one_is_built(client, listed, catalogue):
    client.get("/sitemap.xml")
    run_queued_builds()
    built_for = ContentVersion.current()
    added = InterventionPageFactory(parent=catalogue, title="Added later")
    ContentVersion._bump_now()
    stale = client.get("/sitemap-1.xml")
    assert stale["X-Content-Version"] == str(built_for)
    assert not any(url.endswith(added.url) for url in locations(stale))
    assert queued_builds() == 1
    run_queued_builds()
    fresh = client.get("/sitemap-1.xml")
    assert fresh["X-Content-Version"] == str(ContentVersion.current()) != str(built_for)
    assert any(url.endswith(added.url) for url in locations(fresh))


def test_a_publish_queues_the_build(client, listed, django_capture_on_commit_callbacks):
    DBTaskResult.objects.filter(task_path=TASK).delete()
    with django_capture_on_commit_callbacks(execute=True):
        listed.save_revision().publish()
        ContentVersion.bump()
    assert queued_builds() == 1


def test_a_file_beyond_the_built_ones_is_not_found(client, listed):
    client.get("/sitemap.xml")
    run_queued_builds()
    assert client.get("/sitemap-2.xml").status_code == 404
