"""
Worker memory against distinct searches (issue 15, item 5), in one process on a grown catalogue.

Usage: DATABASE_URL=sqlite:////tmp/born-into-care-bench.sqlite3 .venv/bin/python bench/search_memory.py [--searches 256]
(a database grown by bench/run-search-benchmark or `manage.py generate_entries`).

Runs the given number of distinct searches (half find nothing, a quarter are one-letter or
two-letter fragments, a quarter find about 1 in 45 entries) and prints the process's resident
memory before and after, the text-match cache's size, and the time of a one-letter search.
"""

import argparse
import os
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def cache_bytes(cache) -> int:
    if hasattr(cache, "size_bytes"):
        return cache.size_bytes
    return sum(sum(array.nbytes for array in value if hasattr(array, "nbytes")) for value in cache.values())


def snapshot_mb(snapshot) -> float:
    """The snapshot's arrays (ids, every facet value's masks, the stacked matrices, sort orders), each counted once."""
    for param in snapshot.facets:
        snapshot.matrix(param)  # as after a search: every facet's matrix built
    held = {}
    arrays = [snapshot.ids, *snapshot.orders.values(), *snapshot._matrices.values()]
    arrays += [array for values in snapshot.facets.values() for value in values for array in (value.mask, value.tagged)]
    for array in arrays:
        if array is not None:
            owner = array if array.base is None else array.base  # a view costs nothing of its own
            held[id(owner)] = owner.nbytes
    return sum(held.values()) / 1e6


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--searches", type=int, default=256)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()
    from django.http import QueryDict

    from catalogue.search import engine
    from catalogue.search.query import CatalogueQuery
    from catalogue.search.snapshot import get_snapshot

    snapshot = get_snapshot()

    def run(text):
        query = CatalogueQuery.from_params(QueryDict(urlencode({"q": text})), snapshot.known_values())
        return engine.run_search(query, snapshot)

    run("cohort1")  # warm imports, vocabulary, lexicon-free path
    start = rss_mb()
    letters = "bcdefghjklmnopqrsuvwxyz"
    texts = []
    for n in range(args.searches):
        kind = n % 4
        if kind in (0, 1):
            texts.append(f"nothingmatches{n}")
        elif kind == 2:
            texts.append(letters[n % len(letters)] + ("" if n % 8 == 2 else letters[(n // 8) % len(letters)]))
        else:
            texts.append(f"cohort{n % 45}")
    for text in texts:
        run(text)
    end = rss_mb()
    timings = []
    for letter in "bcd":
        t0 = time.perf_counter()
        results = run(letter)
        timings.append((time.perf_counter() - t0) * 1000)
    print(f"entries: {snapshot.size:,}; distinct searches: {len(texts)}")
    print(f"search snapshot: {snapshot_mb(snapshot):.1f} MB of arrays")
    print(f"resident memory: {start:.1f} MB before, {end:.1f} MB after ({end - start:+.1f} MB)")
    print(f"text-match cache: {len(engine._text_masks)} searches, {cache_bytes(engine._text_masks) / 1e6:.1f} MB")
    print(f"one-letter search ('b', 'c', 'd'): {min(timings):.0f}-{max(timings):.0f} ms, {results.total:,} results")


if __name__ == "__main__":
    main()
