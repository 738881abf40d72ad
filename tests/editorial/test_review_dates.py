"""The review-dates report and dashboard panel: overdue and soon-due entries, filterable by area and region."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from demo.site_tree import ensure_site_tree
from tests.conftest import built_once_for_the_module
from tests.factories import CaseStudyPageFactory, InterventionPageFactory


def _entry(catalogue, title, days_from_today, **kwargs):
    due = timezone.localdate() + datetime.timedelta(days=days_from_today)
    return InterventionPageFactory(parent=catalogue, title=title, next_review_due=due, **kwargs)


def add_entries() -> dict[str, int]:
    _, catalogue = ensure_site_tree()
    made = {
        "overdue-north": _entry(
            catalogue, "Overdue north-west", -30, regions=["north-west"], areas=["pre-birth-assessment"]
        ),
        "overdue-london": _entry(catalogue, "Overdue London", -1, regions=["london"], areas=["post-removal-support"]),
        "soon": _entry(catalogue, "Due soon Wales", 20, regions=["wales"], areas=["pre-birth-assessment"]),
        "later": _entry(catalogue, "Due much later", 200, regions=["north-west"]),
        "edge": _entry(catalogue, "Due in sixty days", 60, regions=["london"]),
    }
    return {name: page.pk for name, page in made.items()}


@pytest.fixture(scope="module")
def entries(django_db_setup, django_db_blocker):
    """
    Five entries due for review from 30 days ago to 200 days on, built once: the tests only read them. Their dates
    are counted from the day the module starts, as the report counts from the day it is asked for.
    """
    yield from built_once_for_the_module(django_db_blocker, add_entries)


def _titles(response):
    return [row.title for row in response.context["object_list"]]


@pytest.mark.django_db
def test_report_lists_overdue_then_soon_due_entries(client, reviewer, entries):
    client.force_login(reviewer)
    response = client.get(reverse("editorial:review_dates"))
    assert response.status_code == 200
    assert _titles(response) == ["Overdue north-west", "Overdue London", "Due soon Wales", "Due in sixty days"]
    html = response.content.decode()
    assert "Overdue by 30 days" in html and re.search(r"Overdue by 1 day\s*<", html) and "Due in 20 days" in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"due": "overdue"}, ["Overdue north-west", "Overdue London"]),
        ({"due": "soon"}, ["Due soon Wales", "Due in sixty days"]),
        ({"region": "REGION:london"}, ["Overdue London", "Due in sixty days"]),
        ({"area": "AREA:pre-birth-assessment"}, ["Overdue north-west", "Due soon Wales"]),
        ({"area": "AREA:pre-birth-assessment", "due": "overdue"}, ["Overdue north-west"]),
    ],
)
def test_report_filters(client, reviewer, entries, query, expected):
    from catalogue.models import AreaOfPractice, Region

    params = {}
    for key, value in query.items():
        if value.startswith("REGION:"):
            value = Region.objects.get(slug=value.split(":")[1]).pk
        elif value.startswith("AREA:"):
            value = AreaOfPractice.objects.get(slug=value.split(":")[1]).pk
        params[key] = value
    client.force_login(reviewer)
    assert _titles(client.get(reverse("editorial:review_dates_results"), params)) == expected


@pytest.mark.django_db
def test_report_exports_csv(client, reviewer, entries):
    client.force_login(reviewer)
    response = client.get(reverse("editorial:review_dates"), {"export": "csv", "due": "overdue"})
    body = b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
    assert "Overdue north-west" in body and "Overdue by 30 days" in body and "Due soon" not in body


@pytest.mark.django_db
def test_report_is_for_editors_only(client, django_user_model, entries):
    assert client.get(reverse("editorial:review_dates")).status_code == 302  # to the login page
    outsider = django_user_model.objects.create_user("outsider", password="pw")
    client.force_login(outsider)
    assert client.get(reverse("editorial:review_dates")).status_code in (302, 403)


@pytest.mark.django_db
def test_dashboard_panel_shows_counts_and_most_overdue(client, contributor, entries):
    client.force_login(contributor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Reviews due: 0 never reviewed, 2 overdue, 4 in all" in html
    assert html.index("Overdue north-west") < html.index("Due soon Wales")
    assert "Due much later" not in html


@pytest.mark.django_db
def test_next_review_defaults_to_two_years_after_last_review(catalogue):
    page = CaseStudyPageFactory(parent=catalogue, last_reviewed=datetime.date(2026, 3, 1))
    assert page.next_review_due == datetime.date(2028, 2, 29)
