"""
Real application processes for tests: gunicorn on loopback ports, started by the test and stopped after,
sharing the test's database and cache. Used by tests/test_two_processes.py.
"""

import http.cookiejar
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).with_name("gunicorn")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def app_servers(count: int, env: dict[str, str], startup_seconds: float = 120):
    """`count` gunicorn processes (one worker each) on free loopback ports; yields their base URLs."""
    servers, urls = [], []
    try:
        for _ in range(count):
            port = free_port()
            log = open(ROOT / f".app-server-{port}.log", "wb")  # noqa: SIM115 (closed below)
            process = subprocess.Popen(
                [
                    str(GUNICORN),
                    "website.wsgi",
                    "--workers",
                    "1",
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--log-level",
                    "warning",
                    "--timeout",
                    "120",
                ],
                cwd=ROOT,
                env={**os.environ, **env},
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            servers.append((process, log))
            urls.append(f"http://127.0.0.1:{port}")
        for url, (process, log) in zip(urls, servers, strict=True):
            _wait_until_serving(url, process, log, startup_seconds)
        yield urls
    finally:
        for process, log in servers:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            log.close()
            Path(log.name).unlink(missing_ok=True)


def _wait_until_serving(url, process, log, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.flush()
            raise RuntimeError(f"{url} exited: {Path(log.name).read_text(errors='replace')[-2000:]}")
        try:
            urllib.request.urlopen(f"{url}/robots.txt", timeout=5).read()
            return
        except urllib.error.HTTPError:
            return  # it answers (400 for a Host it does not serve is an answer)
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not start within {seconds} s")


class Browser:
    """A visitor with a cookie jar, sending the public Host header (as the load balancer passes it on)."""

    def __init__(self, host: str, forwarded_for: str = ""):
        self.host, self.forwarded_for = host, forwarded_for
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies), _NoRedirect())

    def request(self, url: str, data: dict | None = None) -> tuple[int, dict, str]:
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(url, data=body, headers={"Host": self.host})
        if self.forwarded_for:
            request.add_header("X-Forwarded-For", self.forwarded_for)
        if body is not None:
            request.add_header("Referer", url)
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, dict(response.headers), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read().decode(errors="replace")

    def cookie(self, name: str) -> str:
        return next((cookie.value for cookie in self.cookies if cookie.name == name), "")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None
