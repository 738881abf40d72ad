"""
The data wing owns its URLs as the catalogue does: one Wagtail page whose prose editors write in the
admin, whose routes serve every chart and table page, which the sitemap lists, and whose addresses
follow a rename. The page cache learns what invalidates it from one registry of content models.
"""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield

from explorer.links import data_url
from explorer.models import DataPage, TrendEvent
from explorer.models.data_page import LEDES, SECTIONS
from tests.sitemaps import sitemap_paths
from website.content_models import NOT_CONTENT, content_models

pytestmark = pytest.mark.django_db


def edit_in_admin(client, page, django_capture_on_commit_callbacks, **changes):
    """Publish the page through the Wagtail admin's edit form, as an editor does."""
    admin = get_user_model().objects.create_superuser("data-editor", "data-editor@example.org", "x-long-password-1")
    client.force_login(admin)
    values = {
        "title": page.title,
        "slug": page.slug,
        "introduction": page.introduction,
        "seo_title": "",
        "search_description": "",
        "sections": streamfield([("section", block.value) for block in page.sections]),
        "action-publish": "action-publish",
        **changes,
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), nested_form_data(values))
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()
    return DataPage.objects.get(pk=page.pk)


def test_every_section_of_a_new_data_page_has_its_paragraph(data_page, client):
    assert [block.value["section"] for block in data_page.sections] == [name for name, _ in SECTIONS]
    for name, _ in SECTIONS:
        html = client.get(data_url(name)).content.decode()
        assert LEDES[name].replace("&", "&amp;").replace("'", "&#x27;") in html, name


def test_an_editor_changes_the_introduction_and_a_section_and_the_public_pages_show_it_at_once(
    data_page, client, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    try:
        assert client.get(data_url("overview"))["X-Page-Cache"] == "miss"
        assert client.get(data_url("overview"))["X-Page-Cache"] == "hit"
        sections = [("section", block.value) for block in data_page.sections]
        sections[0] = ("section", {"section": sections[0][1]["section"], "lede": "Regions, as an editor wrote."})
        edit_in_admin(
            client,
            data_page,
            django_capture_on_commit_callbacks,
            introduction="An editor's own introduction.",
            sections=streamfield(sections),
        )
        overview = client.get(data_url("overview"))
        assert "An editor&#x27;s own introduction." in overview.content.decode()
        assert "Regions, as an editor wrote." in client.get(data_url(sections[0][1]["section"])).content.decode()
    finally:
        cache.clear()


def test_editing_a_trend_event_shows_at_once_on_cached_pages(
    data_page, client, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    try:
        event = TrendEvent.objects.order_by("date").first()
        url = data_url("overview")
        assert event.title in client.get(url).content.decode()
        assert client.get(url)["X-Page-Cache"] == "hit"
        with django_capture_on_commit_callbacks(execute=True):
            event.title = "A corrected title for this event"
            event.date = datetime.date(2015, 6, 1)
            event.save()
        fresh = client.get(url)
        assert fresh["X-Page-Cache"] == "miss" and "A corrected title for this event" in fresh.content.decode()
    finally:
        cache.clear()


def test_every_model_of_the_project_is_content_unless_listed_with_a_reason():
    labels = {model._meta.label for model in content_models()}
    folded = {"explorer.TrendEvent", "explorer.DfjArea", "explorer.LegalStatusFigure"}
    assert folded | {"explorer.InfantCareFigure", "evidencemap.ResearchQuestion", "catalogue.LocalAuthority"} <= labels
    assert labels.isdisjoint(NOT_CONTENT) and all(reason for reason in NOT_CONTENT.values())


def test_the_sitemap_lists_the_data_pages_profiles_and_areas(data_page, client, family_justice):
    paths = sitemap_paths(client)
    expected = {data_url(name) for name in ("overview", "regions", "funnel", "questions", "area_index")}
    expected |= {data_url("local_authority", "E06000009")}
    expected |= {data_url("area_detail", slug) for slug in ("cleveland-and-south-durham",)}
    assert expected <= set(paths)


def test_renaming_the_data_page_moves_every_route_and_its_links(
    data_page, client, family_justice, django_capture_on_commit_callbacks
):
    old = data_url("local_authority", "E06000009")
    moved = edit_in_admin(client, data_page, django_capture_on_commit_callbacks, slug="figures")
    assert moved.url == "/figures/"
    new = data_url("local_authority", "E06000009")
    assert new == "/figures/local-authorities/E06000009/" and client.get(new).status_code == 200
    html = client.get(data_url("area_index")).content.decode()
    assert 'href="/figures/family-justice-areas/' in html and 'href="/data/' not in html
    # Wagtail's redirects keep old links working: the page's own address and each of its routes'.
    for old_address, new_address in (("/data/", "/figures/"), (old, new)):
        response = client.get(old_address)
        assert response.status_code == 301 and response["Location"] == new_address, old_address
    assert data_url("example_file") == "/figures/your-data/example.csv"
    assert client.get(data_url("example_file")).status_code == 200
