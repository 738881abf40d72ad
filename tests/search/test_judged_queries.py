"""
Relevance you can check: practitioners' searches against the demo catalogue, each with the entries it
must return in its first 10 results. Runs on SQLite and on PostgreSQL (bin/with-postgres).
"""

import pytest

from demo.catalogue import read_demo

from .judged_queries import ISSUE_QUERIES, JUDGED_QUERIES, QUESTIONS
from .relevance import JUDGED_SETS, catalogue_top, judge

CATALOGUE = read_demo()


def test_the_judged_set_is_large_and_judges_real_entries_only():
    entries = {entry["slug"]: entry["type"] for entry in CATALOGUE["entries"]}
    assert len(JUDGED_QUERIES) >= 40 and len(QUESTIONS) >= 40
    assert not {query for query, _ in JUDGED_QUERIES} & {query for query, _ in QUESTIONS}
    for query, expected in JUDGED_QUERIES + QUESTIONS:
        assert expected, query
        for slug in expected:
            # Real programmes and guidance only: the demo's case studies are illustrative.
            assert entries.get(slug) in ("intervention", "guidance"), (query, slug)
        titles = {entry["title"].casefold() for entry in CATALOGUE["entries"]}
        assert query.casefold() not in titles, f"{query!r} copies an entry title"


@pytest.mark.django_db
def test_practitioners_find_what_they_expect_in_the_first_ten(demo_catalogue):
    # Both sets are judged on the same catalogue: `load_demo`'s, installed once for the tests that only read it
    # (tests/shared_builds.py).
    problems = []
    for name, queries in JUDGED_SETS.items():
        judgement = judge(catalogue_top, queries)
        issue_misses = [(query, missing) for query, missing in judgement.misses if query in ISSUE_QUERIES]
        if issue_misses:
            problems.append(f"searches the issues list miss what they should ({name}): {issue_misses}")
        if judgement.zero_queries:
            problems.append(f"searches find nothing ({name}): {judgement.zero_queries}")
        if judgement.recall < 0.95:
            problems.append(f"recall@10 {judgement.recall:.3f} < 0.95 ({name}): {judgement.misses}")
    assert problems == []
