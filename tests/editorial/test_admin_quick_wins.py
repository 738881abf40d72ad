"""Never-reviewed entries head the review-dates report; no admin page asks another host for anything."""

import re

import pytest
from django.urls import reverse

from tests.factories import InterventionPageFactory

from .test_review_dates import _entry, _titles

# Anything the browser fetches by itself: src, srcset, a <link>'s href, url() in styles (plain links are not fetched).
FETCHED = re.compile(
    r"""(?:\bsrc|\bsrcset|<link\b[^>]*?\bhref)\s*=\s*["']([^"']+)["']|url\(\s*["']?([^"')]+)""", re.IGNORECASE
)


@pytest.mark.django_db
def test_never_reviewed_entries_come_first(client, reviewer, catalogue):
    _entry(catalogue, "Overdue", -10)
    never = InterventionPageFactory(parent=catalogue, title="Never checked", last_reviewed=None, next_review_due=None)
    assert never.next_review_due is None
    client.force_login(reviewer)
    response = client.get(reverse("editorial:review_dates"))
    assert _titles(response) == ["Never checked", "Overdue"]
    assert "Never reviewed" in response.content.decode()
    only_never = client.get(reverse("editorial:review_dates"), {"due": "never"})
    assert _titles(only_never) == ["Never checked"]


@pytest.mark.django_db
def test_dashboard_counts_never_reviewed(client, contributor, catalogue):
    InterventionPageFactory(parent=catalogue, title="Never checked", last_reviewed=None, next_review_due=None)
    client.force_login(contributor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Reviews due: 1 never reviewed, 0 overdue, 1 in all" in html
    assert "Never checked" in html


def _outside_hosts(html: str) -> set[str]:
    hosts = set()
    for match in FETCHED.finditer(html):
        url = match.group(1) or match.group(2)
        for part in url.split(","):  # srcset lists several
            part = part.strip().split(" ")[0]
            if part.startswith("//") or re.match(r"^[a-z][a-z0-9+.-]*://", part, re.I):
                host = re.sub(r"^([a-z][a-z0-9+.-]*:)?//", "", part, flags=re.I).split("/")[0]
                if host not in {"testserver"}:
                    hosts.add(host)
    return hosts


@pytest.mark.django_db
def test_admin_pages_fetch_nothing_from_another_host(client, contributor, catalogue):
    user = contributor
    page = InterventionPageFactory(parent=catalogue, title="An entry")
    client.force_login(user)
    for url in (
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        reverse("wagtailadmin_account"),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert "gravatar" not in html.lower(), url
        assert _outside_hosts(html) == set(), url
