"""
Whole-page caching for anonymous visitors, invalidated whenever published content changes.

The cache key includes `CatalogueVersion`, a counter in the database that every publish,
unpublish, move, privacy change and non-page content edit moves on (see `catalogue.signals` and
`connect_invalidation` below), so every web process stops serving a stale page on its very next
request. Editors (anyone with a session cookie) always get fresh pages. Responses that set a
cookie, use a CSRF token, stream, or are not 200 are never cached. Security headers (CSP and
others) are added by outer middleware on every response, cached or not.
"""

import hashlib

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page

CACHED_METHODS = {"GET", "HEAD"}
# Bigger responses are never cached: one would crowd out hundreds of ordinary pages.
PAGE_CACHE_MAX_BYTES = 512 * 1024
NEVER_CACHED_PREFIXES = ("/admin/", "/documents/", "/media/", "/static/")
# Non-page models in these apps feed public pages (vocabularies, references, data sets, questions).
CONTENT_APPS = ("catalogue", "website", "explorer", "evidencemap")


class AnonymousPageCacheMiddleware:
    """Serve anonymous GETs of public pages from the cache for PAGE_CACHE_SECONDS."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self._cacheable_request(request):
            return self.get_response(request)
        from catalogue.models import CatalogueVersion

        full_path = request.get_full_path().encode("utf-8", "surrogateescape")
        key = f"page:{CatalogueVersion.current()}:{request.method}:{hashlib.sha256(full_path).hexdigest()}"
        response = cache.get(key)
        if response is not None:
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if self._cacheable_response(request, response):
            cache.set(key, response, settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def _cacheable_request(request) -> bool:
        return (
            settings.PAGE_CACHE_SECONDS > 0
            and request.method in CACHED_METHODS
            and not request.path.startswith(NEVER_CACHED_PREFIXES)
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
        )

    @staticmethod
    def _cacheable_response(request, response) -> bool:
        cache_control = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not request.META.get("CSRF_COOKIE_USED")
            and "private" not in cache_control
            and "no-store" not in cache_control
            and small_enough_to_cache(response)
        )


def small_enough_to_cache(response) -> bool:
    """Whether a (non-streaming) response's body is within PAGE_CACHE_MAX_BYTES (a setting may lower it)."""
    limit = getattr(settings, "PAGE_CACHE_MAX_BYTES", PAGE_CACHE_MAX_BYTES)
    return len(response.content) <= limit


def _content_changed(sender, **kwargs):
    from catalogue.models import CatalogueVersion

    CatalogueVersion.bump()


def connect_invalidation() -> None:
    """Edits to non-page content (pages are covered by the publish signals) invalidate the cache."""
    from catalogue.models import CatalogueVersion

    for label in CONTENT_APPS:
        if label not in {config.label for config in apps.get_app_configs()}:
            continue
        for model in apps.get_app_config(label).get_models():
            if issubclass(model, Page) or model is CatalogueVersion:
                continue
            uid = f"page-cache-{model._meta.label}"
            post_save.connect(_content_changed, sender=model, dispatch_uid=f"{uid}-save")
            post_delete.connect(_content_changed, sender=model, dispatch_uid=f"{uid}-delete")
