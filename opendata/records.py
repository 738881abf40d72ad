"""
One entry as open data: the fields exports, feeds and the API share.

Records are built from plain rows (one query for the entries and one per many-to-many facet per
chunk, vocabularies read once) rather than from page objects: building 5,000 Wagtail pages with
their ParentalManyToMany prefetches costs seconds, these rows a fraction of that.
"""

from django.db.models import prefetch_related_objects
from wagtail.models import Site

from catalogue.io.spreadsheets import safe_cell
from catalogue.models import EntryPage
from catalogue.search.engine import load_entries
from catalogue.search.facets import FACETS
from website.site_url import absolute_url

from .evidence_records import FACT_COLUMNS, add_evidence_fields, fact_cell

CHUNK = 500  # entries per batch while streaming: bounded memory, few queries
# A record is these fields, with each facet's field (in panel order) after "summary".
FIELDS_BEFORE_FACETS = ("id", "title", "url", "summary")
FIELDS_AFTER_FACETS = ("evidence_rated_on", "last_reviewed", "first_published_at", "last_published_at")
# From evidence_records.py: the guidance status, and an intervention's facts flattened into columns.
CSV_EVIDENCE_COLUMNS = ("guidance_status", *FACT_COLUMNS)
ENTRY_FIELDS = ("pk", "title", "summary", "url_path", *FIELDS_AFTER_FACETS)


def csv_columns() -> tuple[str, ...]:
    """The export's columns: every record field, in record order."""
    return (*FIELDS_BEFORE_FACETS, *(facet.field for facet in FACETS), *FIELDS_AFTER_FACETS, *CSV_EVIDENCE_COLUMNS)


def _iso(value) -> str | None:
    return value.isoformat() if value else None


class RecordBuilder:
    """Turns entry ids into records for one request (the request finds the site's root page)."""

    def __init__(self, request=None):
        self.request = request
        facets = tuple(FACETS)
        # Each facet reads its vocabulary once here (one query), then one query per chunk at most.
        self.readers = {facet.field: facet.record_reader() for facet in facets}
        self.entry_columns = tuple(dict.fromkeys(column for facet in facets for column in facet.entry_columns))
        self.csv_columns = (*FIELDS_BEFORE_FACETS, *self.readers, *FIELDS_AFTER_FACETS, *CSV_EVIDENCE_COLUMNS)
        # Without a request (the task worker), the default site: the URLs come from SITE_BASE_URL either way.
        site = Site.find_for_request(request) if request else Site.objects.filter(is_default_site=True).first()
        self.root_path = site.root_page.url_path if site else "/"

    def _url(self, url_path: str) -> str:
        # The same URL Wagtail's routing serves for this site (entries live under its root page).
        path = "/" + url_path[len(self.root_path) :] if url_path.startswith(self.root_path) else url_path
        return absolute_url(path)

    def records(self, ids) -> list[dict]:
        """Records for these ids, in the same order (ids no longer found are left out)."""
        ids = [int(i) for i in ids]
        entries = EntryPage.objects.filter(pk__in=ids).values(*ENTRY_FIELDS, *self.entry_columns)
        rows = {row["pk"]: row for row in entries}
        values = {field: read(ids, rows) for field, read in self.readers.items()}
        records = []
        for pk in ids:
            row = rows.get(pk)
            if row is None:
                continue
            records.append(
                {
                    "id": pk,
                    "title": row["title"],
                    "url": self._url(row["url_path"]),
                    "summary": row["summary"],
                    **{field: values[field].get(pk) for field in self.readers},
                    **{name: _iso(row[name]) for name in FIELDS_AFTER_FACETS},
                }
            )
        add_evidence_fields(records)
        return records

    def stream(self, ids):
        """Records for a long list of ids, in order, a chunk of queries at a time."""
        for start in range(0, len(ids), CHUNK):
            yield from self.records(ids[start : start + CHUNK])


def load_for_feed(ids) -> list:
    """Page objects (the feed needs few, and Django's Feed works on objects)."""
    entries = load_entries([int(i) for i in ids])
    prefetch_related_objects(entries, "topics")
    return entries


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        value = "; ".join(term["name"] for term in value)
    elif isinstance(value, dict):
        value = value["name"]
    # A cell starting like a formula would run in a spreadsheet (CSV injection): the one shared guard.
    return safe_cell(str(value))


def csv_row(record: dict, columns: tuple[str, ...]) -> list[str]:
    return [_cell(fact_cell(record, column) if column in FACT_COLUMNS else record[column]) for column in columns]
