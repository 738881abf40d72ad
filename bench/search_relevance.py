"""
Relevance of the catalogue search, as it is now and as it was before issue 20 (commit f77d189, see
bench/search_before.py), against Wagtail's plain search, on the same demo content, in one run.

Usage: .venv/bin/python bench/search_relevance.py            (SQLite, a throwaway database)
       PGPORT=55414 bin/with-postgres .venv/bin/python bench/search_relevance.py   (PostgreSQL)

Loads the demo catalogue, runs the judged sets of practitioners' searches (tests/search/judged_queries.py)
through both, and prints recall@10 (expected entries found in the first ten results, over all expected
entries) and the share of searches that found nothing, with the searches each one missed.
"""

import io
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main():
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp(prefix='relevance-')}/db.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from bench.search_before import BEFORE, before_top
    from tests.search.relevance import JUDGED_SETS, catalogue_top, judge, wagtail_top

    call_command("migrate", "--no-input", verbosity=0)
    call_command("load_demo", stdout=io.StringIO())
    searches = {
        "this catalogue": catalogue_top,
        f"before issue 20 ({BEFORE})": before_top,
        "Wagtail plain search": _safe(wagtail_top),
    }
    judgements = {}
    for set_name, queries in JUDGED_SETS.items():
        print(
            f"\n{connection.vendor}, {set_name}: {len(queries)} judged searches, "
            f"{sum(len(expected) for _, expected in queries)} expected entries"
        )
        print(f"{'search':28} {'recall@10':>10} {'found nothing':>14}")
        for name, search in searches.items():
            judgement = judgements[set_name, name] = judge(search, queries)
            print(f"{name:28} {judgement.recall:10.3f} {judgement.zero_share:14.1%}")
    for (set_name, name), judgement in judgements.items():
        print(f"\n{name}, {set_name}: missed {len(judgement.misses)}; found nothing for {judgement.zero_queries}")
        for query, missing in judgement.misses:
            print(f"  {query!r}: {', '.join(missing)}")


def _safe(search):
    def run(query):
        try:
            return search(query)
        except Exception as error:  # Wagtail's parser rejects some input; count it as finding nothing
            print(f"  (Wagtail search failed for {query!r}: {type(error).__name__})")
            return [], 0

    return run


if __name__ == "__main__":
    main()
