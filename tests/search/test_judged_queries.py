"""
Relevance you can check: practitioners' searches against the demo catalogue, each with the entries it
must return in its first 10 results. Runs on SQLite and on PostgreSQL (bin/with-postgres).
"""

import io

import pytest
from django.core.management import call_command

from demo.catalogue import read_demo

from .judged_queries import ISSUE_QUERIES, JUDGED_QUERIES
from .relevance import catalogue_top, judge

CATALOGUE = read_demo()


def test_the_judged_set_is_large_and_judges_real_entries_only():
    entries = {entry["slug"]: entry["type"] for entry in CATALOGUE["entries"]}
    assert len(JUDGED_QUERIES) >= 40
    for query, expected in JUDGED_QUERIES:
        assert expected, query
        for slug in expected:
            # Real programmes and guidance only: the demo's case studies are illustrative.
            assert entries.get(slug) in ("intervention", "guidance"), (query, slug)
        titles = {entry["title"].casefold() for entry in CATALOGUE["entries"]}
        assert query.casefold() not in titles, f"{query!r} copies an entry title"


@pytest.mark.django_db
def test_practitioners_find_what_they_expect_in_the_first_ten(catalogue):
    call_command("load_demo", stdout=io.StringIO())
    judgement = judge(catalogue_top)
    issue_misses = [(query, missing) for query, missing in judgement.misses if query in ISSUE_QUERIES]
    assert issue_misses == [], "every search the issue lists finds what it should"
    assert judgement.zero_queries == []
    assert judgement.recall >= 0.95, judgement.misses
