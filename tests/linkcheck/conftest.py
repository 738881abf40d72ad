"""Local HTTP servers on 127.0.0.1 for the link checker: nothing here reaches the internet."""

import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


class LocalSite:
    """A little website whose paths behave like the links the checker meets in the wild."""

    def __init__(self):
        self.release = threading.Event()  # the /slow page answers only once this is set
        self.lock = threading.Lock()
        self.in_flight = 0
        self.most_in_flight = 0
        self.requests = []
        self.hosts = []  # the Host header of each request
        self.on_request = None  # optional callable run inside each request (for concurrency tests)
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                with site.lock:
                    site.hosts.append(self.headers.get("Host", ""))
                    site.in_flight += 1
                    site.most_in_flight = max(site.most_in_flight, site.in_flight)
                    site.requests.append(self.path)
                try:
                    if site.on_request:
                        site.on_request(self.path)
                finally:
                    # Before answering: once the client has its answer it may send its next request while
                    # this thread is still closing, which is not two requests at a time.
                    with site.lock:
                        site.in_flight -= 1
                self.respond()

            def respond(self):
                if self.path.startswith("/go?to="):  # a redirect to wherever the test says
                    self.send_response(302)
                    self.send_header("Location", urllib.parse.unquote(self.path.removeprefix("/go?to=")))
                    self.end_headers()
                    return
                if self.path.startswith("/moved"):
                    self.send_response(301)
                    self.send_header("Location", "/ok")
                    self.end_headers()
                    return
                if self.path.startswith("/slow"):
                    site.release.wait(5)  # longer than the client's timeout; released at teardown
                status = 404 if self.path.startswith("/missing") else 200
                body = b"found" if status == 200 else b"not found"
                try:
                    self.send_response(status)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except OSError:  # the client gave up waiting (the timeout test)
                    pass

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def url(self, path: str, scheme: str = "http") -> str:
        return f"{scheme}://127.0.0.1:{self.server.server_port}{path}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def local_site():
    with LocalSite() as site:
        yield site


@pytest.fixture
def second_site():
    with LocalSite() as site:
        yield site


@pytest.fixture(autouse=True)
def test_servers_reachable(settings):
    """
    The one way the checker reaches the servers above: a test setting. Every environment's settings
    leave LINKCHECK_ALLOWED_NETWORKS empty, so 127.0.0.1 is refused there (test_addresses.py).
    """
    settings.LINKCHECK_ALLOWED_NETWORKS = ["127.0.0.1/32"]
