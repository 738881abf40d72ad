"""
The catalogue owns its URLs: rename its page in the admin and every surface follows.

Exports, the feed, entry versions and citation files are routes of the catalogue and entry pages
(catalogue.extensions), and every link to them or to the catalogue is reversed from the page.
"""

import csv
import io
import re
from urllib.parse import urlsplit

import feedparser
import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.http import QueryDict

from catalogue.models import CatalogueIndexPage, InterventionPage, LocalAuthority
from demo.site_tree import ensure_site_tree
from tests.conftest import built_once_for_the_module
from tests.data_urls import reverse
from tests.evidencemap.helpers import cite, make_reference
from tests.factories import CaseStudyPageFactory, InterventionPageFactory
from tests.sitemaps import sitemap_paths
from website.cache_parameters import normalised_query

pytestmark = pytest.mark.django_db
NEW_SLUG = "evidence-library"
LINK = re.compile(r'(?:href|action)="([^"]*)"')


def rename(page, slug, captured):
    """Rename as an editor does in the admin: a new revision, published."""
    with captured(execute=True):
        page.slug = slug
        page.save_revision().publish()
    return CatalogueIndexPage.objects.get(pk=page.pk)


def local_links(html: str) -> list[str]:
    return [link for link in LINK.findall(html) if link.startswith("/")]


def add_studied_entries() -> int:
    """A studied intervention and a case study in Birmingham, published; the intervention's id."""
    _, catalogue = ensure_site_tree()
    study = make_reference("A trial", design="rct", country="England", findings={"recurrence-avoided": "benefit"})
    intervention = cite(
        InterventionPageFactory(
            parent=catalogue,
            title="Pause-like service",
            slug="pause-like-service",
            areas=["post-removal-support"],
            regions=["west-midlands"],
            topics=["fathers"],
        ),
        study,
    )
    case_study = CaseStudyPageFactory(
        parent=catalogue, title="Birmingham pathway", publish=False, regions=["west-midlands"]
    )
    case_study.local_authorities.set([LocalAuthority.objects.get(ons_code="E08000025")])
    case_study.save_revision().publish()
    return intervention.pk


def visited_then_renamed(client, catalogue, intervention, captured):
    old_url = catalogue.url
    # Pages served before the rename (and what this process remembered from them) must not outlive it.
    assert f'action="{old_url}"' in client.get(intervention.url).content.decode()
    catalogue = rename(catalogue, NEW_SLUG, captured)
    intervention.refresh_from_db()
    return {"catalogue": catalogue, "old_url": old_url, "intervention": intervention}


@pytest.fixture
def renamed(client, catalogue, django_capture_on_commit_callbacks):
    """A catalogue with a studied intervention and a case study, visited, then renamed."""
    with django_capture_on_commit_callbacks(execute=True):
        intervention = InterventionPage.objects.get(pk=add_studied_entries())
    return visited_then_renamed(client, catalogue, intervention, django_capture_on_commit_callbacks)


def assert_follows_the_rename(html: str, renamed, must_link_to: str = ""):
    links = local_links(html)
    assert not [link for link in links if link.startswith(renamed["old_url"])], "a link still uses the old address"
    if must_link_to:
        assert any(link.startswith(must_link_to) for link in links), must_link_to


@pytest.fixture(scope="class")
def studied_entries(django_db_setup, django_db_blocker):
    """
    Built once for the tests of a class: they are rolled back at its end, before the admin's own rename below
    adds an entry at the same address. (The profile's test builds its own: it runs within the shared load of
    every dataset, which must not close under a build of this module.)
    """
    yield from built_once_for_the_module(django_db_blocker, add_studied_entries)


class TestAfterTheRename:
    """The entries are shared; the visit before the rename, and the rename, are each test's own."""

    @pytest.fixture
    def renamed(self, studied_entries, client, catalogue, django_capture_on_commit_callbacks):
        """The catalogue with the entries, visited, then renamed."""
        intervention = InterventionPage.objects.get(pk=studied_entries)
        return visited_then_renamed(client, catalogue, intervention, django_capture_on_commit_callbacks)

    def test_the_catalogue_and_its_search_move_with_the_rename(self, client, renamed):
        new_url = renamed["catalogue"].url
        assert new_url == f"/{NEW_SLUG}/" and renamed["old_url"] != new_url
        # Wagtail's redirects app keeps the old page address working (a permanent redirect).
        old = client.get(renamed["old_url"])
        assert old.status_code == 301 and old["Location"] == new_url
        response = client.get(new_url, {"area": "post-removal-support"})
        assert response.status_code == 200
        html = response.content.decode()
        assert "Pause-like service" in html
        assert_follows_the_rename(html, renamed, must_link_to=f"{new_url}export.csv?area=post-removal-support")
        for link in (f"{new_url}export.json?area=post-removal-support", f"{new_url}feed/?area=post-removal-support"):
            assert link in html

    def test_exports_and_feed_answer_at_the_new_address(self, immediate_tasks, client, renamed):
        new_url = renamed["catalogue"].url
        entry_url = renamed["intervention"].url
        assert entry_url.startswith(new_url)
        exported = client.get(f"{new_url}export.csv")
        assert exported.status_code == 200
        rows = list(csv.DictReader(io.StringIO(b"".join(exported.streaming_content).decode("utf-8-sig"))))
        assert {urlsplit(row["url"]).path for row in rows} >= {entry_url}
        as_json = client.get(f"{new_url}export.json")
        assert as_json.status_code == 200
        feed = feedparser.parse(client.get(f"{new_url}feed/", {"area": "post-removal-support"}).content)
        assert urlsplit(feed.feed.link).path == new_url
        assert [urlsplit(item.link).path for item in feed.entries] == [entry_url]
        for old in ("export.csv", "export.json", "feed/"):  # nothing answers at the old route addresses
            assert client.get(renamed["old_url"] + old).status_code == 404

    def test_entry_versions_and_citations_move_with_the_rename(self, client, renamed):
        entry_url = renamed["intervention"].url
        html = client.get(entry_url).content.decode()
        assert_follows_the_rename(html, renamed, must_link_to=f"{entry_url}cite.bib")
        assert f'href="{renamed["catalogue"].url}?area=post-removal-support"' in html
        version_links = [link for link in local_links(html) if link.startswith(f"{entry_url}versions/")]
        assert version_links
        for link in [f"{entry_url}cite.bib", f"{entry_url}cite.ris", *version_links]:
            assert client.get(link).status_code == 200, link
        version_html = client.get(version_links[0]).content.decode()
        assert_follows_the_rename(version_html, renamed, must_link_to=f"{version_links[0]}cite.")
        for link in local_links(version_html):
            if "/cite." in link:
                assert client.get(link).status_code == 200, link

    def test_api_sitemap_and_robots_use_the_new_address(self, client, renamed):
        new_url, entry = renamed["catalogue"].url, renamed["intervention"]
        listed = client.get("/api/v1/entries/").json()["results"]
        assert {urlsplit(record["url"]).path for record in listed} >= {entry.url}
        detail = client.get(f"/api/v1/entries/{entry.pk}/").json()
        assert detail["versions"] and all(urlsplit(v["url"]).path.startswith(entry.url) for v in detail["versions"])
        for version in detail["versions"]:
            assert client.get(urlsplit(version["url"]).path).status_code == 200
        paths = sitemap_paths(client)
        assert {new_url, entry.url} <= paths and renamed["old_url"] not in paths
        robots = client.get("/robots.txt").content.decode().splitlines()
        assert f"Disallow: {new_url}export.csv" in robots and f"Disallow: {new_url}export.json" in robots

    @pytest.mark.parametrize(
        "name, url",
        [
            ("home", "/"),
            ("404", "/no-such-page/"),
            ("compare", "/compare/"),
        ],
    )
    def test_navigation_and_site_pages_link_to_the_new_address(self, client, renamed, name, url):
        html = client.get(url).content.decode()
        assert_follows_the_rename(html, renamed, must_link_to=renamed["catalogue"].url)
        assert f'action="{renamed["catalogue"].url}"' in html  # the header's search box

    def test_evidence_map_links_to_the_moved_entries(self, client, renamed):
        html = client.get(reverse("evidencemap:map")).content.decode()
        assert_follows_the_rename(html, renamed, must_link_to=renamed["intervention"].url)

    def test_restricted_entries_have_no_versions_or_citations_wherever_the_catalogue_is(self, client, renamed):
        from wagtail.models import PageViewRestriction

        entry_url = renamed["intervention"].url
        PageViewRestriction.objects.create(page=renamed["intervention"], restriction_type=PageViewRestriction.LOGIN)
        for suffix in ("cite.bib", "versions/1/", "versions/1/cite.ris"):
            assert client.get(entry_url + suffix).status_code == 404, suffix

    def test_the_page_cache_keys_the_renamed_catalogue_on_its_search_parameters(
        self, immediate_tasks, client, renamed, settings, django_capture_on_commit_callbacks
    ):
        """The page cache reads the catalogue's addresses from the page: the new ones are cached per search."""
        new_url, old_url = renamed["catalogue"].url, renamed["old_url"]
        settings.PAGE_CACHE_SECONDS = 600
        cache.clear()
        try:
            for url in (new_url, f"{new_url}feed/"):
                first = client.get(url, {"area": "post-removal-support", "q": "pause"})
                assert first.status_code == 200 and first["X-Page-Cache"] == "miss", url
                again = client.get(url, {"q": "pause", "area": "post-removal-support"})  # same search, other order
                assert again["X-Page-Cache"] == "hit" and again.content == first.content, url
                assert "X-Page-Cache" not in client.get(url, {"area": "post-removal-support", "utm_source": "x"}), url
            facet = QueryDict("area=post-removal-support")
            for route in ("", "export.csv", "export.json", "feed/"):
                assert normalised_query(new_url + route, facet) is not None, route
                assert normalised_query(old_url + route, facet) is None, route  # the old address reads nothing now
            # Renamed again while this process remembers the addresses: they follow on the next request.
            moved = rename(renamed["catalogue"], f"{NEW_SLUG}-2", django_capture_on_commit_callbacks).url
            assert client.get(moved, {"area": "post-removal-support"})["X-Page-Cache"] == "miss"
            assert normalised_query(new_url, facet) is None and normalised_query(moved, facet) is not None
        finally:
            cache.clear()


# The data the profile shows is the shared load of every dataset (tests/shared_builds.py), made before the rename.
def test_explorer_profile_links_to_the_moved_catalogue(client, all_data_once, renamed):
    response = client.get(reverse("explorer:local_authority", args=["E08000025"]))
    assert response.status_code == 200
    assert_follows_the_rename(response.content.decode(), renamed, must_link_to=f"{renamed['catalogue'].url}?region=")


def test_renaming_in_the_admin_edit_form_moves_the_catalogue(
    immediate_tasks, client, catalogue, django_capture_on_commit_callbacks
):
    """The editor's own path: the page's edit form in the Wagtail admin, published with a new slug."""
    InterventionPageFactory(parent=catalogue, title="Pause-like service", slug="pause-like-service")
    old_url = catalogue.url
    admin = get_user_model().objects.create_superuser("renamer", "renamer@example.org", "x-long-password-1")
    client.force_login(admin)
    form = {
        "title": catalogue.title,
        "slug": NEW_SLUG,
        "introduction": catalogue.introduction,
        "seo_title": "",
        "search_description": "",
        "action-publish": "action-publish",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("wagtailadmin_pages:edit", args=[catalogue.pk]), form)
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()
    moved = CatalogueIndexPage.objects.get(pk=catalogue.pk)
    assert moved.slug == NEW_SLUG and moved.url != old_url
    html = client.get(moved.url, {"q": "pause"}).content.decode()
    assert "Pause-like service" in html
    assert client.get(moved.url + "export.csv").status_code == 200
    assert client.get(moved.url + "pause-like-service/").status_code == 200
    # Wagtail's redirects app keeps old links working: the old addresses answer with a permanent redirect.
    for old, new in ((old_url, moved.url), (old_url + "pause-like-service/", moved.url + "pause-like-service/")):
        response = client.get(old)
        assert response.status_code == 301 and response["Location"] == new, old
