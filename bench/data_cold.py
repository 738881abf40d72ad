"""
The data wing's pages worked out from nothing, two versions of the code side by side, as ratios.

Usage: .venv/bin/python bench/data_cold.py BEFORE_DIR [--rounds 5] [--repeats 3] [--database FILE]

What it times: each data page's request in a process that keeps no figure yet, its per-process caches emptied just
before (`reset_process_caches`). That is the first request to each page in every web process after a restart or a
deploy, and the background rebuild each process runs after a load of the open data (visitors meanwhile get the
previous figures). The steady state is `bench/data_pages.py`.

BEFORE_DIR is another checkout with its own `.venv` (as for `bench/data_pages.py`); this checkout is "after". One
SQLite database with the demo catalogue and every open dataset (`--database` reuses one) is copied for each version
and migrated by its own code. Each repeat runs one process per version, in turns (which goes first alternates), and
each process asks for every page `--rounds` times in Django's test client, home warm, the data pages cold. Printed:
the median ms per page and version, each version's ratio to its own warm home page, and after / before. Garbage is
collected before each request: where Python's full collections fell depended on each version's allocations, and
one landing in the same page's request every round moved that page's median twofold.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

AFTER = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AFTER))

from bench.data_pages import PAGES as EVERY_PAGE  # noqa: E402
from bench.data_pages import databases_for, print_row  # noqa: E402

# The data pages whose figures take longest to work out, and the home page the ratios are to.
PAGES = {
    name: EVERY_PAGE[name]
    for name in (
        "home",
        "data overview",
        "regions",
        "relationships",
        "questions",
        "authority profile",
        "profile, own comparators",
        "Welsh profile",
        "family justice areas",
        "one area",
        "board report",
    )
}

# Run inside each version's `manage.py shell`, with that version's code.
MEASURE = """
import gc, json, os, statistics, time
from django.test import Client
from catalogue.caches import reset_process_caches

pages, rounds = json.loads(os.environ["BENCH_PAGES"]), int(os.environ["BENCH_ROUNDS"])
client = Client(HTTP_HOST="localhost")  # a host the settings allow
for url in pages.values():  # imports, templates and the catalogue's lists: not what is measured
    client.get(url)
times = {name: [] for name in pages}
for _ in range(rounds):
    for name, url in pages.items():
        if name != "home":
            reset_process_caches()
        gc.collect()  # a full collection (0.1 to 0.2 s here) falls in no timed request, so none is charged to a page
        start = time.perf_counter()
        response = client.get(url)
        times[name].append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
print("BENCH " + json.dumps(times))
"""


def run_once(tree: Path, database: Path, rounds: int) -> dict[str, list[float]]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": f"sqlite:///{database}",
        "BENCH_PAGES": json.dumps(PAGES),
        "BENCH_ROUNDS": str(rounds),
    }
    with tempfile.TemporaryDirectory(prefix="data-cold-generated-") as generated:
        env["GENERATED_FILES_ROOT"] = generated
        result = subprocess.run(
            [str(tree / ".venv/bin/python"), "manage.py", "shell", "--no-imports", "-c", MEASURE],
            cwd=tree,
            env=env,
            capture_output=True,
            text=True,
        )
    if result.returncode:
        sys.exit(f"{tree}: the measurement failed\n{result.stderr[-3000:]}")
    line = next(line for line in result.stdout.splitlines() if line.startswith("BENCH "))
    return json.loads(line.removeprefix("BENCH "))


def report(samples: dict, rounds: int, repeats: int):
    median = {
        version: {name: statistics.median(values) for name, values in pages.items()}
        for version, pages in samples.items()
    }
    home = {version: median[version]["home"] for version in median}
    print(
        f"\nSQLite, demo catalogue and open data, {repeats} processes a version, {rounds} rounds each; data pages cold"
    )
    print(f"{'page':26} {'before ms':>10} {'x home':>7} {'after ms':>10} {'x home':>7} {'after/before':>13}")
    for name in PAGES:
        before, after = median["before"][name], median["after"][name]
        print_row(name, 26, before, home["before"], after, home["after"])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("before", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--database", type=Path, help="a database with the demo and open data already loaded")
    args = parser.parse_args()
    trees = {"before": args.before.resolve(), "after": AFTER}
    with tempfile.TemporaryDirectory(prefix="data-cold-") as workdir:
        databases = databases_for(trees, Path(workdir), args.database)
        samples = {version: {name: [] for name in PAGES} for version in trees}
        for repeat in range(args.repeats):
            order = list(trees) if repeat % 2 == 0 else list(reversed(trees))  # neither always goes first
            for version in order:
                for name, times in run_once(trees[version], databases[version], args.rounds).items():
                    samples[version][name] += times
        report(samples, args.rounds, args.repeats)


if __name__ == "__main__":
    main()
