"""
The evidence-map CSV is built by the task worker, never by a visitor's request (issue 25), and keyed
on SITE_BASE_URL and the known filter values, never on the visitor's Host (N7).
"""

import csv
import io

import pytest
from django_tasks_db.models import DBTaskResult

from catalogue.models import ContentVersion
from catalogue.models.content_version import content_version_changed
from evidencemap.tasks import build_matrix_csv_task
from tests.factories import InterventionPageFactory

CSV_URL = "/evidence-map/evidence-map.csv"


def queued_builds():
    return list(
        DBTaskResult.objects.filter(task_path="evidencemap.tasks.build_matrix_csv_task").values_list(
            "args_kwargs", flat=True
        )
    )


def run_queued_builds():
    """What the worker does: run each queued build (tests/test_task_worker.py runs the real one)."""
    for task in DBTaskResult.objects.filter(task_path="evidencemap.tasks.build_matrix_csv_task", status="READY"):
        build_matrix_csv_task.call(*task.args_kwargs["args"], **task.args_kwargs["kwargs"])
        task.delete()


def rows(response):
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


@pytest.fixture
def mapped(catalogue):
    return InterventionPageFactory(parent=catalogue, title="On the map")


def test_a_visitor_asking_before_the_file_exists_is_told_to_come_back_and_one_build_is_queued(client, mapped):
    first = client.get(CSV_URL)
    assert first.status_code == 503 and first["Retry-After"].isdigit()
    assert "being prepared" in first.content.decode()
    client.get(CSV_URL)  # a second visitor meanwhile
    assert len(queued_builds()) == 1
    run_queued_builds()
    ready = client.get(CSV_URL)
    assert ready.status_code == 200 and "On the map" in {row[0] for row in rows(ready)[1:]}


def test_the_previous_version_is_served_while_the_new_one_is_built(client, mapped):
    client.get(CSV_URL)
    run_queued_builds()
    built_for = ContentVersion.current()
    mapped.title = "Renamed"
    mapped.save_revision().publish()
    ContentVersion._bump_now()
    stale = client.get(CSV_URL)
    assert stale.status_code == 200 and stale["X-Content-Version"] == str(built_for)
    assert "On the map" in {row[0] for row in rows(stale)[1:]}
    run_queued_builds()
    fresh = client.get(CSV_URL)
    assert fresh["X-Content-Version"] == str(ContentVersion.current()) != str(built_for)
    assert "Renamed" in {row[0] for row in rows(fresh)[1:]}


def test_the_host_header_changes_neither_the_file_nor_its_links(client, mapped, settings):
    settings.SITE_BASE_URL = "https://bornintocare.example"
    client.get(CSV_URL, HTTP_HOST="attacker.example")
    client.get(CSV_URL, HTTP_HOST="127.0.0.1:1")
    assert len(queued_builds()) == 1  # one file for every Host
    run_queued_builds()
    served = rows(client.get(CSV_URL, HTTP_HOST="attacker.example"))
    assert served[1][2].startswith("https://bornintocare.example/") and "attacker" not in str(served)


def test_filter_order_and_unknown_values_do_not_make_new_files(client, mapped):
    client.get(CSV_URL, {"design": ["rct", "qualitative"]})
    client.get(CSV_URL + "?design=qualitative&design=rct")
    assert client.get(CSV_URL, {"design": "astrology"}).status_code == 400
    assert len(queued_builds()) == 1


def test_a_publish_queues_the_whole_map_for_the_new_version(mapped, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        ContentVersion.bump()
        ContentVersion.bump()
    assert queued_builds() == [{"args": [""], "kwargs": {}}]  # two publishes, one build of the newest version


def test_a_build_for_a_version_that_has_moved_on_does_nothing(mapped):
    version = ContentVersion.current()
    ContentVersion._bump_now()
    assert build_matrix_csv_task.call("design=rct", version).startswith("skipped")


def test_the_whole_map_is_built_for_the_version_current_when_the_build_starts(client, mapped):
    client.get(CSV_URL)
    ContentVersion._bump_now()
    client.get(CSV_URL)
    assert len(queued_builds()) == 1
    run_queued_builds()
    assert client.get(CSV_URL)["X-Content-Version"] == str(ContentVersion.current())


def test_the_signal_is_connected_once():
    assert sum("evidencemap" in str(receiver) for receiver in content_version_changed.receivers) == 1
