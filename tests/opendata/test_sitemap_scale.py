"""The sitemap is an index of files of bounded size, built once per content version by the task worker."""

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from django.db import connection
from wagtail.models import Page, Site

from catalogue.models import ContentVersion
from explorer.models import DataPage
from opendata import sitemap
from tests.factories import InterventionPageFactory

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def locations(response) -> list[str]:
    assert response.status_code == 200
    return [loc.text for loc in ET.fromstring(b"".join(response.streaming_content)).iter(f"{SITEMAP}loc")]


@pytest.fixture
def three_a_file(monkeypatch):
    monkeypatch.setattr(sitemap, "SITEMAP_PAGE_URLS", 3)
    return 3


def test_files_hold_at_most_the_page_size_and_together_every_public_page(
    immediate_tasks, client, catalogue, three_a_file
):
    for n in range(5):
        InterventionPageFactory(parent=catalogue, title=f"Entry {n}")
    for data_page in DataPage.objects.live():
        data_page.unpublish()  # its routes' addresses are tested with the data wing (tests/explorer/)
    public = Page.objects.live().public().filter(depth__gt=1)
    files = locations(client.get("/sitemap.xml"))
    assert len(files) == -(-public.count() // three_a_file)  # ceiling division
    listed = []
    for location in files:
        urls = locations(client.get(urlsplit(location).path))
        assert 1 <= len(urls) <= three_a_file
        listed += [urlsplit(url).path for url in urls]
    assert sorted(listed) == sorted(page.url for page in public)
    assert len(listed) == len(set(listed))


@pytest.mark.parametrize("path", ["/sitemap-0.xml", "/sitemap-99.xml", "/sitemap-99999999999999999999999.xml"])
def test_a_file_number_out_of_range_is_not_found(immediate_tasks, client, catalogue, path):
    assert client.get(path).status_code == 404


def test_built_once_per_content_version(immediate_tasks, client, catalogue, django_capture_on_commit_callbacks):
    InterventionPageFactory(parent=catalogue, title="First")
    first = locations(client.get("/sitemap-1.xml"))
    calls = []
    with connection.execute_wrapper(lambda execute, *args: calls.append(args[0]) or execute(*args)):
        assert locations(client.get("/sitemap-1.xml")) == first
    assert 0 < len(calls) <= 2  # the content version: not the site, not the pages
    with django_capture_on_commit_callbacks(execute=True):
        added = InterventionPageFactory(parent=catalogue, title="Second")
        ContentVersion.bump()
    assert any(url.endswith(added.url) for url in locations(client.get("/sitemap-1.xml")))


def test_addresses_come_from_the_site_not_the_host_header(immediate_tasks, client, catalogue):
    InterventionPageFactory(parent=catalogue, title="Entry")
    urls = locations(client.get("/sitemap-1.xml", HTTP_HOST="127.0.0.1:1"))
    index = locations(client.get("/sitemap.xml", HTTP_HOST="127.0.0.1:1"))
    assert not any("127.0.0.1:1" in url for url in urls + index)


def test_addresses_start_with_site_base_url_not_the_wagtail_sites_hostname(
    immediate_tasks, client, catalogue, settings
):
    """Issue 25: the sitemap wrote the Wagtail Site's `http://localhost`; it uses SITE_BASE_URL, as the rest does."""
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "localhost", 80
    site.save()
    settings.SITE_BASE_URL = "https://bornintocare.example/"
    entry = InterventionPageFactory(parent=catalogue, title="Entry")
    index = locations(client.get("/sitemap.xml"))
    urls = locations(client.get("/sitemap-1.xml"))
    assert index == ["https://bornintocare.example/sitemap-1.xml"]
    assert "https://bornintocare.example" + entry.url in urls
    assert all(url.startswith("https://bornintocare.example/") for url in urls)
