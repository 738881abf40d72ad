"""The permission matrix: each editorial role (and the anonymous visitor) against each editorial action."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from catalogue.models import EvidenceLevel, InterventionPage
from editorial import roles
from tests.factories import InterventionPageFactory, ReferenceFactory

from .conftest import entry_form_data

ANONYMOUS = "Anonymous"
ACTIONS = ["view draft", "create entry", "edit", "publish", "change evidence rating", "approve in workflow"]
# The matrix the issue asks for: True = allowed. Keep in step with editorial/roles.py and docs/editorial.md.
MATRIX = {
    ANONYMOUS: dict.fromkeys(ACTIONS, False),
    roles.CONTRIBUTORS: {
        "view draft": True,
        "create entry": True,
        "edit": True,
        "publish": False,
        "change evidence rating": False,
        "approve in workflow": False,
    },
    roles.REVIEWERS: dict.fromkeys(ACTIONS, True),
    roles.ADMINISTRATORS: dict.fromkeys(ACTIONS, True),
}
CASES = [(role, action) for role in MATRIX for action in ACTIONS]


@pytest.fixture
def draft(catalogue):
    """An unpublished intervention, as a contributor would leave it."""
    page = InterventionPageFactory(parent=catalogue, title="Draft intervention", publish=False, live=False)
    page.save_revision()
    return page


def _client_for(role, client, make_user):
    if role != ANONYMOUS:
        client.force_login(make_user(role))
    return client


def _view_draft(client, page, user):
    return client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk])).status_code == 200


def _create_entry(client, page, user):
    url = reverse("wagtailadmin_pages:add", args=["catalogue", "interventionpage", page.get_parent().pk])
    return client.get(url).status_code == 200


def _edit(client, page, user):
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), entry_form_data(page, title="Edited title")
    )
    return (
        InterventionPage.objects.get(pk=page.pk).get_latest_revision_as_object().title == "Edited title"
        and response.status_code == 302
    )


def _publish(client, page, user):
    client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), entry_form_data(page, action="publish"))
    return InterventionPage.objects.get(pk=page.pk).live


def _change_rating(client, page, user):
    promising = EvidenceLevel.objects.get(slug="promising")
    study = ReferenceFactory(title="A pre/post study", design="pre_post")
    data = entry_form_data(
        page,
        evidence_level=promising.pk,
        evidence_rationale="One pre/post study.",
        evidence_rated_on="2026-10-01",
        # The published rule: a Promising rating rests on a cited outcome study (catalogue/models/rating.py).
        rating_basis=inline_formset(
            [{"reference": study.pk, "outcomes": "Parenting", "finding": "Improved", "primary": "on"}]
        ),
    )
    data.update(nested_form_data({"cited_references": inline_formset([{"reference": study.pk}])}))
    client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    latest = InterventionPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    return latest.evidence_level_id == promising.pk


def _approve(client, page, user):
    submitter = InterventionPage.objects.get(pk=page.pk)
    workflow_state = submitter.get_workflow().start(submitter, user=None)
    task_state = workflow_state.current_task_state
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]), {"comment": ""}
    )
    task_state.refresh_from_db()
    return task_state.status == task_state.STATUS_APPROVED


PERFORM = {
    "view draft": _view_draft,
    "create entry": _create_entry,
    "edit": _edit,
    "publish": _publish,
    "change evidence rating": _change_rating,
    "approve in workflow": _approve,
}


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "action"), CASES, ids=[f"{r}-{a}".replace(" ", "_") for r, a in CASES])
def test_permission_matrix(role, action, client, make_user, draft):
    allowed = PERFORM[action](_client_for(role, client, make_user), draft, None)
    assert allowed is MATRIX[role][action]


@pytest.mark.django_db
def test_anonymous_is_sent_to_the_login_page(client, draft):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk]))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


@pytest.mark.django_db
def test_contributor_sees_the_rating_locked_and_a_tampered_change_is_refused(client, contributor, draft):
    client.force_login(contributor)
    edit_url = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    form = client.get(edit_url).context["form"]
    assert form.fields["evidence_level"].disabled and form.fields["evidence_rationale"].disabled
    response = client.post(
        edit_url,
        entry_form_data(
            draft,
            evidence_level=EvidenceLevel.objects.get(slug="strong").pk,
            evidence_rationale="Trust me.",
            evidence_rated_on="2026-10-01",
        ),
    )
    assert response.status_code == 200
    assert "Only a reviewer can change an evidence rating" in response.content.decode()
    assert draft.get_latest_revision().pk == InterventionPage.objects.get(pk=draft.pk).get_latest_revision().pk


@pytest.mark.django_db
def test_contributor_can_still_edit_other_fields_of_a_rated_entry(client, contributor, catalogue):
    rated = InterventionPageFactory(parent=catalogue, title="Rated", evidence="moderate")
    client.force_login(contributor)
    # The browser does not submit disabled fields: leave the rating out altogether.
    data = entry_form_data(rated, title="Rated, retitled")
    for name in ("evidence_level", "evidence_rationale", "evidence_rated_on"):
        data.pop(name)
    response = client.post(reverse("wagtailadmin_pages:edit", args=[rated.pk]), data)
    assert response.status_code == 302
    latest = InterventionPage.objects.get(pk=rated.pk).get_latest_revision_as_object()
    assert latest.title == "Rated, retitled" and latest.evidence_level.slug == "moderate"


@pytest.mark.django_db
def test_public_never_sees_a_draft(client, draft):
    assert client.get(f"/catalogue/{draft.slug}/").status_code == 404
    assert "Draft intervention" not in client.get("/catalogue/").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "can_delete_others"), [(roles.CONTRIBUTORS, False), (roles.REVIEWERS, True), (roles.ADMINISTRATORS, True)]
)
def test_media_permissions(make_user, role, can_delete_others):
    """Everyone uploads; only reviewers and administrators delete what someone else uploaded."""
    import wagtail_factories
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.permissions import policy_registry

    images, documents = (policy_registry.get_by_type(model) for model in (get_image_model(), get_document_model()))

    user = make_user(role)
    from wagtail.models import Collection

    root = Collection.get_first_root_node()
    someone_elses = {
        images: wagtail_factories.ImageFactory(collection=root),
        documents: wagtail_factories.DocumentFactory(collection=root),
    }
    for policy, item in someone_elses.items():
        assert policy.user_has_permission(user, "add")
        assert policy.user_has_permission_for_instance(user, "delete", item) is can_delete_others


@pytest.mark.django_db
def test_contributor_can_open_the_image_upload_screen(client, contributor):
    client.force_login(contributor)
    assert client.get(reverse("wagtailimages:add_multiple")).status_code == 200
    assert client.get(reverse("wagtaildocs:add_multiple")).status_code == 200
