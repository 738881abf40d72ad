"""'Rated on' left blank: a reviewer's new or changed rating is dated today; a date given or stored is kept."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from catalogue.models import EvidenceLevel, InterventionPage
from editorial.forms import NOT_ALLOWED
from tests.factories import InterventionPageFactory, ReferenceFactory

from .conftest import rated_form_data


def _post(client, user, page, evidence_rated_on, level="practice-informed", rationale="Rests on the evaluation."):
    client.force_login(user)
    reference = ReferenceFactory(title="A local evaluation", design="process")
    data = rated_form_data(page, reference, EvidenceLevel.objects.get(slug=level).pk, rationale)
    data["evidence_rated_on"] = evidence_rated_on
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def _latest(page):
    return InterventionPage.objects.get(pk=page.pk).get_latest_revision_as_object()


def _days_around(action):
    """The days the clock showed before and after `action` (one, unless it ran across midnight)."""
    before = timezone.localdate()
    result = action()
    return result, {before, timezone.localdate()}


@pytest.mark.django_db
def test_a_rating_with_rated_on_left_blank_is_dated_today(client, reviewer, catalogue):
    page = InterventionPageFactory(parent=catalogue, title="Rated today")
    assert page.evidence_rated_on is None
    response, today = _days_around(lambda: _post(client, reviewer, page, evidence_rated_on=""))
    assert response.status_code == 302
    latest = _latest(page)
    assert latest.evidence_level.slug == "practice-informed"
    assert latest.evidence_rated_on in today


@pytest.mark.django_db
def test_a_date_given_is_kept(client, reviewer, catalogue):
    page = InterventionPageFactory(parent=catalogue, title="Rated last month")
    response = _post(client, reviewer, page, evidence_rated_on="2026-11-03")
    assert response.status_code == 302
    assert _latest(page).evidence_rated_on == datetime.date(2026, 11, 3)


@pytest.mark.django_db
def test_a_stored_date_is_kept_when_the_rating_changes(client, reviewer, catalogue):
    stored = datetime.date(2025, 4, 1)
    page = InterventionPageFactory(parent=catalogue, title="Rated before", evidence_rated_on=stored)
    response = _post(client, reviewer, page, evidence_rated_on=stored.isoformat())
    assert response.status_code == 302
    assert _latest(page).evidence_rated_on == stored


@pytest.mark.django_db
def test_not_yet_rated_leaves_rated_on_blank(client, reviewer, catalogue):
    page = InterventionPageFactory(parent=catalogue, title="Still unrated")
    response = _post(client, reviewer, page, evidence_rated_on="", level="not-yet-rated")
    assert response.status_code == 302
    latest = _latest(page)
    assert latest.evidence_level.slug == "not-yet-rated"
    assert latest.evidence_rated_on is None


@pytest.mark.django_db
def test_an_unchanged_rating_without_a_date_is_not_dated_after_the_fact(client, reviewer, catalogue):
    """A rating imported without its date (the importer saves unchecked drafts) asks for it, not for today's."""
    page = InterventionPageFactory(parent=catalogue, title="Rated on an unknown day")
    page.evidence_level = EvidenceLevel.objects.get(slug="practice-informed")
    page.evidence_rationale = "Rests on it."
    page.save_revision(clean=False)
    response = _post(client, reviewer, page, evidence_rated_on="", rationale="Rests on it.")
    assert response.status_code == 200
    assert "Give the date the rating was made." in response.content.decode()
    assert _latest(page).evidence_rated_on is None


@pytest.mark.django_db
def test_a_contributor_s_form_never_dates_a_rating(client, contributor, catalogue):
    page = InterventionPageFactory(parent=catalogue, title="A contributor's draft")
    response = _post(client, contributor, page, evidence_rated_on="")
    assert response.status_code == 200  # the rating fields are locked for contributors
    assert NOT_ALLOWED in response.content.decode()
    latest = _latest(page)
    assert latest.evidence_level.slug == "not-yet-rated"
    assert latest.evidence_rated_on is None


@pytest.mark.django_db
def test_a_contributor_s_save_leaves_the_rating_date_blank(client, contributor, catalogue):
    page = InterventionPageFactory(parent=catalogue, title="A contributor's other draft")
    response = _post(client, contributor, page, evidence_rated_on="", level="not-yet-rated", rationale="")
    assert response.status_code == 302
    assert _latest(page).evidence_rated_on is None
