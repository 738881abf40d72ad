"""
The catalogue's ranking weights, in one place: how much a match in an entry's title, its summary and
the rest of its text counts, the same on SQLite (bm25's column weights) and PostgreSQL (ts_rank's
weight array, scaled so the largest is 1, as PostgreSQL requires). Field `boost=` values are not used
by either adapter: PostgreSQL alone could apply them, so they would rank the two databases differently.

The summary is indexed a second time, in Wagtail's `autocomplete` column (EntryPage's
`AutocompleteField("summary")`), so that it can be weighted apart from the body it is also part of.
tests/search/test_fulltext_contract.py checks both databases rank title, then summary, then body.
"""

TITLE, SUMMARY, BODY = 4.0, 2.0, 1.0  # title : summary : body

# Wagtail's index columns and what each holds for an entry.
COLUMN_WEIGHTS = {"title": TITLE, "autocomplete": SUMMARY, "body": BODY}


# bm25 takes one weight per FTS5 column, in the order the table declares them (Wagtail's migration
# 0006 creates it as `fts5(autocomplete, body, title)`; the contract test checks the order).
SQLITE_FTS_COLUMNS = ("autocomplete", "body", "title")
FTS_COLUMN_WEIGHTS = tuple((column, COLUMN_WEIGHTS[column]) for column in SQLITE_FTS_COLUMNS)


def postgres_weight_array() -> str:
    """ts_rank's weights for the D, C, B and A labels: body is D, summary B, title A; C is unused."""
    top = max(COLUMN_WEIGHTS.values())
    return "{" + ", ".join(str(w / top) for w in (BODY, 0.0, SUMMARY, TITLE)) + "}"
