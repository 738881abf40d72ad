"""
Fetching links concurrently but politely: one worker per host at a time, a pause between two
requests to the same host, and a timeout on every request. Standard library only (urllib).
"""

import queue
import socket
import ssl
import time
import urllib.error
import urllib.request
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urlsplit

USER_AGENT = "BornIntoCareLinkCheck/1.0 (checks the catalogue's source links; one request at a time per host)"
DEFAULT_TIMEOUT = 15.0
DEFAULT_DELAY = 1.0  # seconds between two requests to the same host
DEFAULT_WORKERS = 8
BODY_SAMPLE = 1024  # a GET (not HEAD: many sites refuse HEAD) that reads only the first bytes


@dataclass
class CheckResult:
    """The outcome of fetching one URL."""

    url: str
    status_code: int | None = None
    final_url: str = ""
    error: str = ""


def _describe(reason) -> str:
    if isinstance(reason, ssl.SSLError | ssl.CertificateError):
        return f"TLS error: {getattr(reason, 'reason', None) or reason}"[:300]
    if isinstance(reason, TimeoutError | socket.timeout):
        return "Timed out"
    if isinstance(reason, ConnectionRefusedError):
        return "Connection refused"
    if isinstance(reason, socket.gaierror):
        return "Host not found"
    return str(reason)[:300] or reason.__class__.__name__


def check_url(url: str, timeout: float = DEFAULT_TIMEOUT) -> CheckResult:
    """Fetch `url` following redirects; never raises for network trouble, it records it."""
    if urlsplit(url).scheme not in {"http", "https"}:
        return CheckResult(url, error="Not an http(s) link")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (scheme checked above)
            response.read(BODY_SAMPLE)
            return CheckResult(url, status_code=response.status, final_url=response.geturl())
    except urllib.error.HTTPError as error:  # 4xx/5xx, after any redirects
        return CheckResult(url, status_code=error.code, final_url=error.geturl() or url)
    except urllib.error.URLError as error:
        return CheckResult(url, error=_describe(error.reason))
    except (TimeoutError, ssl.SSLError, ConnectionError, OSError) as error:
        # A timeout or TLS failure while reading the response arrives unwrapped.
        return CheckResult(url, error=_describe(error))
    except ValueError as error:  # a malformed URL that urllib cannot even parse
        return CheckResult(url, error=f"Invalid URL: {error}"[:300])


class HostQueue:
    """The URLs of one host, checked one after another with a pause between requests."""

    def __init__(self, urls, delay: float, timeout: float, fetch):
        self.urls, self.delay, self.timeout, self.fetch = urls, delay, timeout, fetch

    def run(self, report) -> None:
        for position, url in enumerate(self.urls):
            if position and self.delay:
                time.sleep(self.delay)
            report(self.fetch(url, timeout=self.timeout))


def check_urls(
    urls,
    *,
    workers: int = DEFAULT_WORKERS,
    delay: float = DEFAULT_DELAY,
    timeout: float = DEFAULT_TIMEOUT,
    fetch=check_url,
    on_result=None,
) -> list[CheckResult]:
    """
    Check every distinct URL: hosts in parallel (up to `workers` at once), each host's URLs in turn.
    `on_result` runs in the calling thread as each result arrives (so it may use the database
    connection), letting callers save as they go.
    """
    by_host = defaultdict(list)
    for url in dict.fromkeys(urls):  # distinct, in first-seen order
        by_host[urlsplit(url).netloc.lower()].append(url)
    arrived = queue.Queue()
    results = []
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        futures = [
            pool.submit(HostQueue(host_urls, delay, timeout, fetch).run, arrived.put) for host_urls in by_host.values()
        ]
        expected = sum(len(host_urls) for host_urls in by_host.values())
        while len(results) < expected:
            try:
                result = arrived.get(timeout=1)
            except queue.Empty:
                if all(future.done() for future in futures):
                    break  # a worker failed: its exception is raised below
                continue
            results.append(result)
            if on_result:
                on_result(result)
        for future in futures:
            future.result()
    return results
