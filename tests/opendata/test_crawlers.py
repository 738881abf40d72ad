"""sitemap.xml lists published public pages only; robots.txt points to it; filtered pages say noindex."""

import pytest

from tests.sitemaps import sitemap_paths

from .conftest import HIDDEN_TITLES

pytestmark = pytest.mark.django_db


def test_sitemap_lists_published_public_pages_only(client, mixed_catalogue):
    paths = sitemap_paths(client)
    for page in mixed_catalogue["published"]:
        assert page.url in paths
    for name in ("draft", "private", "withdrawn"):
        assert f"/catalogue/{mixed_catalogue[name].slug}/" not in paths, name
    assert "/catalogue/" in paths


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines


@pytest.mark.parametrize(
    "params, noindex",
    [
        ({}, False),
        ({"page": "2"}, False),
        ({"area": "post-removal-support"}, True),
        ({"q": "parent"}, True),
        ({"sort": "title"}, True),
        ({"unknown": "1"}, True),
    ],
)
def test_filtered_catalogue_pages_are_not_indexed(client, mixed_catalogue, params, noindex):
    response = client.get("/catalogue/", params)
    assert response.status_code == 200
    assert (response.get("X-Robots-Tag") == "noindex") is noindex


def test_entry_pages_stay_indexable(client, mixed_catalogue):
    response = client.get(mixed_catalogue["published"][0].url)
    assert "X-Robots-Tag" not in response
    assert not set(HIDDEN_TITLES) & set(response.content.decode().split("\n"))
