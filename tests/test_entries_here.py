"""
A place's own page joins the site up: the local authority profile and the family justice area page
list the catalogue entries that apply there (local examples from it, then its region, then national),
its family justice area and the case studies nearby. Names and codes come from the fixture files.
"""

import csv
from pathlib import Path

import pytest

from catalogue.models import LocalAuthority
from demo.site_tree import ensure_site_tree
from explorer.loading.family_justice import load_family_justice
from explorer.models import DfjArea
from tests.conftest import built_once_for_the_module
from tests.data_urls import reverse
from tests.factories import CaseStudyPageFactory, GuidancePageFactory, InterventionPageFactory

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def area_of(la_name: str) -> dict:
    with open(FIXTURES / "seed-questions" / "la_dfj_area.csv", encoding="utf-8", newline="") as handle:
        return next(row for row in csv.DictReader(handle) if row["la_name"] == la_name)


def add_blackpool_and_entries() -> int:
    _, catalogue = ensure_site_tree()
    load_family_justice()
    authority = LocalAuthority.objects.get(name="Blackpool")
    here = InterventionPageFactory(parent=catalogue, title="Blackpool service", regions=[authority.region.slug])
    here.local_authorities.add(authority)
    here.save_revision().publish()
    CaseStudyPageFactory(parent=catalogue, title="Regional case study", regions=[authority.region.slug])
    GuidancePageFactory(parent=catalogue, title="National guidance", regions=["england-and-wales"])
    InterventionPageFactory(parent=catalogue, title="Welsh service", regions=["wales"])
    return authority.pk


@pytest.fixture(scope="module")
def blackpool_once(django_db_setup, django_db_blocker):
    """The family justice areas and four entries, built once: what a test publishes is undone after it."""
    yield from built_once_for_the_module(django_db_blocker, add_blackpool_and_entries)


@pytest.fixture
def blackpool(blackpool_once, db):
    return LocalAuthority.objects.get(pk=blackpool_once)


def positions(html: str, *titles: str) -> list[int]:
    return [html.index(title) for title in titles]


@pytest.mark.django_db
def test_the_profile_lists_what_applies_there_local_first(client, blackpool):
    html = client.get(reverse("explorer:local_authority", args=[blackpool.ons_code])).content.decode()
    section = html[html.index('id="entries-here-heading"') :]
    assert positions(section, "Blackpool service", "Regional case study", "National guidance") == sorted(
        positions(section, "Blackpool service", "Regional case study", "National guidance")
    )
    assert "Welsh service" not in section
    assert "Case studies nearby" in section
    area = DfjArea.objects.get(code=area_of("Blackpool")["dfj_area_code"])
    assert reverse("explorer:area_detail", args=[area.slug]) in section
    assert f"?region={blackpool.region.slug}" in section


@pytest.mark.django_db
def test_the_family_justice_area_page_lists_what_applies_in_its_authorities(client, blackpool):
    area = DfjArea.objects.get(code=area_of("Blackpool")["dfj_area_code"])
    html = client.get(reverse("explorer:area_detail", args=[area.slug])).content.decode()
    section = html[html.index('id="entries-here-heading"') :]
    for title in ("Blackpool service", "Regional case study", "National guidance"):
        assert title in section
    assert "Welsh service" not in section


@pytest.mark.django_db
def test_the_list_is_kept_until_the_next_publish(client, blackpool, catalogue, django_capture_on_commit_callbacks):
    from catalogue.places.here import entries_applying_in

    kept = entries_applying_in("local-authority", blackpool.ons_code)
    assert entries_applying_in("local-authority", blackpool.ons_code) is kept
    with django_capture_on_commit_callbacks(execute=True):  # a publish moves the content version on commit
        newer = InterventionPageFactory(
            parent=catalogue, title="Newer Blackpool service", regions=[blackpool.region.slug]
        )
        newer.local_authorities.add(blackpool)
        newer.save_revision().publish()
    html = client.get(reverse("explorer:local_authority", args=[blackpool.ons_code])).content.decode()
    assert "Newer Blackpool service" in html[html.index('id="entries-here-heading"') :]
    assert entries_applying_in("local-authority", blackpool.ons_code) is not kept


@pytest.mark.django_db
def test_a_visitor_answered_from_the_previous_snapshot_never_sees_an_entry_withdrawn_since(
    blackpool, django_capture_on_commit_callbacks
):
    """Right after a publish a place's list may come from the previous snapshot (it is not built on the visitor's
    request): an entry unpublished in that publish is left out, and its group's count with it."""
    from catalogue.caches import previous_version_while_rebuilding
    from catalogue.models import EntryPage
    from catalogue.places.here import entries_applying_in

    before = entries_applying_in("local-authority", blackpool.ons_code)
    local = before.groups[0]
    assert [entry.title for entry in local.entries] == ["Blackpool service"]
    with django_capture_on_commit_callbacks(execute=True):
        EntryPage.objects.get(title="Blackpool service").unpublish()
    with previous_version_while_rebuilding(wait=0, start_rebuilds_on_exit=False) as visit:
        after = entries_applying_in("local-authority", blackpool.ons_code)
    assert visit.previous_served  # the previous snapshot answered: the check below is what kept it out
    assert after.groups[0].entries == [] and after.groups[0].total == local.total - 1
    assert after.groups[1:] == before.groups[1:] and after.case_studies == before.case_studies
