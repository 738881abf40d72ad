"""Each published revision keeps a permanent URL that shows the text as it was."""

import pytest
from wagtail.models import PageViewRestriction

from tests.factories import InterventionPageFactory

pytestmark = pytest.mark.django_db


def publish_change(page, captured, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    with captured(execute=True):
        page.save_revision().publish()


@pytest.fixture
def revised_entry(catalogue, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page = InterventionPageFactory(
            parent=catalogue,
            title="Family drug court",
            slug="family-drug-court",
            summary="The original summary of the court.",
        )
    publish_change(
        page,
        django_capture_on_commit_callbacks,
        summary="A rewritten summary after the 2026 review.",
        change_summary="Summary rewritten after the 2026 review",
    )
    return page


def test_old_version_url_still_shows_old_text_after_a_new_version(client, revised_entry):
    old = client.get("/catalogue/family-drug-court/versions/1/")
    assert old.status_code == 200
    html = old.content.decode()
    assert "The original summary of the court." in html
    assert "A rewritten summary" not in html
    assert "This is an earlier version" in html
    assert 'href="/catalogue/family-drug-court/"' in html  # the notice links to the current version

    new = client.get("/catalogue/family-drug-court/versions/2/").content.decode()
    assert "A rewritten summary after the 2026 review." in new
    assert "This is the current version" in new


def test_entry_page_lists_versions_with_dates_and_change_summaries(client, revised_entry):
    html = client.get("/catalogue/family-drug-court/").content.decode()
    assert 'href="/catalogue/family-drug-court/versions/1/"' in html
    assert 'href="/catalogue/family-drug-court/versions/2/"' in html
    assert "Summary rewritten after the 2026 review" in html
    assert "No summary given" in html  # version 1 had none


def test_a_summary_left_unchanged_is_not_repeated_for_the_next_version(
    client, revised_entry, django_capture_on_commit_callbacks
):
    publish_change(revised_entry, django_capture_on_commit_callbacks, title="Family drug and alcohol court")
    html = client.get("/catalogue/family-drug-court/").content.decode()
    assert html.count("Summary rewritten after the 2026 review") == 1
    assert 'href="/catalogue/family-drug-court/versions/3/"' in html


def test_republishing_the_same_revision_is_not_a_new_version(client, revised_entry, django_capture_on_commit_callbacks):
    revised_entry.refresh_from_db()
    revision = revised_entry.live_revision
    with django_capture_on_commit_callbacks(execute=True):
        revised_entry.unpublish()
        revision.publish()
    assert client.get("/catalogue/family-drug-court/versions/3/").status_code == 404
    assert client.get("/catalogue/family-drug-court/versions/2/").status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/catalogue/family-drug-court/versions/0/",
        "/catalogue/family-drug-court/versions/9/",
        "/catalogue/no-such-entry/versions/1/",
        "/catalogue/family-drug-court/versions/99999999999999999999/",
    ],
)
def test_unknown_versions_are_404(client, revised_entry, url):
    assert client.get(url).status_code == 404


def test_unpublished_and_private_entries_have_no_public_versions(
    client, revised_entry, django_capture_on_commit_callbacks
):
    PageViewRestriction.objects.create(page=revised_entry, restriction_type=PageViewRestriction.LOGIN)
    assert client.get("/catalogue/family-drug-court/versions/1/").status_code == 404
    assert client.get("/catalogue/family-drug-court/cite.bib").status_code == 404
    PageViewRestriction.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        revised_entry.unpublish()
    assert client.get("/catalogue/family-drug-court/versions/1/").status_code == 404
    assert client.get("/catalogue/family-drug-court/versions/2/cite.ris").status_code == 404


def test_a_purged_revision_answers_gone_not_an_error(client, revised_entry):
    from wagtail.models import Revision

    first = Revision.page_revisions.filter(object_id=str(revised_entry.pk)).order_by("pk").first()
    first.delete()
    response = client.get("/catalogue/family-drug-court/versions/1/")
    assert response.status_code == 410
    assert "no longer kept" in response.content.decode()
