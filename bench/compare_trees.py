"""
Two versions of the code side by side on the same catalogue: catalogue search latency, as ratios.

Usage: .venv/bin/python bench/compare_trees.py BEFORE_DIR [--sizes 10000,100000] [--requests 15]
       [--ports 8093,8094]            (or BENCH_PORTS=8093,8094: before's port, after's port)
On PostgreSQL: PGPORT=55470 bin/with-postgres .venv/bin/python bench/compare_trees.py BEFORE_DIR ...
(a DATABASE_URL starting with postgres: the catalogue is grown in a database of that server and
copied with CREATE DATABASE ... TEMPLATE for each version; the role needs CREATEDB).

BEFORE_DIR is another checkout of this repository with its own `.venv` (e.g.
`git worktree add /tmp/before <commit>` then `make -C /tmp/before install-dev`); this checkout is
"after". For each size one SQLite database is grown with BEFORE's `generate_entries`, copied, and
each copy migrated by its own code (likewise on PostgreSQL); one gunicorn server (1 worker) per
version serves it, and the requests alternate between the two versions in interleaved rounds, so
that a shared machine's noise falls on both alike. Printed: median ms per request and version, each version's ratio to
its own home page, and after / before for the same request.
"""

import argparse
import contextlib
import os
import signal
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

AFTER = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AFTER))

from bench.databases import POSTGRES, copy_database, create_empty, database_url  # noqa: E402
from bench.search_latency import URLS  # noqa: E402  (the same requests as the single-version benchmark)
from bench.servers import wait_until_serving  # noqa: E402

REQUESTS = {name: url for name, url in URLS.items() if not name.startswith("peer")}
PORTS = {"before": 8093, "after": 8094}


def manage(tree: Path, database, *args):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings", "DATABASE_URL": database_url(database)}
    subprocess.run(
        [str(tree / ".venv/bin/python"), "manage.py", *args], cwd=tree, env=env, check=True, stdout=subprocess.DEVNULL
    )


def start_server(tree: Path, database, port: int) -> subprocess.Popen:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings", "DATABASE_URL": database_url(database)}
    command = [str(tree / ".venv/bin/gunicorn"), "bench.wsgi", "--workers", "1", "--bind", f"127.0.0.1:{port}"]
    server = subprocess.Popen([*command, "--timeout", "600", "--log-level", "warning"], cwd=tree, env=env)
    return wait_until_serving(server, port)


@contextlib.contextmanager
def serving(trees: dict, databases: dict, ports: dict):
    """One gunicorn server per version (`trees`, `databases` and `ports` by version), stopped on leaving."""
    servers = [start_server(trees[version], databases[version], ports[version]) for version in ports]
    try:
        yield
    finally:
        for server in servers:
            server.send_signal(signal.SIGTERM)
            server.wait()


def timed_get(port: int, url: str) -> float:
    start = time.perf_counter()
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{url}", timeout=600) as response:
        response.read()
        assert response.status == 200, url
    return (time.perf_counter() - start) * 1000


def measure(rounds: int, requests=REQUESTS, ports=PORTS, get=timed_get) -> dict[tuple[str, str], list[float]]:
    """{(version, request name): ms per round}, after one warm-up request each (snapshots, per-process caches)."""
    samples = {(version, name): [] for version in ports for name in requests}
    for port in ports.values():
        for url in requests.values():
            get(port, url)
    for number in range(rounds):
        versions = list(ports) if number % 2 == 0 else list(reversed(ports))  # neither always goes first
        for name, url in requests.items():
            for version in versions:
                samples[(version, name)].append(get(ports[version], url))
    return samples


def report(size: int, samples):
    median = {key: statistics.median(values) for key, values in samples.items()}
    print(f"\n{'PostgreSQL' if POSTGRES else 'SQLite'}, {size:,} entries, {len(next(iter(samples.values())))} rounds")
    print(f"{'request':22} {'before ms':>10} {'x home':>7} {'after ms':>10} {'x home':>7} {'after/before':>13}")
    for name in REQUESTS:
        before, after = median[("before", name)], median[("after", name)]
        home_before, home_after = median[("before", "home")], median[("after", "home")]
        print(
            f"{name:22} {before:10.1f} {before / home_before:7.2f} {after:10.1f} {after / home_after:7.2f}"
            f" {after / before:13.2f}"
        )
    sys.stdout.flush()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("before", type=Path)
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--requests", type=int, default=15)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/born-into-care-compare"))
    parser.add_argument(
        "--ports", default=os.environ.get("BENCH_PORTS", "8093,8094"), help="before's port, after's port"
    )
    args = parser.parse_args()
    PORTS.update(zip(PORTS, (int(port) for port in args.ports.split(",")), strict=True))
    before_tree = args.before.resolve()
    args.workdir.mkdir(parents=True, exist_ok=True)
    grown = "compare_grown" if POSTGRES else args.workdir / "grown.sqlite3"
    create_empty(grown)
    manage(before_tree, grown, "migrate", "--no-input")
    existing = 0
    for size in sorted(int(s) for s in args.sizes.split(",")):
        manage(before_tree, grown, "generate_entries", str(size - existing))
        existing = size
        if POSTGRES:
            databases = {version: f"compare_{version}" for version in PORTS}
        else:
            databases = {version: args.workdir / f"{version}.sqlite3" for version in PORTS}
        for database in databases.values():
            copy_database(grown, database)
        manage(AFTER, databases["after"], "migrate", "--no-input")  # the after code's own migrations
        with serving({"before": before_tree, "after": AFTER}, databases, PORTS):
            report(size, measure(args.requests))


if __name__ == "__main__":
    main()
