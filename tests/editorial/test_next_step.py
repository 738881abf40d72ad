"""The editor's main button is the role's next step: submit for a Contributor, approve for a Reviewer."""

import re

import pytest
from django.urls import reverse

from tests.factories import InterventionPageFactory

from .conftest import entry_form_data

# The page action buttons, in the order the footer renders them: the first is the main (default) button.
# "Save draft" is the one button with no name (it posts the form plainly); it carries class "action-save".
ACTION = re.compile(r'name="(action-[\w-]+)"|data-workflow-action-name="(\w+)"|class="button (action-save)\b')


def _actions(html: str) -> list[str]:
    footer = html[html.index('<footer class="footer') :] if '<footer class="footer' in html else html
    return [next(filter(None, groups)) for groups in ACTION.findall(footer)]


@pytest.fixture
def draft(catalogue):
    page = InterventionPageFactory(parent=catalogue, title="A draft", publish=False, live=False)
    page.save_revision()
    return page


@pytest.mark.django_db
def test_a_contributors_main_button_submits_for_review(client, contributor, draft):
    client.force_login(contributor)
    actions = _actions(client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk])).content.decode())
    assert actions[0] == "action-submit", actions
    assert "action-save" in actions[1:]  # still there, under the arrow


@pytest.mark.django_db
def test_a_reviewers_main_button_approves_an_entry_in_review(client, contributor, reviewer, draft):
    client.force_login(contributor)
    client.post(reverse("wagtailadmin_pages:edit", args=[draft.pk]), entry_form_data(draft, action="submit"))
    draft.refresh_from_db()
    assert draft.workflow_in_progress
    client.force_login(reviewer)
    actions = _actions(client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk])).content.decode())
    assert actions[0] == "approve", actions


@pytest.mark.django_db
def test_a_reviewers_main_button_is_unchanged_outside_review(client, reviewer, draft):
    client.force_login(reviewer)
    actions = _actions(client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk])).content.decode())
    assert actions[0] == "action-save", actions
