"""
Which addresses the link checker may connect to: public ones only.

An entry's or reference's link is written by a Contributor, so a link (or a redirect from it) to
127.0.0.1, a private range or a cloud metadata address would otherwise make the site fetch its own
internal services and show the result in the report. Every host is resolved here once, each address is
checked, and the caller connects to the address returned, so the name cannot resolve differently
between the check and the connection. `LINKCHECK_ALLOWED_NETWORKS` (empty in every environment's
settings) lets the tests reach their own servers on 127.0.0.1.
"""

import ipaddress
import socket
from dataclasses import dataclass, field

from django.conf import settings


class AddressRefused(Exception):
    """The link's host is not a public address (or cannot be resolved); the message says which."""


def _kind(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str:
    """Why an address is not public, in words for the report; "" if it is public."""
    mapped = getattr(address, "ipv4_mapped", None)
    if mapped is not None:
        return _kind(mapped)
    for kind, flag in (
        ("loopback", address.is_loopback),
        ("unspecified", address.is_unspecified),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("reserved", address.is_reserved),
        ("private", address.is_private),
    ):
        if flag:
            return kind
    return "" if address.is_global else "reserved"  # e.g. 100.64.0.0/10, shared by carriers


@dataclass
class AddressPolicy:
    """Public addresses, plus any networks the settings allow (the tests' local servers)."""

    allowed: list = field(default_factory=list)

    @classmethod
    def from_settings(cls) -> "AddressPolicy":
        networks = getattr(settings, "LINKCHECK_ALLOWED_NETWORKS", [])
        return cls([ipaddress.ip_network(network) for network in networks])

    def refusal(self, address: str) -> str:
        """Why the checker must not connect to `address`; "" if it may."""
        ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone ("fe80::1%eth0")
        if any(ip in network for network in self.allowed):
            return ""
        kind = _kind(ip)
        return f"Refused: {address} is a {kind} address, not a public one" if kind else ""

    def resolve(self, host: str, port: int) -> str:
        """The one address to connect to for `host`: the first public one it resolves to."""
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError) as error:
            raise AddressRefused("Host not found") from error
        refusals = []
        for _family, _type, _proto, _name, sockaddr in infos:
            reason = self.refusal(sockaddr[0])
            if not reason:
                return sockaddr[0]
            refusals.append(reason)
        raise AddressRefused(refusals[0] if refusals else "Host not found")
