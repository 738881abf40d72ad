"""
Catalogue search latency at growing catalogue sizes, as ratios to the home page on the same server.

Usage: bench/run-search-benchmark [--sizes 1000,10000,100000] [--requests 30]
(that script runs this once on SQLite and once on a throwaway PostgreSQL server).

For each size the database is grown with `generate_entries`, a gunicorn server (1 worker) is
started, and home, catalogue (narrow and broad text queries, with 3 facets and without) and the
peer (Wagtail's plain search view) are requested in interleaved rounds, so that machine noise
falls on all of them alike. Figures: median and p95 milliseconds, and median ratio to home.
"""

import argparse
import os
import signal
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script: make the bench package importable

from bench.servers import wait_until_serving  # noqa: E402

PYTHON = str(ROOT / ".venv" / "bin" / "python")
PORT = int(os.environ.get("BENCH_PORT", "8090"))
FACETS = "&area=peri-natal-intervention&region=london&topic=fathers"
URLS = {
    "home": "/",
    "narrow q": "/catalogue/?q=cohort7",
    "narrow q + 3 facets": "/catalogue/?q=cohort7" + FACETS,
    "broad q (1/5)": "/catalogue/?q=midwifery",
    "broad q + 3 facets": "/catalogue/?q=midwifery" + FACETS,
    "peer narrow q": "/peer-search/?query=cohort7",
    "peer broad q": "/peer-search/?query=midwifery",
}
PEER_TIMEOUT = 60.0


def manage(*args):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings"}
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def start_server():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings"}
    server = subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "bench.wsgi",
            "--workers",
            "1",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--timeout",
            "600",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    return wait_until_serving(server, PORT, attempts=100)


def timed_get(url, timeout=600.0) -> float:
    start = time.perf_counter()
    with urllib.request.urlopen(f"http://127.0.0.1:{PORT}{url}", timeout=timeout) as response:
        response.read()
        assert response.status == 200, url
    return (time.perf_counter() - start) * 1000


def measure(requests: int, skip_peer: bool) -> dict[str, list[float]]:
    samples = {name: [] for name in URLS}
    for url in URLS.values():  # warm-up: builds the snapshot, fills caches
        if not (skip_peer and url.startswith("/peer")):
            timed_get(url)
    for _ in range(requests):
        for name, url in URLS.items():
            if url.startswith("/peer"):
                if skip_peer or (samples[name] and sum(samples[name]) > PEER_TIMEOUT * 1000):
                    continue  # the peer is too slow to repeat at this size
            samples[name].append(timed_get(url))
    return samples


def report(database: str, size: int, samples: dict[str, list[float]]):
    home = statistics.median(samples["home"])
    print(f"\n{database}, {size:,} entries")
    print(f"{'request':24} {'median ms':>10} {'p95 ms':>10} {'x home':>8} {'n':>4}")
    for name, values in samples.items():
        if not values:
            print(f"{name:24} {'skipped (too slow to repeat)':>36}")
            continue
        values = sorted(values)
        p95 = values[min(len(values) - 1, int(round(0.95 * (len(values) - 1))))]
        median = statistics.median(values)
        print(f"{name:24} {median:10.1f} {p95:10.1f} {median / home:8.2f} {len(values):4}")
    sys.stdout.flush()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument(
        "--peer-max-size",
        type=int,
        default=10000,
        help="skip the peer above this size (it takes minutes a request at 100,000)",
    )
    args = parser.parse_args()
    database = "PostgreSQL" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "SQLite"
    if database == "SQLite":
        os.environ["DATABASE_URL"] = "sqlite:////tmp/born-into-care-bench.sqlite3"
        Path("/tmp/born-into-care-bench.sqlite3").unlink(missing_ok=True)
    manage("migrate", "--no-input")
    existing = 0
    for size in sorted(int(s) for s in args.sizes.split(",")):
        manage("generate_entries", str(size - existing))
        existing = size
        server = start_server()
        try:
            report(database, size, measure(args.requests, skip_peer=size > args.peer_max_size))
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait()


if __name__ == "__main__":
    main()
