"""
A link checker that cannot be turned inward (issue 25, N2-N4): public addresses only, on the first
request and on every redirect, each host resolved once; every client error recorded; a time budget.
The local servers are reached only through the test setting in conftest.py; these tests take it away.
"""

import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from linkcheck.addresses import AddressPolicy
from linkcheck.checker import OUT_OF_TIME, Budget, CheckResult, check_url, check_urls

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "loopback"),
        ("127.0.0.2", "loopback"),
        ("::1", "loopback"),
        ("::ffff:127.0.0.1", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.1", "private"),
        ("fc00::1", "private"),
        ("169.254.169.254", "link-local"),
        ("fe80::1", "link-local"),
        ("224.0.0.1", "multicast"),
        ("ff02::1", "multicast"),
        ("240.0.0.1", "reserved"),
        ("100.64.0.1", "reserved"),
        ("0.0.0.0", "unspecified"),  # noqa: S104 (an address under test, not one bound)
    ],
)
def test_non_public_addresses_are_refused_by_the_settings_every_environment_has(settings, address, kind):
    settings.LINKCHECK_ALLOWED_NETWORKS = []
    assert AddressPolicy.from_settings().refusal(address) == f"Refused: {address} is a {kind} address, not a public one"


def test_public_addresses_are_allowed(settings):
    settings.LINKCHECK_ALLOWED_NETWORKS = []
    policy = AddressPolicy.from_settings()
    assert policy.refusal("8.8.8.8") == "" and policy.refusal("2001:4860:4860::8888") == ""


def test_loopback_is_refused_before_connecting_without_the_test_setting(settings, local_site):
    settings.LINKCHECK_ALLOWED_NETWORKS = []
    result = check_url(local_site.url("/ok"), timeout=5)
    assert result.status_code is None and "127.0.0.1 is a loopback address" in result.error
    assert local_site.requests == []


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("http://127.0.0.2:{port}/ok", "127.0.0.2 is a loopback address"),
        ("http://10.0.0.1/", "10.0.0.1 is a private address"),
        ("http://[::1]:{port}/ok", "::1 is a loopback address"),
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address"),
        ("ftp://127.0.0.1/file", "Not an http(s) link"),
        ("file:///etc/passwd", "Not an http(s) link"),
        ("http://user:secret@example.org/", "user name or password"),
    ],
)
def test_a_redirect_to_an_address_that_is_not_public_is_refused(local_site, target, expected):
    url = local_site.url("/go?to=" + target.format(port=local_site.server.server_port))
    result = check_url(url, timeout=5)
    assert result.status_code is None and expected in result.error
    assert len(local_site.requests) == 1  # the first hop only


def test_each_host_is_resolved_once_and_the_connection_goes_to_that_address(local_site, monkeypatch):
    """A name that resolves to the test server, then (rebinding) to a private address."""
    real = socket.getaddrinfo
    answers = iter(["127.0.0.1", "10.0.0.1"])
    lookups = []

    def rebinding(host, port, *args, **kwargs):
        if host != "rebind.test":
            return real(host, port, *args, **kwargs)
        lookups.append(host)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(answers), port))]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    port = local_site.server.server_port
    result = check_url(f"http://rebind.test:{port}/moved", timeout=5)
    # First hop: one lookup, connected to 127.0.0.1 under the name; the redirect's lookup gets the new answer.
    assert local_site.requests == ["/moved"] and local_site.hosts == [f"rebind.test:{port}"]
    assert lookups == ["rebind.test", "rebind.test"]
    assert result.status_code is None and "10.0.0.1 is a private address" in result.error


@pytest.fixture
def icy_server():
    """A server that answers like a SHOUTcast stream ("ICY 200 OK"), which http.client cannot parse."""
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def serve():
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            with connection:
                connection.recv(4096)
                connection.sendall(b"ICY 200 OK\r\nicy-name: radio\r\n\r\n")

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}/stream"
    stop.set()
    thread.join()
    listener.close()


def test_a_server_that_is_not_http_is_recorded_not_raised(icy_server):
    results = check_urls([icy_server], delay=0, timeout=5)
    assert results[0].status_code is None and results[0].error.startswith("Not a valid HTTP response (BadStatusLine")


class Clock:
    """Time that moves only when a fetch says so."""

    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def test_a_host_stops_when_its_share_of_the_time_is_spent():
    clock = Clock()

    def ten_second_fetch(url, timeout):
        clock.now += 10
        return CheckResult(url, status_code=200, final_url=url)

    urls = [f"https://slow.example/{number}" for number in range(6)]
    budget = Budget(run_seconds=1000, host_seconds=25, clock=clock)
    results = check_urls(urls, delay=0, budget=budget, fetch=ten_second_fetch)
    assert [result.skipped for result in results] == [False, False, False, True, True, True]
    assert {result.error for result in results if result.skipped} == {OUT_OF_TIME}


def test_a_run_stops_when_its_time_is_spent_whatever_the_host():
    clock = Clock()

    def ten_second_fetch(url, timeout):
        clock.now += 10
        return CheckResult(url, status_code=200, final_url=url)

    urls = [f"https://host{number}.example/" for number in range(5)]
    budget = Budget(run_seconds=25, host_seconds=1000, clock=clock)
    results = check_urls(urls, workers=1, delay=0, budget=budget, fetch=ten_second_fetch)
    assert sum(not result.skipped for result in results) == 3 and len(results) == 5


def test_production_settings_refuse_the_local_server(local_site):
    """The production settings module, in its own process: nothing there allows 127.0.0.1."""
    code = (
        "import django; django.setup();"
        "from linkcheck.checker import check_url;"
        f"print(check_url({local_site.url('/ok')!r}, timeout=5).error)"
    )
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "website.settings.production", "SECRET_KEY": "x" * 50}
    finished = subprocess.run(  # noqa: S603 (our own interpreter and code)
        [sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120, check=True
    )
    assert "127.0.0.1 is a loopback address" in finished.stdout
    assert local_site.requests == []
