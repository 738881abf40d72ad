"""The rating lock keeps the published rule: the admin's edit form refuses a rating that breaks it."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from catalogue.models import EvidenceLevel, InterventionPage
from editorial import roles
from tests.factories import InterventionPageFactory, ReferenceFactory

from .conftest import entry_form_data


@pytest.mark.django_db
class TestTheRatingLock:
    """The admin's edit form refuses a rating that breaks the rule, for a reviewer too."""

    def _post(self, client, reviewer_user, page, slug, study_design):
        client.force_login(reviewer_user)
        reference = ReferenceFactory(title=f"A {study_design} study", design=study_design)
        data = entry_form_data(
            page,
            evidence_level=EvidenceLevel.objects.get(slug=slug).pk,
            evidence_rationale="Why.",
            evidence_rated_on="2026-12-01",
            rating_basis=inline_formset(
                [{"reference": reference.pk, "outcomes": "Care entry", "finding": "Fewer", "primary": "on"}]
            ),
        )
        data.update(nested_form_data({"cited_references": inline_formset([{"reference": reference.pk}])}))
        return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)

    def test_a_moderate_rating_on_a_pre_post_study_is_refused(self, client, make_user, catalogue):
        page = InterventionPageFactory(parent=catalogue, title="Unrated programme")
        response = self._post(client, make_user(roles.REVIEWERS), page, "moderate", "pre_post")
        assert response.status_code == 200
        assert "needs a comparison study" in response.content.decode()
        latest = InterventionPage.objects.get(pk=page.pk).get_latest_revision_as_object()
        assert latest.evidence_level.slug == "not-yet-rated"

    def test_a_moderate_rating_on_a_cited_trial_is_saved_with_its_basis(self, client, make_user, catalogue):
        page = InterventionPageFactory(parent=catalogue, title="Trialled programme")
        response = self._post(client, make_user(roles.REVIEWERS), page, "moderate", "rct")
        assert response.status_code == 302
        latest = InterventionPage.objects.get(pk=page.pk).get_latest_revision_as_object()
        assert latest.evidence_level.slug == "moderate"
        assert [row.primary for row in latest.rating_basis.all()] == [True]
