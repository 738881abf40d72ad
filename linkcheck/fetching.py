"""
One link fetched the careful way: http or https only, every hop's host resolved once and checked by
`addresses.AddressPolicy`, the connection made to that very address (TLS still verifies the name), the
redirects followed by hand so each one is checked the same way, and every failure a client library can
raise (http.client.HTTPException for a server answering "ICY 200 OK", TLS, sockets, bad URLs) turned into
a recorded error rather than an exception.
"""

import http.client
import socket
import ssl
from urllib.parse import urljoin, urlsplit

from .addresses import AddressPolicy, AddressRefused

USER_AGENT = "BornIntoCareLinkCheck/1.0 (checks the catalogue's source links; one request at a time per host)"
BODY_SAMPLE = 1024  # a GET (not HEAD: many sites refuse HEAD) that reads only the first bytes
MAX_REDIRECTS = 10
REDIRECT_CODES = {301, 302, 303, 307, 308}
DEFAULT_PORTS = {"http": 80, "https": 443}


class PinnedHTTPConnection(http.client.HTTPConnection):
    """Connects to `address` while the request names `host` (the Host header)."""

    def __init__(self, host, port, address, timeout):
        super().__init__(host, port, timeout=timeout)
        self.address = address

    def connect(self):
        self.sock = socket.create_connection((self.address, self.port), self.timeout)


class PinnedHTTPSConnection(PinnedHTTPConnection):
    """The same over TLS, verifying the certificate against the link's host name, not the address."""

    context = ssl.create_default_context()

    def connect(self):
        super().connect()
        self.sock = self.context.wrap_socket(self.sock, server_hostname=self.host)


class Refused(Exception):
    """A hop the checker will not make; the message is what the report shows."""


def _hop(url: str, policy: AddressPolicy, timeout: float) -> tuple[int, str]:
    """(status, Location header) of one GET, connecting only to a permitted address."""
    parts = urlsplit(url)
    if parts.scheme not in DEFAULT_PORTS:
        raise Refused("Not an http(s) link")
    if not parts.hostname:
        raise Refused("Invalid URL: no host")
    if parts.username or parts.password:
        raise Refused("Refused: the link carries a user name or password")
    port = parts.port or DEFAULT_PORTS[parts.scheme]
    address = policy.resolve(parts.hostname, port)
    kind = PinnedHTTPSConnection if parts.scheme == "https" else PinnedHTTPConnection
    connection = kind(parts.hostname, port, address, timeout)
    try:
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        connection.request("GET", target, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
        response = connection.getresponse()
        response.read(BODY_SAMPLE)
        return response.status, response.getheader("Location", "")
    finally:
        connection.close()


def fetch(url: str, policy: AddressPolicy, timeout: float) -> tuple[int | None, str, str]:
    """(final status, final URL, error) of `url`, following up to MAX_REDIRECTS redirects."""
    current = url
    try:
        for _ in range(MAX_REDIRECTS + 1):
            status, location = _hop(current, policy, timeout)
            if status not in REDIRECT_CODES or not location:
                return status, current, ""
            current = urljoin(current, location)
        return None, current, f"More than {MAX_REDIRECTS} redirects"
    except (Refused, AddressRefused) as refused:
        return None, current, str(refused)[:300]
    except Exception as error:  # noqa: BLE001 (whatever the network or the server does, it is recorded)
        return None, current, describe(error)


def describe(error: BaseException) -> str:
    """An error in plain words for the report."""
    if isinstance(error, ssl.SSLError | ssl.CertificateError):
        return f"TLS error: {getattr(error, 'reason', None) or error}"[:300]
    if isinstance(error, TimeoutError | socket.timeout):
        return "Timed out"
    if isinstance(error, ConnectionRefusedError):
        return "Connection refused"
    if isinstance(error, http.client.HTTPException):
        return f"Not a valid HTTP response ({error.__class__.__name__}: {error})"[:300]
    if isinstance(error, ValueError | UnicodeError):
        return f"Invalid URL: {error}"[:300]
    return str(error)[:300] or error.__class__.__name__
