"""check_links records every catalogue link; the admin report and entry pages read those records."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.urls import reverse

from editorial import roles
from linkcheck.models import LinkStatus
from linkcheck.sources import catalogue_urls
from tests.factories import GuidancePageFactory, InterventionPageFactory, ReferenceFactory


@pytest.fixture
def linked_catalogue(catalogue, local_site):
    """Entries and references whose links point only at the local test site."""
    ok, moved, missing = local_site.url("/ok"), local_site.url("/moved"), local_site.url("/missing")
    reference = ReferenceFactory(title="A study behind a moved link", url=moved)
    intervention = InterventionPageFactory(
        parent=catalogue, title="Service with a working site", website=ok, publish=False
    )
    intervention.references = [reference]
    intervention.save_revision().publish()
    GuidancePageFactory(parent=catalogue, title="Guidance whose document vanished", source_url=missing)
    return {"ok": ok, "moved": moved, "missing": missing, "intervention": intervention}


@pytest.fixture
def editor(django_user_model, catalogue):
    user = django_user_model.objects.create_user("editor", "editor@example.org", "pw")
    user.groups.add(Group.objects.get(name=roles.REVIEWERS))
    return user


def _check(*extra):
    call_command("check_links", "--delay", "0", "--timeout", "5", *extra, stdout=open("/dev/null", "w"))


@pytest.mark.django_db
def test_every_source_and_reference_link_is_found(linked_catalogue):
    assert set(catalogue_urls()) == {linked_catalogue[key] for key in ("ok", "moved", "missing")}


@pytest.mark.django_db
def test_check_links_records_status_final_url_and_date(linked_catalogue):
    _check()
    statuses = {status.url: status for status in LinkStatus.objects.all()}
    assert set(statuses) == set(catalogue_urls())
    assert statuses[linked_catalogue["ok"]].outcome == "OK"
    assert statuses[linked_catalogue["moved"]].is_redirected
    assert statuses[linked_catalogue["moved"]].final_url == linked_catalogue["ok"]
    assert statuses[linked_catalogue["missing"]].status_code == 404
    assert all(status.checked_at for status in statuses.values())

    _check()  # a second run updates the same records
    assert LinkStatus.objects.count() == len(statuses)


@pytest.mark.django_db
def test_bad_options_are_refused_clearly(catalogue):
    with pytest.raises(CommandError, match="workers"):
        call_command("check_links", "--workers", "²")


@pytest.mark.django_db
def test_report_lists_broken_and_redirected_links_only(client, editor, linked_catalogue):
    _check()
    client.force_login(editor)
    response = client.get(reverse("linkcheck:report"))
    assert response.status_code == 200
    listed = {link.url for link in response.context["object_list"]}
    assert listed == {linked_catalogue["moved"], linked_catalogue["missing"]}
    page = response.content.decode()
    assert "Guidance whose document vanished" in page and "A study behind a moved link" in page

    broken = client.get(reverse("linkcheck:report"), {"outcome": "broken"})
    assert {link.url for link in broken.context["object_list"]} == {linked_catalogue["missing"]}

    export = client.get(reverse("linkcheck:report"), {"export": "csv"})
    assert linked_catalogue["missing"] in export.getvalue().decode()


@pytest.mark.django_db
def test_report_is_in_the_reports_menu_and_closed_to_the_public(client, editor, linked_catalogue):
    assert client.get(reverse("linkcheck:report")).status_code == 302  # to the admin login
    client.force_login(editor)
    assert reverse("linkcheck:report") in client.get(reverse("wagtailadmin_home")).content.decode()


@pytest.mark.django_db
def test_recheck_from_the_report_checks_the_listed_links_again(
    client, editor, linked_catalogue, local_site, immediate_tasks
):
    _check()
    local_site.requests.clear()
    client.force_login(editor)
    assert client.get(reverse("linkcheck:recheck")).status_code == 405  # a change: POST only
    response = client.post(reverse("linkcheck:recheck"), follow=True)
    assert response.status_code == 200
    assert set(local_site.requests) == {"/moved", "/ok", "/missing"}  # the moved link leads on to /ok
    assert "Checking 2 links again" in response.content.decode()
    assert "2 of 2 links checked" in response.content.decode()


@pytest.mark.django_db
def test_entry_page_shows_when_each_source_was_last_checked(client, linked_catalogue):
    entry = linked_catalogue["intervention"]
    before = client.get(entry.url).content.decode()
    assert "Sources last checked" in before and "not yet checked" in before
    _check()
    after = client.get(entry.url).content.decode()
    checked = LinkStatus.objects.get(url=linked_catalogue["ok"]).checked_at
    assert f'datetime="{checked:%Y-%m-%d}"' in after
    assert "moved to a new address" in after  # the reference's link, labelled as in the reference list
    assert "Author A (2020)" in after and "Website" in after
