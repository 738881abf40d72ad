"""Absolute URLs from the one configured base URL, never from the request's Host header.

`Host: 127.0.0.1:1` passes ALLOWED_HOSTS (Django compares host names, not ports), so any URL built with
`request.build_absolute_uri()` can be steered by a visitor; cached, it would then reach everyone else.
Every absolute URL the site writes (robots.txt, citations, JSON-LD, API links, feeds, exports) goes
through `absolute_url`, which reads `SITE_BASE_URL` (set from the environment; see docs/deployment.md).
"""

from urllib.parse import urlsplit

from django.conf import settings


def base_url() -> str:
    """The site's scheme and host, e.g. "https://bornintocare.example", without a trailing slash."""
    return settings.SITE_BASE_URL.rstrip("/")


DEFAULT_PORTS = {"http": "80", "https": "443"}


def normalise_host(host: str, scheme: str) -> str:
    """`host` lower-case, without the scheme's default port ("Example.org:443" -> "example.org")."""
    host = host.lower()
    default = DEFAULT_PORTS.get(scheme)
    return host[: -len(default) - 1] if default and host.endswith(f":{default}") else host


def canonical_host() -> str:
    """The host (with any port) that SITE_BASE_URL names, e.g. "bornintocare.example"."""
    parts = urlsplit(base_url())
    return normalise_host(parts.netloc, parts.scheme)


def absolute_url(path: str) -> str:
    """`path` ("/catalogue/x/", "/api/?page=2") on the configured site; absolute URLs pass unchanged."""
    if urlsplit(path).scheme:
        return path
    return base_url() + ("" if path.startswith("/") else "/") + path
