"""
The page cache keys on what a response depends on and nothing a visitor can vary for free
(issue 15, findings 2 and 4): a Host port cannot poison it, made-up parameters cannot flood it.
Runs on the in-process cache (SQLite pass) and on a real Redis server (bin/run-tests' PostgreSQL pass).
"""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import override_settings
from wagtail.models import Page

from demo.site_tree import ensure_site_tree
from tests.conftest import built_once_for_the_module
from tests.factories import InterventionPageFactory

HOSTILE_HOST = "testserver:1"  # passes ALLOWED_HOSTS: Django checks the name, not the port


@pytest.fixture(autouse=True)
def page_cache():
    cache.clear()
    with override_settings(PAGE_CACHE_SECONDS=600, ALLOWED_HOSTS=["testserver"]):
        yield
    cache.clear()


def add_entries() -> list[int]:
    _, catalogue = ensure_site_tree()
    return [InterventionPageFactory(parent=catalogue, title=f"Parent support {n}").pk for n in range(3)]


@pytest.fixture(scope="module")
def entries_once(django_db_setup, django_db_blocker):
    """
    Three entries, built once: the tests only read them. Building needs none of the page cache settings
    (it makes no request); the files a publish would queue are built when a test's request asks for them.
    """
    yield from built_once_for_the_module(django_db_blocker, add_entries)


@pytest.fixture
def entries(entries_once, db):
    """Read afresh for each test, so that no test sees another's changes to the objects."""
    return [Page.objects.get(pk=pk).specific for pk in entries_once]


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def public_urls(entries):
    entry = entries[0]
    return [
        "/robots.txt",
        entry.url,
        f"{entry.url}cite.bib",
        "/api/v1/entries/?page_size=1",
        f"/api/v1/entries/{entry.pk}/",
        "/catalogue/feed/",
        "/catalogue/export.csv",
    ]


@pytest.mark.django_db
def test_a_hostile_host_port_never_changes_what_the_next_visitor_gets(immediate_tasks, client, entries):
    urls = public_urls(entries)
    clean = {}
    for url in urls:
        clean[url] = body(client.get(url))
    cache.clear()
    for url in urls:
        assert client.get(url, HTTP_HOST=HOSTILE_HOST).status_code == 200, url
        assert body(client.get(url)) == clean[url], url


@pytest.mark.django_db
@override_settings(PAGE_CACHE_SECONDS=0)
def test_absolute_urls_come_from_the_configured_base_url_not_the_host(client, entries):
    for url in public_urls(entries):
        text = body(client.get(url, HTTP_HOST=HOSTILE_HOST)).decode()
        assert HOSTILE_HOST not in text, url
    robots = client.get("/robots.txt", HTTP_HOST=HOSTILE_HOST).content.decode()
    assert f"Sitemap: {settings.SITE_BASE_URL}/sitemap.xml" in robots.splitlines()
    api = client.get("/api/v1/entries/?page_size=1", HTTP_HOST=HOSTILE_HOST).json()
    assert api["next"].startswith(f"{settings.SITE_BASE_URL}/api/v1/entries/?")
    html = client.get(entries[0].url, HTTP_HOST=HOSTILE_HOST).content.decode()
    assert f'name="citation_public_url" content="{settings.SITE_BASE_URL}{entries[0].url}' in html
    assert f'"url": "{settings.SITE_BASE_URL}{entries[0].url}"' in html  # JSON-LD


@pytest.mark.django_db
def test_other_hosts_are_served_fresh_and_not_stored(client, entries):
    assert "X-Page-Cache" not in client.get("/catalogue/", HTTP_HOST=HOSTILE_HOST)
    assert client.get("/catalogue/")["X-Page-Cache"] == "miss"


@pytest.mark.django_db
def test_unknown_parameters_make_no_cache_entry(client, entries):
    for n in range(3):
        response = client.get(f"/catalogue/?utm_source={n}")
        assert response.status_code == 200 and "X-Page-Cache" not in response
        assert "X-Page-Cache" not in client.get(f"/catalogue/?utm_source={n}")
    # A page that reads no parameters at all is cached only without a query string.
    assert "X-Page-Cache" not in client.get(f"{entries[0].url}?x=1")
    assert client.get(entries[0].url)["X-Page-Cache"] == "miss"


@pytest.mark.django_db
def test_the_same_search_in_another_order_is_one_entry(client, entries, catalogue):
    first = client.get("/catalogue/?area=peri-natal-intervention&q=parent&area=post-removal-support")
    assert first["X-Page-Cache"] == "miss"
    again = client.get("/catalogue/?q=parent&area=post-removal-support&area=peri-natal-intervention")
    assert again["X-Page-Cache"] == "hit"
    # The catalogue reads the last of repeated single values, as the key does.
    assert (
        client.get("/catalogue/?q=other&q=parent&area=post-removal-support&area=peri-natal-intervention")[
            "X-Page-Cache"
        ]
        == "hit"
    )


@pytest.mark.django_db
def test_a_value_holding_separators_is_not_taken_for_two_parameters(client, entries):
    client.get("/catalogue/?q=parent&sort=newest")
    response = client.get("/catalogue/", {"q": "parent&sort=newest"})
    assert response.get("X-Page-Cache") != "hit"  # a miss, or (words the catalogue never uses) not cached


@pytest.mark.django_db
def test_large_responses_are_not_stored(client, entries):
    size = len(client.get("/catalogue/?q=parent").content)
    with override_settings(PAGE_CACHE_MAX_BYTES=size - 1):
        assert "X-Page-Cache" not in client.get("/catalogue/?q=support")
        assert "X-Page-Cache" not in client.get("/catalogue/?q=support")


def test_the_cache_memory_is_bounded():
    backend = settings.CACHES["default"]["BACKEND"]
    if backend.endswith("RedisCache"):
        client = cache._cache.get_client(write=False)
        assert int(client.config_get("maxmemory")["maxmemory"]) > 0
        assert client.config_get("maxmemory-policy")["maxmemory-policy"] == "allkeys-lru"
    else:
        assert backend.endswith("LocMemCache")
        assert cache._max_entries == settings.CACHES["default"]["OPTIONS"]["MAX_ENTRIES"]
    assert settings.PAGE_CACHE_MAX_BYTES > 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "area=no-such-area",
        "sort=sideways",
        "page=100000",
        "page=%C2%B2",
        "q=zzqx+wibble",
        "q=07700900123",
        "q=someone%40example.org",
    ],
)
def test_unknown_values_of_real_parameters_are_served_fresh_and_never_stored(client, entries, query):
    """N8: each junk value used to make a cache entry of its own."""
    for _ in range(2):
        response = client.get(f"/catalogue/?{query}")
        assert response.status_code in (200, 400) and "X-Page-Cache" not in response


@pytest.mark.django_db
def test_known_values_are_still_cached(client, entries):
    for query in ("area=peri-natal-intervention", "q=parent+support", "sort=newest", "page=1"):
        assert client.get(f"/catalogue/?{query}")["X-Page-Cache"] == "miss"
        assert client.get(f"/catalogue/?{query}")["X-Page-Cache"] == "hit"


@pytest.mark.django_db
def test_evidence_map_filters_are_cached_only_for_known_values(client, entries):
    assert client.get("/evidence-map/?design=rct")["X-Page-Cache"] == "miss"
    assert client.get("/evidence-map/?design=rct")["X-Page-Cache"] == "hit"
    junk = client.get("/evidence-map/?design=astrology")
    assert junk.status_code == 200 and "X-Page-Cache" not in junk
