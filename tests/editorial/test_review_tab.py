"""A reviewer lands where their work is: links to an entry waiting for review open its edit form on the review tab."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from editorial.review_tab import REVIEW_TAB
from tests.factories import InterventionPageFactory

from .conftest import entry_form_data


@pytest.fixture
def submitted(client, contributor, reviewer, catalogue, django_capture_on_commit_callbacks):
    """An entry the contributor has submitted; the reviewer exists first, so is emailed."""
    page = InterventionPageFactory(parent=catalogue, title="Parents under pressure", publish=False, live=False)
    page.save_revision(user=contributor)
    client.force_login(contributor)
    with django_capture_on_commit_callbacks(execute=True):
        edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
        response = client.post(edit, entry_form_data(page, action="submit"))
    assert response.status_code == 302
    return page


@pytest.mark.django_db
def test_the_edit_form_has_the_review_tab_the_links_name(client, reviewer, submitted):
    client.force_login(reviewer)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[submitted.pk])).content.decode()
    panel = re.search(rf'<section\s+id="{REVIEW_TAB}"[^>]*role="tabpanel"', html)
    assert panel, "the entry form has no tab panel with the id the review links name"
    assert 'id="id_evidence_rationale"' in html.split(f'id="{REVIEW_TAB}"', 1)[1].split("</section>", 1)[0]


@pytest.mark.django_db
def test_awaiting_your_review_links_open_the_review_tab(client, reviewer, submitted):
    client.force_login(reviewer)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    edit = reverse("wagtailadmin_pages:edit", args=[submitted.pk])
    assert "Awaiting your review" in html
    # The title and the "Edit" item of the row's menu both land on the tab; the rest of Wagtail's panel is kept.
    panel = html.split('id="awaiting-review-section"', 1)[1].split("</table>", 1)[0]
    assert panel.count(f'href="{edit}#{REVIEW_TAB}"') == 2
    assert f'href="{edit}"' not in panel
    assert "data-workflow-action-url" in html  # approve / request changes from the dashboard, as before


@pytest.mark.django_db
def test_reviews_due_links_open_the_review_tab(client, reviewer, submitted):
    # Never reviewed, so it is listed as due; its review dates are on the same tab.
    client.force_login(reviewer)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    panel = html.split('id="review-dates-section"', 1)[1].split("</table>", 1)[0]
    edit = reverse("wagtailadmin_pages:edit", args=[submitted.pk])
    assert f'href="{edit}#{REVIEW_TAB}"' in panel


@pytest.mark.django_db
def test_links_to_other_pages_are_left_as_they_are(reviewer):
    from wagtail.models import Page

    from editorial.review_tab import ReviewTabURLFinder

    root = Page.objects.get(depth=1).get_children().first()
    assert "#" not in (ReviewTabURLFinder(reviewer).get_edit_url(root) or "")


def _notice_to(user):
    notices = [message for message in mail.outbox if user.email in message.to]
    assert len(notices) == 1, [message.to for message in mail.outbox]
    return notices[0]


@pytest.mark.django_db
def test_the_reviewers_email_links_to_the_review_tab(reviewer, submitted):
    notice = _notice_to(reviewer)
    edit = reverse("wagtailadmin_pages:edit", args=[submitted.pk])
    assert submitted.title in notice.body
    assert f"{edit}#{REVIEW_TAB}\n" in notice.body
    assert "/preview/" in notice.body  # the rest of Wagtail's notice is kept


@pytest.fixture
def html_notices(settings):
    settings.WAGTAILADMIN_NOTIFICATION_USE_HTML = True


@pytest.mark.django_db
def test_the_html_email_links_to_the_review_tab_too(html_notices, reviewer, submitted):
    notice = _notice_to(reviewer)
    html = notice.alternatives[0][0]
    edit = reverse("wagtailadmin_pages:edit", args=[submitted.pk])
    assert f'{edit}#{REVIEW_TAB}"' in html
    assert f'{edit}"' not in html
