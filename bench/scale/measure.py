"""
The site's cost at scale: every heavy public page as a ratio to the home page in the same run.

Usage: bench/scale/run [--sizes 10000,100000] [--rounds 5] [--searches 500] [--keep]
On PostgreSQL: PGPORT=55470 bin/with-postgres bench/scale/run ... (one database per size on that server)

For each size a SQLite (or PostgreSQL) database holding the demo catalogue plus synthetic entries (grown with
`generate_entries`, kept between runs with --keep) is served by gunicorn with one worker and the
whole-page cache switched off (bench/settings.py). Every URL is requested once to warm up (that
first request is reported too: it is what the first visitor after a publish waits for), then in
`--rounds` interleaved rounds, so machine noise falls on all of them alike. Figures: median ms,
ratio to the home page's median, bytes sent without and with gzip. Then the worker's resident
memory before and after `--searches` distinct catalogue searches.
"""

import argparse
import gzip
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))  # run as a script: make the bench package importable

from bench.databases import ENGINE, copy_database, create_empty, database_named, database_url, exists  # noqa: E402
from bench.servers import run_worker, wait_until_serving  # noqa: E402

PYTHON = str(ROOT / ".venv" / "bin" / "python")
PORT = int(os.environ.get("BENCH_PORT", "8016"))
FACETS = "&area=peri-natal-intervention&region=london&topic=fathers"
LIMIT_RATIO = 5.0
# Each synthetic entry carries one of 500 "cohort" words and one of five theme words
# (demo/synthetic.py): "cohort7" matches 1 entry in 500, "midwifery" 1 in 5.
URLS = {
    "home": "/",
    "catalogue, narrow q": "/catalogue/?q=cohort7",
    "catalogue, broad q (1/5)": "/catalogue/?q=midwifery",
    "catalogue, broad q + 3 facets": "/catalogue/?q=midwifery" + FACETS,
    "catalogue, facets only": "/catalogue/?area=post-removal-support&stage=after-removal",
    "entry page": None,  # found in the database: a demo intervention with references
    "evidence map": "/evidence-map/",
    "evidence map, table": "/evidence-map/table/",
    "evidence map CSV": "/evidence-map/evidence-map.csv",
    "sitemap index": "/sitemap.xml",
    "sitemap file 1 (up to 50,000 URLs)": "/sitemap-1.xml",
    "API page": "/api/v1/entries/?q=midwifery",
    "export CSV, narrow q": "/catalogue/export.csv?q=cohort7",
    "export CSV, broad q (5,000 rows)": "/catalogue/export.csv?q=midwifery",
}


def manage(database: Path | str, *args) -> str:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings", "DATABASE_URL": database_url(database)}
    done = subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True)
    return done.stdout


def prepare(directory: Path, sizes: list[int], keep: bool) -> dict[int, Path | str]:
    """A database per size, each grown from the one before (reused with --keep)."""
    directory.mkdir(parents=True, exist_ok=True)
    files, previous, previous_size = {}, None, 0
    for size in sizes:
        target = database_named(directory, f"scale_{size}")
        if not (keep and exists(target)):
            if previous is None:
                create_empty(target)
                manage(target, "migrate", "--no-input")
                manage(target, "load_demo")
            else:
                copy_database(previous, target)
            print(f"growing the catalogue to {size:,} synthetic entries ...", flush=True)
            manage(target, "generate_entries", str(size - previous_size))
        manage(target, "migrate", "--no-input")  # a kept file may predate new migrations
        files[size], previous, previous_size = target, target, size
    return files


def entry_url(database: Path | str) -> str:
    code = (
        "from catalogue.models import InterventionPage as P; "
        "print(P.objects.live().filter(references__isnull=False).order_by('pk').first().url)"
    )
    return manage(database, "shell", "--no-imports", "-c", code).strip().splitlines()[-1]


def environment(database: Path | str, generated: str) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": database_url(database),
        "GENERATED_FILES_ROOT": generated,
    }


def start_server(database: Path | str, generated: str) -> subprocess.Popen:
    env = environment(database, generated)
    server = subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "bench.wsgi",
            "--workers",
            "1",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--timeout",
            "900",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    return wait_until_serving(server, PORT)


def fetch(url: str, compressed: bool = False) -> tuple[float, int]:
    """(milliseconds, bytes on the wire) for one GET."""
    headers = {"Accept-Encoding": "gzip"} if compressed else {}
    request = urllib.request.Request(f"http://127.0.0.1:{PORT}{url}", headers=headers)
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=900) as response:
            body = response.read()
    except urllib.error.HTTPError as error:
        raise RuntimeError(f"{url} answered {error.code}: {error.read()[:200]!r}") from None
    elapsed = (time.perf_counter() - start) * 1000
    if compressed and response.headers.get("Content-Encoding") == "gzip":
        gzip.decompress(body)  # proves it is what it says
    return elapsed, len(body)


def worker_rss_mb(server: subprocess.Popen) -> float:
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    for line in Path(f"/proc/{children[0]}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def ask_for_built_files(urls: dict[str, str]) -> None:
    """Each URL asked for once, so that the worker builds the files they serve (a first asking may answer 503)."""
    for url in urls.values():
        try:
            fetch(url)
        except RuntimeError as error:
            if "answered 503" not in str(error):
                raise


def measure(urls: dict[str, str], rounds: int) -> dict[str, dict]:
    results = {name: {"samples": []} for name in urls}
    for name, url in urls.items():
        results[name]["first"], results[name]["bytes"] = fetch(url)
        results[name]["gzip bytes"] = fetch(url, compressed=True)[1]
    for _ in range(rounds):
        for name, url in urls.items():
            results[name]["samples"].append(fetch(url)[0])
    return results


def report(size: int, results: dict[str, dict]) -> list[str]:
    home = statistics.median(results["home"]["samples"])
    print(f"\n{ENGINE}, {size:,} synthetic entries (plus the demo catalogue), page cache off, 1 gunicorn worker")
    print(f"{'request':34} {'first ms':>9} {'median ms':>10} {'x home':>7} {'bytes':>11} {'gzip bytes':>11}")
    over = []
    for name, result in results.items():
        median = statistics.median(result["samples"])
        ratio = median / home
        if ratio > LIMIT_RATIO:
            over.append(name)
        print(
            f"{name:34} {result['first']:9.1f} {median:10.1f} {ratio:7.2f} {result['bytes']:11,} "
            f"{result['gzip bytes']:11,}"
        )
    return over


def memory(server: subprocess.Popen, searches: int):
    before = worker_rss_mb(server)
    for n in range(searches):
        fetch(f"/catalogue/?q=cohort{n}+{['midwifery', 'kinship', 'doula'][n % 3]}")
    after = worker_rss_mb(server)
    print(
        f"worker memory: {before:.0f} MB before, {after:.0f} MB after {searches} distinct searches "
        f"(+{after - before:.0f} MB)"
    )


def main():
    sys.stdout.reconfigure(line_buffering=True)  # figures appear as they are measured
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--searches", type=int, default=500)
    parser.add_argument("--database-dir", default="/tmp/born-into-care-scale")
    parser.add_argument("--keep", action="store_true", help="reuse databases grown by an earlier run")
    args = parser.parse_args()
    sizes = sorted(int(size) for size in args.sizes.split(","))
    for size, database in prepare(Path(args.database_dir), sizes, args.keep).items():
        urls = {name: url or entry_url(database) for name, url in URLS.items()}
        # The files a publish queues (evidence-map CSV, sitemap) and the exports a visitor asks for are built by
        # the task worker, as in production; until it has run, those URLs answer 503 "being prepared".
        generated = tempfile.mkdtemp(prefix="born-into-care-generated-")  # the worker's and the server's
        run_worker(environment(database, generated))
        server = start_server(database, generated)
        try:
            ask_for_built_files(urls)
            run_worker(environment(database, generated))
            over = report(size, measure(urls, args.rounds))
            memory(server, args.searches)
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait()
        verdict = (
            f"above {LIMIT_RATIO:g}x the home page: {', '.join(over)}"
            if over
            else f"every page within {LIMIT_RATIO:g}x the home page"
        )
        print(verdict, flush=True)


if __name__ == "__main__":
    sys.exit(main())
