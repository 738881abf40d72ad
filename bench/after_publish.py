"""
What a publish costs at scale (issue 25's done-when figures), on a grown SQLite catalogue:

1. the first request to each public page after a publish (the median over several publishes, each one's
   requests in the same order), as a ratio to the home page's warm median (the page cache off, one
   gunicorn worker, as bench/scale/run), with the task worker running beside the server as in production;
2. the first request to each page once the worker's new search snapshot is there (the web process loads
   it: catalogue/search/snapshot_files.py); the benchmark's searches are recorded searches, as a live
   site's popular searches are, so the worker works their matches out with the snapshot; and
3. the task worker's peak resident memory and time while it builds the files a publish queues
   (search snapshot, evidence-map CSV, export records, sitemap).

Usage: .venv/bin/python bench/after_publish.py DATABASE.sqlite3 [--port 8175] [--rounds 5] [--publishes 5]
       [--data-pages]   (the data wing's heaviest pages too: the database must hold the open data, load_open_data)
On PostgreSQL: PGPORT=55470 bin/with-postgres .venv/bin/python bench/after_publish.py DATABASE_NAME ...
(a database on that server, e.g. one bench/scale/run grew there: scale_100000)
The database is changed: its content version moves on and the worker's files are written under
GENERATED_FILES_ROOT (a temporary directory here).
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.databases import ENGINE, POSTGRES, database_url  # noqa: E402
from bench.scale.measure import URLS  # noqa: E402  (the same pages as the scale benchmark)
from bench.servers import run_worker, timed_get, wait_until_serving  # noqa: E402

PYTHON = str(ROOT / ".venv/bin/python")
# The data wing's heaviest pages: its figures follow the data, not the catalogue's publishes.
DATA_URLS = {
    "data: overview": "/data/",
    "data: authority profile": "/data/local-authorities/E06000009/",
    "data: relationships": "/data/relationships/",
    "data: questions": "/data/questions/",
    "data: family justice areas": "/data/family-justice-areas/",
    "data: board report": "/data/family-justice-areas/birmingham/board-report/",
}
QUEUED = "from django_tasks_db.models import DBTaskResult as T; print(T.objects.filter(status='READY').count())"
UNFINISHED = (
    "from django_tasks_db.models import DBTaskResult as T; "
    "print(T.objects.filter(status__in=['READY', 'RUNNING']).count())"
)


def environment(database: Path | str, generated: str) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": database_url(database),
        "GENERATED_FILES_ROOT": generated,
    }


def manage(env: dict, code: str) -> str:
    done = subprocess.run(
        [PYTHON, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=ROOT,
        env=env,
        check=False,
        capture_output=True,
        text=True,
    )
    if done.returncode:
        raise RuntimeError(f"manage.py shell -c {code!r} failed:\n{done.stderr[-3000:]}")
    return done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""


def publish(env: dict) -> int:
    """What every publish does at its commit: the content version moves on and the builds are queued."""
    code = "from catalogue.models import ContentVersion as V; V._bump_now(); print(V.current())"
    return int(manage(env, code))


def record_searches(env: dict, urls: dict) -> list[str]:
    """The benchmark's searches, recorded today as if visitors had made them (the worker reads these)."""
    terms = sorted({parse_qs(urlsplit(url).query)["q"][0] for url in urls.values() if "q=" in url})
    code = (
        "from django.utils import timezone; from catalogue.models import SearchRecord as R; "
        f"[R.objects.update_or_create(day=timezone.localdate(), terms=t, defaults={{'searches': 10, 'results': 1}}) "
        f"for t in {terms!r}]"
    )
    manage(env, code)
    return terms


def start_worker(env: dict) -> subprocess.Popen:
    """The task worker, running until stopped, as production runs it beside the web servers."""
    return subprocess.Popen(
        [PYTHON, "manage.py", "db_worker", "--backend", "background", "--no-startup-delay", "--no-reload"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def wait_for_snapshot(generated: str, version: int, seconds: float) -> float:
    """
    Seconds until the worker's search snapshot for `version` is written, or `seconds` if none is by then
    (code from before the worker built it: the web process has built its own meanwhile).
    """
    start = time.perf_counter()
    directory = Path(generated) / "search-snapshot" / str(version)
    while not any(directory.glob("*.pickle")) and time.perf_counter() - start < seconds:
        time.sleep(0.05)
    return time.perf_counter() - start


def report(title: str, firsts: dict, home: float) -> None:
    print(f"\n{title}")
    print(f"{'request':34} {'ms':>9} {'x home':>7} {'slowest':>9} {'status':>7}")
    for name, samples in firsts.items():
        elapsed = statistics.median(ms for ms, _ in samples)
        statuses = "/".join(sorted({str(status) for _, status in samples}))
        slowest = max(ms for ms, _ in samples)
        print(f"{name:34} {elapsed:9.1f} {elapsed / home:7.2f} {slowest:9.1f} {statuses:>7}")


def main():
    sys.stdout.reconfigure(line_buffering=True)
    parser = argparse.ArgumentParser()
    parser.add_argument("database", help="a SQLite file, or a database's name on PostgreSQL")
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", "8175")))
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--publishes", type=int, default=5, help="publishes whose first requests are measured")
    parser.add_argument("--settle", type=float, default=10.0, help="seconds between publishes, once the worker is idle")
    parser.add_argument(
        "--snapshot-wait", type=float, default=120.0, help="seconds to wait for the worker's snapshot file at most"
    )
    parser.add_argument("--data-pages", action="store_true", help="measure the data wing's heaviest pages too")
    args = parser.parse_args()
    database = args.database if POSTGRES else Path(args.database).resolve()
    generated = tempfile.mkdtemp(prefix="born-into-care-generated-")
    env = environment(database, generated)
    code = "from catalogue.models import InterventionPage as P; print(P.objects.live().order_by('pk').first().url)"
    urls = {name: url or manage(env, code) for name, url in URLS.items()} | (DATA_URLS if args.data_pages else {})
    print(f"recorded searches: {record_searches(env, urls)}")
    publish(env)
    seconds, peak = run_worker(env)
    assert manage(env, QUEUED) == "0", "the worker left tasks in the queue"
    print(f"worker, first build of every queued file: {seconds:.1f} s, peak resident memory {peak:.0f} MB")
    server = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "bench.wsgi", "--workers", "1", "--bind", f"127.0.0.1:{args.port}"]
        + ["--timeout", "900", "--log-level", "warning"],
        cwd=ROOT,
        env=env,
    )
    worker = start_worker(env)
    try:
        wait_until_serving(server, args.port)
        for url in urls.values():  # warm: as a server that has been running since the last publish
            timed_get(args.port, url)
        home = statistics.median(timed_get(args.port, "/")[0] for _ in range(args.rounds))
        firsts = {name: [] for name in urls}
        once_built = {name: [] for name in urls}
        waits = []
        for _ in range(args.publishes):
            version = publish(env)
            for name, url in urls.items():
                firsts[name].append(timed_get(args.port, url))
            waits.append(wait_for_snapshot(generated, version, args.snapshot_wait))
            for name, url in urls.items():
                once_built[name].append(timed_get(args.port, url))
            # Let the worker finish the other files (and the machine settle) before the next publish, so that
            # each round starts as the first did.
            while manage(env, UNFINISHED) != "0":
                time.sleep(1)
            time.sleep(args.settle)
        print(f"\n{ENGINE}: home's warm median {home:.1f} ms; medians of {args.publishes} publishes")
        report("first request to each page after a publish (the worker building meanwhile):", firsts, home)
        print(f"\nthe worker's snapshot was written {statistics.median(waits):.1f} s after the first requests began")
        report("first request to each page once the worker's snapshot is written:", once_built, home)
        status = Path(f"/proc/{worker.pid}/status").read_text()
        peak = next(line for line in status.splitlines() if line.startswith("VmHWM:")).split()[1]
        print(f"\nthe running worker's peak resident memory: {int(peak) / 1024:.0f} MB")
    finally:
        worker.terminate()
        worker.wait()
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
