"""The entry editor: help on every field, tabs in reading order, content checks, preview, scheduling."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from catalogue.models import CaseStudyPage, GuidancePage, InterventionPage
from tests.factories import InterventionPageFactory

from .conftest import entry_form_data


@pytest.mark.django_db
@pytest.mark.parametrize("model", [InterventionPage, GuidancePage, CaseStudyPage])
def test_every_entry_field_has_help_text(model, contributor):
    form_class = model.get_edit_handler().get_form_class()
    form = form_class(for_user=contributor)
    assert [name for name, field in form.fields.items() if not field.help_text] == []


@pytest.mark.django_db
def test_edit_screen_has_tabs_in_reading_order_and_content_checks(client, reviewer, catalogue):
    page = InterventionPageFactory(parent=catalogue)
    client.force_login(reviewer)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    # (Wagtail 8 shows scheduling and privacy in the status side panel, so there is no Settings tab.)
    tabs = ["content", "classification", "evidence_and_review", "related", "promote"]
    positions = [html.index(f'id="tab-label-{tab}"') for tab in tabs]
    assert positions == sorted(positions)
    # Wagtail's content checks (axe accessibility rules and the readability score) are in the side panel.
    assert 'data-side-panel="checks"' in html and "data-content-readability-score" in html
    assert 'id="checker-axe-configuration"' in html


@pytest.mark.django_db
def test_preview_uses_the_public_entry_template(client, reviewer, catalogue):
    page = InterventionPageFactory(parent=catalogue, title="Preview me")
    client.force_login(reviewer)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    assert client.post(url, entry_form_data(page, summary="A summary only in the preview.")).json()["is_valid"]
    html = client.get(url).content.decode()
    assert "A summary only in the preview." in html and "Last reviewed" in html


@pytest.mark.django_db
def test_publish_scheduled_publishes_and_expires(catalogue, django_capture_on_commit_callbacks):
    scheduled = InterventionPageFactory(parent=catalogue, title="Scheduled", publish=False, live=False)
    scheduled.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision = scheduled.save_revision()
    revision.publish()  # approved, but its go-live time is an hour away
    expiring = InterventionPageFactory(
        parent=catalogue, title="Expiring", expire_at=timezone.now() + datetime.timedelta(hours=1)
    )
    scheduled.refresh_from_db()
    assert expiring.live and not scheduled.live
    revision.refresh_from_db()
    assert revision.approved_go_live_at is not None

    call_command("publish_scheduled")
    scheduled.refresh_from_db()
    assert not scheduled.live  # not yet due

    # Move the clock on: both times are now in the past.
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save()
    InterventionPage.objects.filter(pk=expiring.pk).update(expire_at=past)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("publish_scheduled")
    scheduled.refresh_from_db()
    expiring.refresh_from_db()
    assert scheduled.live and not expiring.live and expiring.expired
