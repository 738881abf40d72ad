"""
"Check again now" queues a run and returns at once; the report says when links were last checked,
shows a run in progress, and says "never checked" on a fresh site (issues 24 and 25).
"""

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from linkcheck.models import LinkCheckRun, LinkStatus
from linkcheck.tasks import check_links_task

from .test_command_and_report import editor, linked_catalogue  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db


def report(client) -> str:
    return client.get(reverse("linkcheck:report")).content.decode()


def test_a_fresh_site_says_links_have_never_been_checked(client, editor):  # noqa: F811
    client.force_login(editor)
    html = report(client)
    assert "Links have never been checked" in html and "at the last check" not in html


def test_the_button_queues_a_run_and_returns_before_any_link_is_fetched(client, editor, linked_catalogue, local_site):  # noqa: F811
    call_command("check_links", "--delay", "0", "--timeout", "5", stdout=open("/dev/null", "w"))
    local_site.requests.clear()
    client.force_login(editor)
    response = client.post(reverse("linkcheck:recheck"), follow=True)
    html = response.content.decode()
    assert local_site.requests == []  # nothing fetched in the request
    queued = DBTaskResult.objects.get(task_path="linkcheck.tasks.check_links_task")
    run = LinkCheckRun.objects.get(trigger=LinkCheckRun.Trigger.REPORT)
    assert queued.args_kwargs["args"][0] == run.pk and run.total == 2
    assert "A check of 2 links is queued" in html and "disabled" in html
    # A second press while it waits queues nothing more.
    client.post(reverse("linkcheck:recheck"))
    assert DBTaskResult.objects.count() == 1 and LinkCheckRun.objects.filter(trigger="report").count() == 1

    # What the worker does (tests/test_task_worker.py runs the real one).
    check_links_task.call(*queued.args_kwargs["args"])
    html = report(client)
    assert set(local_site.requests) == {"/moved", "/ok", "/missing"}
    assert "Links last checked:" in html and "an editor, from the report (editor): 2 of 2 links checked" in html


def test_the_scheduled_command_records_its_run_and_the_report_shows_its_time(client, editor, linked_catalogue):  # noqa: F811
    call_command("check_links", "--delay", "0", "--timeout", "5", stdout=open("/dev/null", "w"))
    run = LinkCheckRun.objects.get()
    assert (run.trigger, run.total, run.checked, run.not_reached) == ("schedule", 3, 3, 0)
    client.force_login(editor)
    html = report(client)
    assert f'datetime="{timezone.localtime(run.finished_at).isoformat()}"' in html
    assert "the scheduled check: 3 of 3 links checked" in html


def test_links_not_reached_in_time_keep_their_last_result(linked_catalogue, settings):  # noqa: F811
    call_command("check_links", "--delay", "0", "--timeout", "5", stdout=open("/dev/null", "w"))
    before = dict(LinkStatus.objects.values_list("url", "checked_at"))
    call_command("check_links", "--max-minutes", "0.0000001", stdout=open("/dev/null", "w"))
    run = LinkCheckRun.objects.latest()
    assert run.not_reached == 3 and run.checked == 0
    assert dict(LinkStatus.objects.values_list("url", "checked_at")) == before
