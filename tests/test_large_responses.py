"""Very large responses are never stored in the whole-page cache."""

import pytest
from django.core.cache import cache
from django.test import override_settings


@pytest.fixture(autouse=True)
def page_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.mark.django_db
def test_a_response_over_the_size_limit_is_not_cached(client, catalogue):
    with override_settings(PAGE_CACHE_SECONDS=600):
        size = len(client.get("/catalogue/").content)
    cache.clear()
    with override_settings(PAGE_CACHE_SECONDS=600, PAGE_CACHE_MAX_BYTES=size - 1):
        assert "X-Page-Cache" not in client.get("/catalogue/")
        assert "X-Page-Cache" not in client.get("/catalogue/")
    with override_settings(PAGE_CACHE_SECONDS=600, PAGE_CACHE_MAX_BYTES=size):
        assert client.get("/catalogue/")["X-Page-Cache"] == "miss"
        assert client.get("/catalogue/")["X-Page-Cache"] == "hit"


@pytest.mark.django_db
def test_the_default_limit_keeps_ordinary_pages_cached(client, catalogue):
    with override_settings(PAGE_CACHE_SECONDS=600):
        client.get("/")
        assert client.get("/")["X-Page-Cache"] == "hit"
