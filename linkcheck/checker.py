"""
Fetching links concurrently but politely: one worker per host at a time, a pause between two
requests to the same host, a timeout on every request, and a time budget for the whole run and for
each host, so a run always ends (40 redirected links on one slow host once held a web worker until
it was killed). Each fetch goes through `fetching.fetch`: public addresses only, every redirect checked.
"""

import queue
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urlsplit

from .addresses import AddressPolicy
from .fetching import USER_AGENT, fetch

__all__ = ["USER_AGENT", "Budget", "CheckResult", "check_url", "check_urls"]

DEFAULT_TIMEOUT = 15.0
DEFAULT_DELAY = 1.0  # seconds between two requests to the same host
DEFAULT_WORKERS = 8
DEFAULT_RUN_SECONDS = 30 * 60.0  # a whole run, every host
DEFAULT_HOST_SECONDS = 5 * 60.0  # one host's share of it
OUT_OF_TIME = "Not checked: the check ran out of time"


@dataclass
class CheckResult:
    """The outcome of fetching one URL (or of not fetching it: `skipped`, with the reason in `error`)."""

    url: str
    status_code: int | None = None
    final_url: str = ""
    error: str = ""
    skipped: bool = False


@dataclass
class Budget:
    """Seconds a run may take, and each host within it; `clock` is time.monotonic unless a test says."""

    run_seconds: float = DEFAULT_RUN_SECONDS
    host_seconds: float = DEFAULT_HOST_SECONDS
    clock: object = time.monotonic

    def __post_init__(self):
        self.started = self.clock()

    def seconds_left(self, host_started: float) -> float:
        now = self.clock()
        return min(self.started + self.run_seconds - now, host_started + self.host_seconds - now)


def check_url(url: str, timeout: float = DEFAULT_TIMEOUT, policy: AddressPolicy | None = None) -> CheckResult:
    """Fetch `url` following redirects; never raises for network trouble, it records it."""
    status, final_url, error = fetch(url, policy or AddressPolicy.from_settings(), timeout)
    return CheckResult(url, status_code=status, final_url=final_url if status is not None else "", error=error)


class HostQueue:
    """The URLs of one host, checked one after another with a pause between requests, within budget."""

    def __init__(self, urls, delay: float, timeout: float, fetch, budget: Budget):
        self.urls, self.delay, self.timeout, self.fetch, self.budget = urls, delay, timeout, fetch, budget

    def run(self, report) -> None:
        started = self.budget.clock()
        for position, url in enumerate(self.urls):
            if position and self.delay and self.budget.seconds_left(started) > self.delay:
                time.sleep(self.delay)
            left = self.budget.seconds_left(started)
            if left <= 0:
                report(CheckResult(url, error=OUT_OF_TIME, skipped=True))
                continue
            report(self.fetch(url, timeout=min(self.timeout, left)))


def check_urls(
    urls,
    *,
    workers: int = DEFAULT_WORKERS,
    delay: float = DEFAULT_DELAY,
    timeout: float = DEFAULT_TIMEOUT,
    budget: Budget | None = None,
    fetch=None,
    on_result=None,
) -> list[CheckResult]:
    """
    Check every distinct URL: hosts in parallel (up to `workers` at once), each host's URLs in turn.
    `on_result` runs in the calling thread as each result arrives (so it may use the database
    connection), letting callers save as they go.
    """
    budget = budget or Budget()
    if fetch is None:
        policy = AddressPolicy.from_settings()  # read once, in the calling thread

        def fetch(url, timeout):
            return check_url(url, timeout=timeout, policy=policy)

    by_host = defaultdict(list)
    for url in dict.fromkeys(urls):  # distinct, in first-seen order
        by_host[_host(url)].append(url)
    arrived = queue.Queue()
    results = []
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        futures = [
            pool.submit(HostQueue(host_urls, delay, timeout, fetch, budget).run, arrived.put)
            for host_urls in by_host.values()
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


def _host(url: str) -> str:
    try:
        return urlsplit(url).netloc.lower()
    except ValueError:  # "http://[bad" cannot even be split: it fails alone in its own queue
        return url
