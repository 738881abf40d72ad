"""
The visitor's address behind the TLS proxy, for login lock-outs (django-axes calls `client_address`).

Behind a proxy, REMOTE_ADDR is the proxy, the same for everybody: five wrong passwords from anywhere
would lock an editor out everywhere. Each trusted proxy appends the address it received the request
from to X-Forwarded-For, so with TRUSTED_PROXY_COUNT proxies in front of the site the visitor's address
is the TRUSTED_PROXY_COUNT-th entry from the right. Entries further left were written by the visitor
and prove nothing, so they are never read. (django-ipware's `proxy_count` instead expects the header
to hold exactly count + 1 addresses and returns no address otherwise, which would put every such
visitor under one lock-out.)
"""

import ipaddress

from django.conf import settings


def client_address(request) -> str:
    """The address the nearest untrusted hop connected from (REMOTE_ADDR without trusted proxies)."""
    remote = request.META.get("REMOTE_ADDR", "")
    trusted = settings.TRUSTED_PROXY_COUNT
    if trusted <= 0:
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    if len(hops) < trusted:
        return remote  # did not come through every proxy (a health check on the machine itself)
    candidate = hops[-trusted]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
