"""The evidence review: submit -> reject -> resubmit -> approve -> published; ratings need a rationale; audit."""

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry, WorkflowState

from catalogue.models import EvidenceLevel, InterventionPage
from editorial.audit import RATING_LOG_ACTION
from tests.factories import InterventionPageFactory, ReferenceFactory

from .conftest import entry_form_data, rated_form_data


@pytest.fixture
def draft(catalogue):
    page = InterventionPageFactory(parent=catalogue, title="Family drug and alcohol court", publish=False, live=False)
    page.save_revision()
    return page


def _workflow_action(client, page, action, comment=""):
    state = WorkflowState.objects.get(
        base_content_type__model="page", object_id=str(page.pk), status__in=[WorkflowState.STATUS_IN_PROGRESS]
    )
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, state.current_task_state.pk])
    return client.post(url, {"comment": comment})


@pytest.mark.django_db
def test_catalogue_uses_the_evidence_review_workflow(catalogue, draft):
    workflow = draft.get_workflow()
    assert workflow.name == "Evidence review"
    task = workflow.tasks.get().specific
    assert sorted(task.groups.values_list("name", flat=True)) == ["Administrators", "Reviewers"]


@pytest.mark.django_db
def test_submit_reject_resubmit_approve_publishes(
    client, contributor, reviewer, draft, django_capture_on_commit_callbacks
):
    edit_url = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    client.force_login(contributor)
    response = client.post(edit_url, entry_form_data(draft, action="submit"))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.workflow_in_progress and not draft.live

    client.force_login(reviewer)
    _workflow_action(client, draft, "reject", comment="Add the evaluation's sample size.")
    state = draft.workflow_states.order_by("-created_at").first()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    draft.refresh_from_db()
    assert not draft.live

    client.force_login(contributor)
    client.post(edit_url, entry_form_data(draft, action="submit", summary="Now with the sample size (n=120)."))
    draft.refresh_from_db()
    assert draft.workflow_in_progress

    client.force_login(reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        _workflow_action(client, draft, "approve")
    draft = InterventionPage.objects.get(pk=draft.pk)
    assert draft.live and draft.summary == "Now with the sample size (n=120)."
    assert not draft.workflow_in_progress
    assert client.get(draft.url).status_code == 200
    actions = list(PageLogEntry.objects.filter(page=draft).values_list("action", flat=True))
    for expected in (
        "wagtail.workflow.start",
        "wagtail.workflow.reject",
        "wagtail.workflow.resume",
        "wagtail.workflow.approve",
        "wagtail.publish",
    ):
        assert expected in actions


@pytest.mark.django_db
def test_a_contributor_cannot_approve_their_own_submission(client, contributor, draft):
    client.force_login(contributor)
    client.post(reverse("wagtailadmin_pages:edit", args=[draft.pk]), entry_form_data(draft, action="submit"))
    # Wagtail answers with a "permission denied" redirect to the dashboard.
    assert _workflow_action(client, draft, "approve").status_code in (302, 403)
    draft.refresh_from_db()
    assert draft.workflow_in_progress and not draft.live


@pytest.mark.django_db
def test_a_rating_without_rationale_is_refused_in_the_admin(client, reviewer, draft):
    client.force_login(reviewer)
    revisions = draft.revisions.count()
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[draft.pk]),
        entry_form_data(
            draft,
            evidence_level=EvidenceLevel.objects.get(slug="promising").pk,
            evidence_rationale="",
            evidence_rated_on="",
        ),
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "Explain the rating" in str(errors["evidence_rationale"])
    # A blank "Rated on" is not an error: a new rating is dated today (tests/editorial/test_rated_on_today.py).
    assert "evidence_rated_on" not in errors
    assert draft.revisions.count() == revisions


@pytest.mark.django_db
def test_rating_changes_are_in_the_page_history_with_who_and_why(client, reviewer, draft):
    client.force_login(reviewer)
    study = ReferenceFactory(design="pre_post")
    promising = EvidenceLevel.objects.get(slug="promising").pk
    client.post(
        reverse("wagtailadmin_pages:edit", args=[draft.pk]),
        rated_form_data(draft, study, promising, "A pre/post evaluation in three areas."),
    )
    entry = PageLogEntry.objects.get(page=draft, action=RATING_LOG_ACTION)
    assert entry.user == reviewer
    assert entry.data["level_before"] == "Not yet rated" and entry.data["level_after"] == "Promising"
    assert entry.revision == InterventionPage.objects.get(pk=draft.pk).get_latest_revision()

    history = client.get(reverse("wagtailadmin_pages:history", args=[draft.pk])).content.decode()
    assert "Evidence rating changed from Not yet rated to Promising" in history
    assert "A pre/post evaluation in three areas." in history

    # Saving again without touching the rating adds no rating entry.
    latest = InterventionPage.objects.get(pk=draft.pk).get_latest_revision_as_object()
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[draft.pk]),
        rated_form_data(latest, study, promising, "A pre/post evaluation in three areas.", title="Retitled"),
    )
    assert response.status_code == 302  # saved
    assert PageLogEntry.objects.filter(page=draft, action=RATING_LOG_ACTION).count() == 1


@pytest.mark.django_db
def test_reviewers_can_compare_revisions_to_see_the_rating_change(client, reviewer, draft):
    first = draft.get_latest_revision()
    client.force_login(reviewer)
    trial = ReferenceFactory(design="rct")
    moderate = EvidenceLevel.objects.get(slug="moderate").pk
    client.post(
        reverse("wagtailadmin_pages:edit", args=[draft.pk]), rated_form_data(draft, trial, moderate, "One RCT.")
    )
    second = InterventionPage.objects.get(pk=draft.pk).get_latest_revision()
    url = reverse("wagtailadmin_pages:revisions_compare", args=[draft.pk, first.pk, second.pk])
    html = client.get(url).content.decode()
    assert "Moderate" in html and "One RCT." in html
