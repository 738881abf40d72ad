"""One entry as open data: the fields exports, feeds and the API share."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import prefetch_related_objects

from catalogue.models.entries import ENTRY_TYPES
from catalogue.search.engine import load_entries

CSV_COLUMNS = ("id", "title", "type", "url", "summary", "areas", "stages", "topics", "regions",
               "evidence_level", "evidence_rated_on", "last_reviewed", "first_published_at", "last_published_at")
CHUNK = 250  # entries loaded per batch while streaming: bounded memory, few queries


def entry_type_slugs() -> dict[int, str]:
    return {ContentType.objects.get_for_model(model).pk: slug for slug, model in ENTRY_TYPES.items()}


def load_for_records(ids) -> list:
    """Entries in the given order, with everything a record needs prefetched."""
    entries = load_entries([int(i) for i in ids])
    prefetch_related_objects(entries, "topics")
    return entries


def iter_entries(ids):
    """Entries for a long list of ids, in order, a chunk of queries at a time."""
    for start in range(0, len(ids), CHUNK):
        yield from load_for_records(ids[start:start + CHUNK])


def _terms(manager) -> list[dict]:
    return [{"slug": term.slug, "name": term.name} for term in manager.all()]


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def entry_record(entry, request, type_slugs: dict[int, str]) -> dict:
    """An entry as JSON-ready data; absolute URLs so the record makes sense on its own."""
    level = entry.evidence_level
    return {
        "id": entry.pk,
        "title": entry.title,
        "type": type_slugs.get(entry.content_type_id, ""),
        "url": request.build_absolute_uri(entry.get_url(request)),
        "summary": entry.summary,
        "areas": _terms(entry.areas),
        "stages": _terms(entry.stages),
        "topics": _terms(entry.topics),
        "regions": _terms(entry.regions),
        "evidence_level": {"slug": level.slug, "name": level.name} if level else None,
        "evidence_rated_on": _iso(entry.evidence_rated_on),
        "last_reviewed": _iso(entry.last_reviewed),
        "first_published_at": _iso(entry.first_published_at),
        "last_published_at": _iso(entry.last_published_at),
    }


SPREADSHEET_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        value = "; ".join(term["name"] for term in value)
    elif isinstance(value, dict):
        value = value["name"]
    value = str(value)
    # A cell starting like a formula would run in a spreadsheet (CSV injection): quote it.
    return "'" + value if value.startswith(SPREADSHEET_FORMULA_START) else value


def csv_row(record: dict) -> list[str]:
    return [_cell(record[column]) for column in CSV_COLUMNS]
