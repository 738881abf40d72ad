"""
One entry as open data: the fields exports, feeds and the API share.

Records are built from plain `values_list` rows (one query for the entries and one per taxonomy per
chunk, vocabularies read once) rather than from page objects: building 5,000 Wagtail pages with
their ParentalManyToMany prefetches costs seconds, these rows a fraction of that.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import prefetch_related_objects
from wagtail.models import Site

from catalogue.io.spreadsheets import safe_cell
from catalogue.models import AreaOfPractice, EntryPage, EvidenceLevel, Region, Stage, Topic
from catalogue.models.entries import ENTRY_TYPES
from catalogue.search.engine import load_entries
from website.site_url import absolute_url

CSV_COLUMNS = (
    "id",
    "title",
    "type",
    "url",
    "summary",
    "areas",
    "stages",
    "topics",
    "regions",
    "evidence_level",
    "evidence_rated_on",
    "last_reviewed",
    "first_published_at",
    "last_published_at",
)
CHUNK = 500  # entries per batch while streaming: bounded memory, few queries
TAXONOMIES = {"areas": AreaOfPractice, "stages": Stage, "topics": Topic, "regions": Region}
ENTRY_FIELDS = (
    "pk",
    "title",
    "summary",
    "url_path",
    "content_type_id",
    "evidence_level_id",
    "evidence_rated_on",
    "last_reviewed",
    "first_published_at",
    "last_published_at",
)


def _iso(value) -> str | None:
    return value.isoformat() if value else None


class RecordBuilder:
    """Turns entry ids into records for one request (the request finds the site's root page)."""

    def __init__(self, request):
        self.request = request
        self.type_slugs = {ContentType.objects.get_for_model(model).pk: slug for slug, model in ENTRY_TYPES.items()}
        self.levels = {level.pk: {"slug": level.slug, "name": level.name} for level in EvidenceLevel.objects.all()}
        self.terms = {
            relation: {term.pk: {"slug": term.slug, "name": term.name} for term in model.objects.all()}
            for relation, model in TAXONOMIES.items()
        }
        site = Site.find_for_request(request)
        self.root_path = site.root_page.url_path if site else "/"

    def _url(self, url_path: str) -> str:
        # The same URL Wagtail's routing serves for this site (entries live under its root page).
        path = "/" + url_path[len(self.root_path) :] if url_path.startswith(self.root_path) else url_path
        return absolute_url(path)

    def _links(self, relation: str, ids) -> dict[int, list[dict]]:
        through = EntryPage._meta.get_field(relation).remote_field.through
        term_column = f"{EntryPage._meta.get_field(relation).related_model._meta.model_name}_id"
        links: dict[int, list[dict]] = {}
        terms = self.terms[relation]
        for entry_id, term_id in (
            through.objects.filter(entrypage_id__in=ids).order_by("pk").values_list("entrypage_id", term_column)
        ):
            links.setdefault(entry_id, []).append(terms[term_id])
        return links

    def records(self, ids) -> list[dict]:
        """Records for these ids, in the same order (ids no longer found are left out)."""
        ids = [int(i) for i in ids]
        rows = {row[0]: row for row in EntryPage.objects.filter(pk__in=ids).values_list(*ENTRY_FIELDS)}
        links = {relation: self._links(relation, ids) for relation in TAXONOMIES}
        records = []
        for pk in ids:
            if pk not in rows:
                continue
            _, title, summary, url_path, type_id, level_id, rated_on, reviewed, first, last = rows[pk]
            records.append(
                {
                    "id": pk,
                    "title": title,
                    "type": self.type_slugs.get(type_id, ""),
                    "url": self._url(url_path),
                    "summary": summary,
                    **{relation: links[relation].get(pk, []) for relation in TAXONOMIES},
                    "evidence_level": self.levels.get(level_id),
                    "evidence_rated_on": _iso(rated_on),
                    "last_reviewed": _iso(reviewed),
                    "first_published_at": _iso(first),
                    "last_published_at": _iso(last),
                }
            )
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


def csv_row(record: dict) -> list[str]:
    return [_cell(record[column]) for column in CSV_COLUMNS]
