"""
The data wing's pages (/data/) against the home page, two versions of the code side by side, as ratios.

Usage: .venv/bin/python bench/data_pages.py BEFORE_DIR [--rounds 15] [--ports 8095,8096] [--database FILE]

BEFORE_DIR is another checkout with its own `.venv` (`git worktree add /tmp/before <commit>`, then link or
install its .venv); this checkout is "after". One SQLite database with the demo catalogue and every open
dataset (`load_demo`, `load_open_data`: about two minutes; `--database` reuses one) is copied for each
version and migrated by its own code; one gunicorn worker per version serves it with the page cache off, so
every request is worked out (as it is for a visitor whose address the cache does not keep: an unknown
parameter, an editor's session). Requests ask for gzip, as browsers do, and alternate between the versions in
interleaved rounds, so that a shared machine's noise falls on both alike. Printed: the median ms per page and
version, each version's ratio to its own home page, and after / before.
"""

import argparse
import shutil
import statistics
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

AFTER = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AFTER))

from bench.compare_trees import manage, measure, serving  # noqa: E402

# Stands for two comparators no earlier request of that version asked for (more pairs than any process keeps).
NEW_COMPARISON = "{new comparison}"
# English unitary authorities E06000001 to E06000060, less the profile's own and three codes no longer in use.
ENGLISH_CODES = [f"E06{n:06d}" for n in range(1, 61) if n not in (9, 28, 29, 48)]
PAGES = {
    "home": "/",
    "data overview": "/data/",
    "regions": "/data/regions/",
    "outliers": "/data/outliers/",
    "relationships": "/data/relationships/",
    "relationships, unknown param": "/data/relationships/?from=newsletter",
    "one relationship's page": "/data/relationships/under1-vs-imd/",  # new at df96ead: 404 before it
    "questions": "/data/questions/",
    "authority index": "/data/local-authorities/",
    "authority profile": "/data/local-authorities/E06000009/",
    "profile, own comparators": "/data/local-authorities/E06000009/?compare=E06000010,E06000011",
    "profile, a new comparison": "/data/local-authorities/E06000009/?compare=" + NEW_COMPARISON,
    "Welsh profile": "/data/local-authorities/W06000019/",
    "legal status": "/data/legal-status/",
    "parent-and-child units": "/data/parent-and-child-units/",
    "family justice areas": "/data/family-justice-areas/",
    "one area": "/data/family-justice-areas/birmingham/",
    "board report": "/data/family-justice-areas/birmingham/board-report/",
    "sources": "/data/sources/",
}
PORTS = {"before": 8095, "after": 8096}


_comparisons_asked = {}


def timed_get(port: int, url: str) -> float:
    if NEW_COMPARISON in url:  # the same sequence of pairs for each version
        number = _comparisons_asked[port] = _comparisons_asked.get(port, -1) + 1
        first = ENGLISH_CODES[number % len(ENGLISH_CODES)]
        url = url.replace(NEW_COMPARISON, f"{first},{ENGLISH_CODES[(number * 7 + 1) % len(ENGLISH_CODES)]}")
    request = urllib.request.Request(f"http://127.0.0.1:{port}{url}", headers={"Accept-Encoding": "gzip"})
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=600) as response:
            response.read()
    except urllib.error.HTTPError as error:  # a page one version does not have: timed, and reported as missing
        error.read()
        if error.code != 404:
            raise
        _missing.add((port, url))
    return (time.perf_counter() - start) * 1000


_missing = set()


def report(samples, rounds: int):
    median = {key: statistics.median(values) for key, values in samples.items()}
    home_before, home_after = median[("before", "home")], median[("after", "home")]
    print(f"\nSQLite, demo catalogue and open data, page cache off, gzip, {rounds} rounds")
    print(f"{'page':30} {'before ms':>10} {'x home':>7} {'after ms':>10} {'x home':>7} {'after/before':>13}")
    for name in PAGES:
        before, after = median[("before", name)], median[("after", name)]
        if {(PORTS["before"], PAGES[name]), (PORTS["after"], PAGES[name])} & _missing:
            missing = "before" if (PORTS["before"], PAGES[name]) in _missing else "after"
            shown = after if missing == "before" else before
            print(f"{name:30} 404 {missing}; the other: {shown:.1f} ms, {shown / home_after:.2f}x home")
            continue
        print_row(name, 30, before, home_before, after, home_after)


def databases_for(trees: dict, workdir: Path, grown: Path | None) -> dict:
    """
    A copy of one database with the demo catalogue and every open dataset (`grown`, or one built here with the
    "before" tree's code) for each version in `trees`, migrated by that version's own code.
    """
    if grown is None:
        grown = workdir / "grown.sqlite3"
        for command in (("migrate", "--no-input"), ("load_demo",), ("load_open_data",)):
            manage(trees["before"], grown, *command)
    databases = {version: workdir / f"{version}.sqlite3" for version in trees}
    for version, tree in trees.items():
        shutil.copyfile(grown, databases[version])
        manage(tree, databases[version], "migrate", "--no-input")
    return databases


def print_row(name: str, width: int, before: float, home_before: float, after: float, home_after: float) -> None:
    """One page's line: each version's ms and ratio to its own home page, and after / before."""
    print(
        f"{name:{width}} {before:10.1f} {before / home_before:7.2f} {after:10.1f} {after / home_after:7.2f}"
        f" {after / before:13.2f}"
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("before", type=Path)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--ports", default="8095,8096", help="before's port, after's port")
    parser.add_argument("--database", type=Path, help="a database with the demo and open data already loaded")
    args = parser.parse_args()
    PORTS.update(zip(PORTS, (int(port) for port in args.ports.split(",")), strict=True))
    trees = {"before": args.before.resolve(), "after": AFTER}
    with tempfile.TemporaryDirectory(prefix="data-pages-") as workdir:
        databases = databases_for(trees, Path(workdir), args.database)
        with serving(trees, databases, PORTS):
            report(measure(args.rounds, PAGES, PORTS, timed_get), args.rounds)


if __name__ == "__main__":
    main()
