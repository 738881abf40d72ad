"""
Catalogue exports copy records the task worker prepared for the content version; no visitor's request
builds them (issue 25). Before they are ready an export answers 503 with Retry-After.
"""

import csv
import io
import json

import pytest
from django_tasks_db.models import DBTaskResult

from catalogue.models import ContentVersion
from opendata.tasks import build_export_records_task
from tests.factories import InterventionPageFactory

pytestmark = pytest.mark.django_db
TASK = "opendata.tasks.build_export_records_task"


def body(response) -> str:
    return b"".join(response.streaming_content).decode()


@pytest.fixture
def entries(catalogue):
    return [InterventionPageFactory(parent=catalogue, title=f"Exported {n}") for n in range(3)]


def test_an_export_before_the_records_are_prepared_is_a_clear_503_and_queues_one_build(client, entries):
    for url in ("/catalogue/export.csv", "/catalogue/export.json", "/catalogue/export.csv?q=exported"):
        response = client.get(url)
        assert response.status_code == 503 and int(response["Retry-After"]) > 0
        assert "being prepared" in response.content.decode()
    assert DBTaskResult.objects.filter(task_path=TASK).count() == 1

    build_export_records_task.call()  # what the worker does
    rows = list(csv.reader(io.StringIO(body(client.get("/catalogue/export.csv")).lstrip("\ufeff"))))
    assert sorted(row[1] for row in rows[1:]) == ["Exported 0", "Exported 1", "Exported 2"]
    exported = json.loads(body(client.get("/catalogue/export.json", {"q": "exported", "sort": "title"})))
    assert exported["total"] == 3 and [entry["title"] for entry in exported["entries"]] == [
        "Exported 0",
        "Exported 1",
        "Exported 2",
    ]


def test_a_publish_queues_one_build_for_the_newest_version(entries, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        ContentVersion.bump()
        ContentVersion.bump()
    assert DBTaskResult.objects.filter(task_path=TASK).count() == 1
    assert build_export_records_task.call() == f"built for version {ContentVersion.current()}"


def test_records_of_an_older_version_are_not_served_for_the_new_one(client, entries):
    build_export_records_task.call()
    assert client.get("/catalogue/export.csv").status_code == 200
    ContentVersion._bump_now()
    assert client.get("/catalogue/export.csv").status_code == 503
