"""
Catalogue exports through gunicorn on a grown catalogue: median ms and ratio to the home page in the same run.

Usage: .venv/bin/python bench/export_stream.py GROWN.sqlite3 [--port 8181] [--rounds 7]
(or, under bin/with-postgres, a database's name on that server, e.g. scale_100000)

The exports read records the task worker builds: each is asked for once (a 503 "being prepared"), the worker
runs, then each is timed with the home page.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.databases import POSTGRES, database_url  # noqa: E402
from bench.servers import run_worker, timed_get, wait_until_serving  # noqa: E402

URLS = {
    "home": "/",
    "export CSV, broad q (5,000 rows)": "/catalogue/export.csv?q=midwifery",
    "export JSON, broad q (5,000 rows)": "/catalogue/export.json?q=midwifery",
    "export CSV, narrow q": "/catalogue/export.csv?q=cohort7",
}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("database", help="a SQLite file, or a database's name on PostgreSQL")
    parser.add_argument("--port", type=int, default=8181)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    database = args.database if POSTGRES else Path(args.database).resolve()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": database_url(database),
        "GENERATED_FILES_ROOT": tempfile.mkdtemp(prefix="born-into-care-generated-"),
    }
    command = [str(ROOT / ".venv/bin/gunicorn"), "bench.wsgi", "--workers", "1", "--bind", f"127.0.0.1:{args.port}"]
    server = subprocess.Popen([*command, "--timeout", "600", "--log-level", "warning"], cwd=ROOT, env=env)
    try:
        wait_until_serving(server, args.port)
        for url in URLS.values():
            timed_get(args.port, url)  # queues the records' build
        run_worker(env)
        samples = {name: [] for name in URLS}
        for _ in range(args.rounds):
            for name, url in URLS.items():
                elapsed, status = timed_get(args.port, url)
                assert status == 200, (url, status)
                samples[name].append(elapsed)
        home = statistics.median(samples["home"])
        for name, values in samples.items():
            median = statistics.median(values)
            print(f"{name:36} {median:8.1f} ms {median / home:6.2f} x home")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
