"""
The catalogue's text search as it was before issue 20 (commit f77d189), run in this process over today's
catalogue and index, so that bench/search_relevance.py can judge the old and the new search side by side.

What "before" means here: the old code's query planning (`vocabulary.py`, `words.py`: every word
required, no question words), its full-text adapters (`fulltext/`) and its rule for a search no entry
fully matches (the entries having the most concepts), with the synonym groups seeded at that commit
(migration 0006 as it was then; the groups added for issue 20 are left out). The old engine's ordering
is kept: score, then title. Not included: anything the old page did besides ranking (filters, facets);
the judged searches use none. The modules are read from git (`git show`), never from a second checkout,
and imported as the package `catalogue._search_before`, so their relative imports reach today's models.
"""

import importlib
import importlib.util
import subprocess
import sys
import tempfile
from functools import cache
from pathlib import Path

import numpy as np

BEFORE = "f77d189"  # the last commit before issue 20's search work
PACKAGE = "catalogue._search_before"
MODULES = (
    "__init__.py",
    "words.py",
    "vocabulary.py",
    "fulltext/__init__.py",
    "fulltext/base.py",
    "fulltext/search_api.py",
    "fulltext/sqlite.py",
    "fulltext/postgres.py",
)
ROOT = Path(__file__).resolve().parent.parent


def _show(path: str) -> str:
    return subprocess.run(
        ["git", "show", f"{BEFORE}:{path}"], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout


@cache
def _package():
    folder = Path(tempfile.mkdtemp(prefix="search-before-"))
    for name in MODULES:
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        # The old package's __init__ imported its engine; only the text layer is needed here.
        target.write_text("" if name == "__init__.py" else _show(f"catalogue/search/{name}"))
    spec = importlib.util.spec_from_file_location(
        PACKAGE, folder / "__init__.py", submodule_search_locations=[str(folder)]
    )
    package = importlib.util.module_from_spec(spec)
    sys.modules[PACKAGE] = package
    spec.loader.exec_module(package)
    return package


@cache
def _old_groups() -> list[list[str]]:
    namespace: dict = {}
    exec(_show("catalogue/migrations/0006_seed_search_vocabulary.py"), namespace)  # noqa: S102 (our own git history)
    return [[" ".join(line.split()) for line in terms.splitlines() if line.strip()] for terms, _ in namespace["GROUPS"]]


def before_top(query: str):
    """(slugs of the first 10 results, total results) as the search at f77d189 ranked them."""
    from wagtail.search.backends import get_search_backend

    from catalogue.models import EntryPage
    from catalogue.search.snapshot import get_snapshot

    _package()
    vocabulary = importlib.import_module(f"{PACKAGE}.vocabulary")
    fulltext = importlib.import_module(f"{PACKAGE}.fulltext")
    snapshot = get_snapshot()
    plan = vocabulary.plan_text(query, vocabulary.Vocabulary(_old_groups()))
    if not plan.concepts:  # the old page then listed every entry (a notice said why)
        return [], snapshot.size
    adapter = fulltext.adapter_for(get_search_backend())
    matches = adapter.match_entries(plan)
    if not matches and len(plan.concepts) > 1:
        matches, _ = adapter.match_most_concepts(plan)
    ids = list(matches)
    positions, found = snapshot.locate(np.array(ids, dtype=np.int64))
    live = [(ids[i], int(positions[i])) for i in range(len(ids)) if found[i]]
    title_rank = snapshot.orders["title_rank"]
    live.sort(key=lambda item: (-matches[item[0]], title_rank[item[1]]))
    slugs = dict(EntryPage.objects.filter(pk__in=[pk for pk, _ in live[:10]]).values_list("pk", "slug"))
    return [slugs[pk] for pk, _ in live[:10]], len(live)
