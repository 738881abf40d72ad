"""Anonymous pages are cached, and the next request after a publish shows the change."""

import pytest
from django.core.cache import cache
from django.test import override_settings

from catalogue.models import Topic
from tests.factories import InterventionPageFactory


@pytest.fixture(autouse=True)
def page_cache():
    cache.clear()
    with override_settings(PAGE_CACHE_SECONDS=600):
        yield
    cache.clear()


@pytest.mark.django_db
def test_anonymous_pages_are_cached_with_security_headers(client, catalogue):
    first = client.get("/catalogue/")
    second = client.get("/catalogue/")
    assert first["X-Page-Cache"] == "miss" and second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "Content-Security-Policy" in second and "Permissions-Policy" in second


@pytest.mark.django_db
def test_publish_and_unpublish_show_on_the_next_request(client, catalogue, django_capture_on_commit_callbacks):
    entry = InterventionPageFactory(parent=catalogue, title="Original title")
    client.get(entry.url)
    assert "Original title" in client.get("/catalogue/").content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        entry.title = "Changed title"
        entry.save_revision().publish()
    assert "Changed title" in client.get(entry.url).content.decode()
    assert "Changed title" in client.get("/catalogue/").content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        entry.unpublish()
    assert client.get(entry.url).status_code == 404
    assert "Changed title" not in client.get("/catalogue/").content.decode()


@pytest.mark.django_db
def test_taxonomy_edits_show_on_the_next_request(client, catalogue, django_capture_on_commit_callbacks):
    InterventionPageFactory(parent=catalogue, topics=["fathers"])
    assert "Fathers" in client.get("/catalogue/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        topic = Topic.objects.get(slug="fathers")
        topic.name = "Fathers and partners"
        topic.save()
    assert "Fathers and partners" in client.get("/catalogue/").content.decode()


@pytest.mark.django_db
def test_editors_and_cookie_setting_responses_are_not_cached(client, admin_client, catalogue):
    admin_client.get("/catalogue/")
    assert "X-Page-Cache" not in admin_client.get("/catalogue/")
    response = client.get("/admin/login/")
    assert "X-Page-Cache" not in response
