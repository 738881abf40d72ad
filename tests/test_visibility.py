"""
`without_private` leaves out exactly what Wagtail's `public()` leaves out, from the restrictions remembered per
content version, which are read without joining the pages table (SQLite walked every page for that join).
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from catalogue.caches import reset_process_caches
from catalogue.models import EntryPage
from catalogue.models.visibility import view_restrictions, without_private
from tests.factories import CaseStudyPageFactory, InterventionPageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


def test_the_same_pages_as_wagtails_public(catalogue, site_tree):
    home, _ = site_tree
    open_entries = [InterventionPageFactory(parent=catalogue, title=f"Open entry {n}") for n in range(2)]
    private_entry = InterventionPageFactory(parent=catalogue, title="Private entry")
    restricted_section = StandardPageFactory(parent=home, title="Members")
    under_it = StandardPageFactory(parent=restricted_section, title="Members' notes")
    case_study = CaseStudyPageFactory(parent=catalogue, title="Open case study")
    for page in (private_entry, restricted_section):
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    reset_process_caches()

    for pages in (Page.objects.live(), EntryPage.objects.live(), Page.objects.all()):
        assert set(without_private(pages)) == set(pages.public())
    kept = set(without_private(Page.objects.all()).values_list("pk", flat=True))
    assert {page.pk for page in (*open_entries, case_study)} <= kept
    assert not {private_entry.pk, restricted_section.pk, under_it.pk} & kept


def test_the_restrictions_are_read_without_a_join_and_with_none_nothing_is_left_out(catalogue):
    entry = InterventionPageFactory(parent=catalogue, title="Restricted later")
    reset_process_caches()
    with CaptureQueriesContext(connection) as queries:
        assert view_restrictions() == []
    assert len(queries) == 2 and not any("JOIN" in query["sql"].upper() for query in queries)  # version, restrictions
    assert without_private(EntryPage.objects.live()).filter(pk=entry.pk).exists()

    restriction = PageViewRestriction.objects.create(page=entry, restriction_type=PageViewRestriction.LOGIN)
    reset_process_caches()
    assert view_restrictions() == [(restriction.pk, entry.path)]
    assert not without_private(EntryPage.objects.live()).filter(pk=entry.pk).exists()
