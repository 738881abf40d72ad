"""The dashboard lists the next steps: your drafts, what waits for your review, what is due for review."""

import pytest
from django.urls import reverse

from tests.factories import InterventionPageFactory

from .conftest import entry_form_data


@pytest.mark.django_db
def test_your_drafts_and_awaiting_review(client, contributor, reviewer, catalogue):
    mine = InterventionPageFactory(parent=catalogue, title="Mine to submit", publish=False, live=False)
    mine.save_revision(user=contributor)
    submitted = InterventionPageFactory(parent=catalogue, title="Mine in review", publish=False, live=False)
    submitted.save_revision(user=contributor)
    others = InterventionPageFactory(parent=catalogue, title="Someone else's", publish=False, live=False)
    others.save_revision(user=reviewer)
    client.force_login(contributor)
    client.post(reverse("wagtailadmin_pages:edit", args=[submitted.pk]), entry_form_data(submitted, action="submit"))

    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Your drafts: 2" in html
    assert "Mine to submit" in html and "Draft: submit it for review when ready" in html
    assert "In review" in html
    assert "Someone else&#x27;s" not in html

    client.force_login(reviewer)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Awaiting your review" in html and "Mine in review" in html  # Wagtail's own panel
    assert "Reviews due:" in html  # the review-dates panel
