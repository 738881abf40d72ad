"""Email notices: reviewers hear when an entry is submitted for review; the submitter hears the outcome."""

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from wagtail.models import WorkflowState

from editorial import roles
from tests.factories import InterventionPageFactory

from .conftest import entry_form_data


@pytest.fixture
def draft(catalogue):
    page = InterventionPageFactory(parent=catalogue, title="Family drug and alcohol court", publish=False, live=False)
    page.save_revision()
    return page


def _recipients(messages) -> list[str]:
    return sorted(address for message in messages for address in message.to)


@pytest.mark.django_db
def test_reviewers_are_emailed_when_a_contributor_submits(
    client, contributor, make_user, draft, django_capture_on_commit_callbacks
):
    reviewers = [make_user(roles.REVIEWERS, username=f"reviewer{n}") for n in (1, 2)]
    administrator = make_user(roles.ADMINISTRATORS)
    client.force_login(contributor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[draft.pk]), entry_form_data(draft, action="submit")
        )
    assert response.status_code == 302
    # Everyone who can approve the task is told, once each; the contributor who submitted is not.
    expected = sorted(user.email for user in [*reviewers, administrator])
    assert _recipients(mail.outbox) == expected
    notice = mail.outbox[0]
    assert draft.title in notice.subject
    assert notice.from_email == settings.WAGTAILADMIN_NOTIFICATION_FROM_EMAIL
    assert reverse("wagtailadmin_pages:edit", args=[draft.pk]) in notice.body


@pytest.mark.django_db
def test_the_contributor_is_emailed_when_the_reviewer_approves(
    client, contributor, reviewer, draft, django_capture_on_commit_callbacks
):
    client.force_login(contributor)
    client.post(reverse("wagtailadmin_pages:edit", args=[draft.pk]), entry_form_data(draft, action="submit"))
    state = WorkflowState.objects.get(object_id=str(draft.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    mail.outbox.clear()
    client.force_login(reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("wagtailadmin_pages:workflow_action", args=[draft.pk, "approve", state.current_task_state.pk]),
            {"comment": ""},
        )
    assert contributor.email in _recipients(mail.outbox)
    assert reviewer.email not in _recipients(mail.outbox)


@pytest.mark.django_db
def test_a_reviewer_who_turned_notices_off_is_not_emailed(
    client, contributor, reviewer, draft, django_capture_on_commit_callbacks
):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(reviewer)
    profile.submitted_notifications = False
    profile.save()
    client.force_login(contributor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("wagtailadmin_pages:edit", args=[draft.pk]), entry_form_data(draft, action="submit"))
    assert reviewer.email not in _recipients(mail.outbox)
