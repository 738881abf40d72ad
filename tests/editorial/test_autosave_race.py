"""
A contributor's "Submit for review" that races the create form's first autosave: the autosave has made the
page, the submit (which checked the slug before that) is sent on to the new page's edit view and goes through,
with one page, not a server error.
"""

from types import SimpleNamespace
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import Page

from catalogue.models import AreaOfPractice, EvidenceLevel, InterventionPage

from .conftest import entry_form_data

pytestmark = pytest.mark.django_db


def _new_entry_form(**overrides):
    area = AreaOfPractice.objects.order_by("pk").first()
    draft = SimpleNamespace(
        title="Autosaved before submitting",
        slug="autosaved-before-submitting",
        summary="A new entry whose first autosave lands while its submit is on its way.",
        provider="A provider",
        evidence_level_id=EvidenceLevel.objects.get(slug="not-yet-rated").pk,
        evidence_rationale="",
        evidence_rated_on=None,
        last_reviewed=None,
        next_review_due=None,
        areas=SimpleNamespace(all=lambda: [area]),
    )
    return entry_form_data(draft, **overrides)


def _form_checked_before_the_autosave():
    """The form's slug check passes, as it did before the autosave added the page; adding the page checks again."""
    real, checks = Page._slug_is_available, []

    def check(*args, **kwargs):
        checks.append(args)
        return True if len(checks) == 1 else real(*args, **kwargs)

    return mock.patch.object(Page, "_slug_is_available", side_effect=check)


def _autosave_then_submit(client, catalogue):
    add_url = reverse("wagtailadmin_pages:add", args=["catalogue", "interventionpage", catalogue.pk])
    autosaved = client.post(add_url, _new_entry_form(), HTTP_ACCEPT="application/json")
    assert autosaved.status_code == 200 and autosaved.json()["success"], autosaved.content
    with _form_checked_before_the_autosave():
        return client.post(add_url, _new_entry_form(action="submit")), autosaved.json()["pk"]


def test_the_submit_goes_on_to_the_page_the_autosave_made(client, contributor, catalogue):
    client.force_login(contributor)
    raced, page_id = _autosave_then_submit(client, catalogue)
    assert raced.status_code == 307
    assert raced["Location"] == reverse("wagtailadmin_pages:edit", args=[page_id])

    # The browser repeats the same POST there; the submit goes through as an edit of that page.
    submitted = client.post(raced["Location"], _new_entry_form(action="submit"))
    assert submitted.status_code == 302, submitted.content[:500]
    pages = InterventionPage.objects.filter(slug="autosaved-before-submitting")
    assert pages.count() == 1
    page = pages.get()
    assert page.pk == page_id and not page.live
    assert page.current_workflow_state is not None and page.current_workflow_state.status == "in_progress"


def test_another_editors_page_with_that_slug_is_not_taken_over(client, contributor, make_user, catalogue):
    client.force_login(make_user("Contributors", username="first-contributor"))
    add_url = reverse("wagtailadmin_pages:add", args=["catalogue", "interventionpage", catalogue.pk])
    client.post(add_url, _new_entry_form(), HTTP_ACCEPT="application/json")
    client.force_login(contributor)
    with _form_checked_before_the_autosave(), pytest.raises(ValidationError, match="slug"):
        client.post(add_url, _new_entry_form(action="submit"))
