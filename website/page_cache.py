"""
Whole-page caching for anonymous visitors, invalidated whenever published content changes.

The cache key includes `ContentVersion`, the site's content version: a counter in the database that
every publish, unpublish, move, privacy change and non-page content edit moves on (see
`catalogue.signals`, and `connect_invalidation` below for every model website/content_models.py
lists), so every web process stops serving a stale page on its very next request. Reading it for the
key costs the request nothing extra: the version is read once per GET and shared with everything
else that asks (catalogue.caches). Editors (anyone with a session cookie) always get fresh pages.

Only requests for the configured host (SITE_BASE_URL) are cached, and the key holds only what the
response depends on (see `page_cache_key` and website/cache_parameters.py): a visitor who sends
`Host: 127.0.0.1:1` or `?made-up=1` is served fresh and changes nothing anyone else gets. Responses
above PAGE_CACHE_MAX_BYTES are never stored, and the cache backend bounds the total (CACHES in
settings; Redis by maxmemory, docs/deployment.md). Responses that set a cookie, use a CSRF token,
stream, are compressed, or are not 200 are never cached. Security headers (CSP and others) are added
by outer middleware on every response, cached or not.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache

from catalogue.caches import Visit, previous_version_while_rebuilding, start_rebuilds
from catalogue.models import ContentVersion
from catalogue.row_changes import on_row_changes

from .content_models import content_models
from .site_url import canonical_host, normalise_host

CACHED_METHODS = {"GET", "HEAD"}
NEVER_CACHED_PREFIXES = ("/admin/", "/documents/", "/media/", "/static/")


class AnonymousPageCacheMiddleware:
    """Serve anonymous GETs of public pages from the cache for PAGE_CACHE_SECONDS."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self._anonymous_read(request) or settings.VISITOR_REBUILD_WAIT_SECONDS is None:
            return self._serve(request, None)
        # A visitor right after a publish is not kept waiting for per-version rebuilds (catalogue.caches),
        # which begin once the response has been sent: Django closes a response then, and calls its closers.
        with previous_version_while_rebuilding(settings.VISITOR_REBUILD_WAIT_SECONDS, False) as visit:
            response = self._serve(request, visit)
        if visit.rebuilds_after:
            response._resource_closers.append(lambda: start_rebuilds(visit))
        return response

    def _serve(self, request, visit: Visit | None):
        key = page_cache_key(request) if self._cacheable_request(request) else None
        if key is None:
            return self.get_response(request)
        response = cache.get(key)
        if response is not None:
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if visit is not None and visit.previous_served:
            return response  # built partly from the previous version: never kept under the new one
        if self._cacheable_response(request, response):
            cache.set(key, response, settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def _anonymous_read(request) -> bool:
        return (
            request.method in CACHED_METHODS
            and not request.path.startswith(NEVER_CACHED_PREFIXES)
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
        )

    @classmethod
    def _cacheable_request(cls, request) -> bool:
        return (
            settings.PAGE_CACHE_SECONDS > 0
            and cls._anonymous_read(request)
            and _served_host(request) == canonical_host()
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
            # Compressed for one visitor's Accept-Encoding: not for everybody.
            and not response.has_header("Content-Encoding")
            # A few very large responses would push everything else out of a bounded cache.
            and len(response.content) <= settings.PAGE_CACHE_MAX_BYTES
        )


def page_cache_key(request) -> str | None:
    """
    What the response depends on: content version, scheme, host, method, path and the parameters the
    page reads, in a fixed order. None when the request has a parameter its page does not read.
    """
    from .cache_parameters import normalised_query

    query = normalised_query(request.path, request.GET)
    if query is None:
        return None
    served = f"{request.scheme}://{_served_host(request)}{request.path}?{query}"
    digest = hashlib.sha256(served.encode("utf-8", "surrogatepass")).hexdigest()
    return f"page:{ContentVersion.current()}:{request.method}:{digest}"


def _served_host(request) -> str:
    """The Host the request named (validated against ALLOWED_HOSTS), lower-case, default port dropped."""
    return normalise_host(request.get_host(), request.scheme)


def _content_changed(sender, **kwargs):
    ContentVersion.bump()


def connect_invalidation() -> None:
    """Edits to non-page content (pages are covered by the publish signals) invalidate the cache."""
    on_row_changes(content_models(), _content_changed, "page-cache")
