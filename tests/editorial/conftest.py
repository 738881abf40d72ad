"""Users in each editorial role, and a helper that posts the entry edit form as the admin would."""

import pytest
from django.contrib.auth.models import Group
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from editorial import roles


@pytest.fixture
def make_user(django_user_model, catalogue):
    """make_user(role) -> a user in that editorial group (the catalogue must exist for page permissions)."""

    def make(role, username=None):
        user = django_user_model.objects.create_user(username or role.lower(), f"{role.lower()}@example.org", "pw")
        if role in roles.ROLES:
            user.groups.add(Group.objects.get(name=role))
        return user

    return make


@pytest.fixture
def contributor(make_user):
    return make_user(roles.CONTRIBUTORS)


@pytest.fixture
def reviewer(make_user):
    return make_user(roles.REVIEWERS)


@pytest.fixture
def administrator(make_user):
    return make_user(roles.ADMINISTRATORS)


def entry_form_data(page, action=None, **overrides):
    """The POST body of the intervention edit form, filled from `page` and changed by `overrides`."""
    values = {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "provider": page.provider,
        "target_population": "",
        "delivery": "",
        "cost": "",
        "website": "",
        "contact": "",
        "body": streamfield([("paragraph", rich_text("<p>Body text.</p>"))]),
        "evidence_level": page.evidence_level_id,
        "evidence_rationale": page.evidence_rationale,
        "evidence_rated_on": page.evidence_rated_on.isoformat() if page.evidence_rated_on else "",
        "last_reviewed": page.last_reviewed.isoformat() if page.last_reviewed else "",
        "next_review_due": page.next_review_due.isoformat() if page.next_review_due else "",
        "related_entries": inline_formset([]),
        "rating_basis": inline_formset([]),
        "cited_references": inline_formset([]),
    }
    values.update(overrides)
    if action:
        values[f"action-{action}"] = action
    data = nested_form_data(values)
    # Multi-valued fields go in as lists (nested_form_data would number them like formset rows).
    data["areas"] = [area.pk for area in page.areas.all()]
    return data


def rated_form_data(page, reference, level_pk, rationale, action=None, **overrides):
    """entry_form_data for a rating that keeps the published rule: `reference` is cited and is its basis."""
    data = entry_form_data(
        page,
        action=action,
        evidence_level=level_pk,
        evidence_rationale=rationale,
        evidence_rated_on="2026-10-01",
        rating_basis=inline_formset(
            [{"reference": reference.pk, "outcomes": "Care entry", "finding": "Fewer entered care", "primary": "on"}]
        ),
        cited_references=inline_formset([{"reference": reference.pk}]),
        **overrides,
    )
    return data
