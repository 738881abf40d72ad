"""
What a publish costs at scale (issue 25's done-when figures), on a grown SQLite catalogue:

1. the first request to each public page after a publish (the median over several publishes, each one's
   requests in the same order), as a ratio to the home page's warm median (the page cache off, one
   gunicorn worker, as bench/scale/run), and
2. the task worker's peak resident memory and time while it builds the files a publish queues
   (evidence-map CSV, export records, sitemap).

Usage: .venv/bin/python bench/after_publish.py DATABASE.sqlite3 [--port 8175] [--rounds 5] [--publishes 5]
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

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.databases import ENGINE, POSTGRES, database_url  # noqa: E402
from bench.scale.measure import URLS  # noqa: E402  (the same pages as the scale benchmark)
from bench.servers import run_worker, timed_get, wait_until_serving  # noqa: E402

PYTHON = str(ROOT / ".venv/bin/python")
QUEUED = "from django_tasks_db.models import DBTaskResult as T; print(T.objects.filter(status='READY').count())"


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


def publish(env: dict) -> None:
    """What every publish does at its commit: the content version moves on and the builds are queued."""
    manage(env, "from catalogue.models import ContentVersion; ContentVersion._bump_now()")


def main():
    sys.stdout.reconfigure(line_buffering=True)
    parser = argparse.ArgumentParser()
    parser.add_argument("database", help="a SQLite file, or a database's name on PostgreSQL")
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", "8175")))
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--publishes", type=int, default=5, help="publishes whose first requests are measured")
    parser.add_argument("--settle", type=float, default=10.0, help="seconds between publishes")
    args = parser.parse_args()
    database = args.database if POSTGRES else Path(args.database).resolve()
    env = environment(database, tempfile.mkdtemp(prefix="born-into-care-generated-"))
    code = "from catalogue.models import InterventionPage as P; print(P.objects.live().order_by('pk').first().url)"
    urls = {name: url or manage(env, code) for name, url in URLS.items()}
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
    try:
        wait_until_serving(server, args.port)
        for url in urls.values():  # warm: as a server that has been running since the last publish
            timed_get(args.port, url)
        home = statistics.median(timed_get(args.port, "/")[0] for _ in range(args.rounds))
        firsts = {name: [] for name in urls}
        for _ in range(args.publishes):
            publish(env)
            for name, url in urls.items():
                firsts[name].append(timed_get(args.port, url))
            # Rebuilds the visitors did not wait for run on in the server's background: let them finish (and the
            # machine settle) before the next publish, so that each round starts as the first did.
            time.sleep(args.settle)
        print(
            f"\n{ENGINE}: first request to each page after a publish, median of {args.publishes} publishes "
            f"(home's warm median: {home:.1f} ms)"
        )
        print(f"{'request':34} {'ms':>9} {'x home':>7} {'slowest':>9} {'status':>7}")
        for name, samples in firsts.items():
            elapsed = statistics.median(ms for ms, _ in samples)
            statuses = "/".join(sorted({str(status) for _, status in samples}))
            slowest = max(ms for ms, _ in samples)
            print(f"{name:34} {elapsed:9.1f} {elapsed / home:7.2f} {slowest:9.1f} {statuses:>7}")
        seconds, peak = run_worker(env)
        print(f"\nworker after the publish: {seconds:.1f} s, peak resident memory {peak:.0f} MB")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
