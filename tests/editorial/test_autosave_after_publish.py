"""
"LIVE + DRAFT" right after "Approve and publish": an autosave that lands after the publish.

Wagtail 8 autosaves the edit form (a JSON POST) whenever its change check finds edits, and the check keeps
running while the form's own submit is in flight. If the reviewer's last edits were autosaved into revision A,
"Approve and publish" publishes A (nothing new to save); an autosave still queued then posts
`overwrite_revision_id=A`. A is the latest revision and the reviewer's own, so Wagtail accepts it: it rewrites
the content of the revision that was just published (the public version history reads it) and marks the page
as having a draft. The editorial app refuses an autosave that would overwrite the published revision.
"""

import json

import pytest
from django.urls import reverse
from wagtail.models import Revision, WorkflowState

from catalogue.models import InterventionPage
from tests.factories import InterventionPageFactory

from .conftest import entry_form_data


@pytest.fixture
def in_review(client, contributor, catalogue):
    page = InterventionPageFactory(parent=catalogue, title="Family drug and alcohol court", publish=False, live=False)
    page.save_revision()
    client.force_login(contributor)
    client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), entry_form_data(page, action="submit"))
    return page


def _autosave(client, page, **fields):
    data = entry_form_data(page, **fields)
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data, HTTP_ACCEPT="application/json")


def _approve(client, page):
    state = WorkflowState.objects.get(object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", state.current_task_state.pk])
    client.post(url, {"comment": ""})


@pytest.mark.django_db
def test_a_late_autosave_cannot_rewrite_the_revision_just_published(client, reviewer, in_review):
    client.force_login(reviewer)
    first = _autosave(client, in_review, summary="The reviewer's tightened summary.")
    assert first.status_code == 200, first.content
    autosaved = json.loads(first.content)["revision_id"]

    _approve(client, in_review)
    page = InterventionPage.objects.get(pk=in_review.pk)
    assert page.live and page.live_revision_id == autosaved and not page.has_unpublished_changes

    late = _autosave(client, in_review, summary="A later keystroke.", overwrite_revision_id=autosaved)
    assert late.status_code == 400
    assert json.loads(late.content)["error_code"] == "invalid_revision"
    page = InterventionPage.objects.get(pk=in_review.pk)
    assert not page.has_unpublished_changes  # no "LIVE + DRAFT"
    assert page.latest_revision_id == autosaved
    published = Revision.objects.get(pk=autosaved).as_object()
    assert published.summary == "The reviewer's tightened summary."


@pytest.mark.django_db
def test_autosave_still_works_on_a_draft(client, reviewer, in_review):
    client.force_login(reviewer)
    first = json.loads(_autosave(client, in_review, summary="One.").content)
    second = _autosave(client, in_review, summary="Two.", overwrite_revision_id=first["revision_id"])
    assert second.status_code == 200
    assert json.loads(second.content)["revision_id"] == first["revision_id"]
    assert InterventionPage.objects.get(pk=in_review.pk).get_latest_revision_as_object().summary == "Two."
