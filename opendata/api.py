"""
The read-only JSON API (django-ninja, which writes the OpenAPI description from these signatures).

/api/v1/entries/ takes exactly the catalogue page's parameters (q, area, stage, type, evidence,
region, topic, sort, page) plus page_size, and reads them with the same validation and search,
so the API lists what /catalogue/ lists, in the same order. Unusable parameters give a 400.
"""

from datetime import date, datetime
from typing import Literal

from ninja import NinjaAPI, Query, Schema, Status
from ninja.errors import ValidationError

from catalogue.models import EntryPage
from catalogue.search.engine import run_search
from catalogue.search.facets import FACETS, MAX_QUERY_LENGTH
from catalogue.search.snapshot import get_snapshot
from website.site_url import absolute_url

from .params import BadParameters, rejected, strict_query
from .records import RecordBuilder
from .versions import published_versions

api = NinjaAPI(
    title="Born into Care open data API",
    version="1",
    description=__doc__,
    urls_namespace="opendata-api",
    docs_url=None,  # the description is published at /api/v1/openapi.json
)


class Term(Schema):
    slug: str
    name: str


class Entry(Schema):
    id: int
    title: str
    type: str
    url: str
    summary: str
    areas: list[Term]
    stages: list[Term]
    topics: list[Term]
    regions: list[Term]
    evidence_level: Term | None
    evidence_rated_on: date | None
    last_reviewed: date | None
    first_published_at: datetime | None
    last_published_at: datetime | None


class EntryList(Schema):
    total: int
    page: int
    page_size: int
    page_count: int
    next: str | None
    previous: str | None
    results: list[Entry]


class Reference(Schema):
    authors: str
    year: int | None
    title: str
    publisher: str
    link: str
    design: str
    outcomes: list[Term]


class Version(Schema):
    number: int
    published_at: datetime
    url: str
    change_summary: str


class EntryDetail(Entry):
    evidence_rationale: str
    references: list[Reference]
    versions: list[Version]


class VocabularyValue(Schema):
    slug: str
    name: str
    group: str
    entries: int


class Vocabulary(Schema):
    param: str
    label: str
    values: list[VocabularyValue]


class Error(Schema):
    message: str
    errors: list[str]


def _error(message: str, errors: list[str], status: int = 400) -> Status:
    return Status(status, {"message": message, "errors": errors})


@api.exception_handler(ValidationError)
def _validation_error(request, exc):
    errors = [f"{'.'.join(str(part) for part in error['loc'][1:])}: {error['msg']}" for error in exc.errors]
    return api.create_response(request, {"message": "Some parameters cannot be used.", "errors": errors}, status=400)


SLUGS = "One or more slugs; see /api/v1/taxonomies/. Repeat the parameter for several (any of them matches)."


@api.get("/entries/", response={200: EntryList, 400: Error}, summary="Search and filter entries")
def list_entries(
    request,
    q: str = Query("", max_length=MAX_QUERY_LENGTH, description="Words to search for."),
    area: list[str] = Query([], description=SLUGS),
    stage: list[str] = Query([], description=SLUGS),
    type: list[str] = Query([], description="intervention, guidance or case-study."),
    evidence: list[str] = Query([], description=SLUGS),
    region: list[str] = Query([], description=SLUGS),
    topic: list[str] = Query([], description=SLUGS),
    sort: Literal["relevance", "evidence", "newest", "title"] | None = Query(
        None, description="Default: relevance with q, else strength of evidence."
    ),
    page: int = Query(1, ge=1, le=10**6 - 1),
    page_size: int = Query(20, ge=1, le=100),
):
    """The catalogue's search: the same parameters, results and order as /catalogue/."""
    try:
        query, snapshot = strict_query(request.GET, also_allowed=("page_size",))
    except BadParameters as error:
        return _error("Some parameters cannot be used.", error.messages)
    results = run_search(query, snapshot, page_size=page_size)
    # Of the search's own notices only "no such page" rejects a request; how the words matched does not.
    problems = rejected(results.notices)
    if problems:
        return _error("There is no such page.", [notice.error for notice in problems])
    start = (results.page - 1) * page_size
    records = RecordBuilder(request).records(results.ordered_ids[start : start + page_size])

    def page_url(number):
        params = request.GET.copy()
        params["page"] = str(number)
        return absolute_url(request.path + "?" + params.urlencode())

    return {
        "total": results.total,
        "page": results.page,
        "page_size": page_size,
        "page_count": results.page_count,
        "next": page_url(results.page + 1) if results.page < results.page_count else None,
        "previous": page_url(results.page - 1) if results.page > 1 else None,
        "results": records,
    }


@api.get("/entries/{entry_id}/", response={200: EntryDetail, 404: Error}, summary="One entry")
def entry_detail(request, entry_id: int):
    """A published entry with its evidence rationale, references and published versions."""
    # The snapshot holds exactly the live, public entries: the same rule as every other list here.
    records = RecordBuilder(request).records([entry_id]) if entry_id in set(get_snapshot().ids.tolist()) else []
    if not records:
        return _error("No published entry has this id.", [], status=404)
    record = records[0]
    entry = EntryPage.objects.get(pk=entry_id)
    references = entry.references.prefetch_related("outcomes")
    record.update(
        evidence_rationale=entry.evidence_rationale,
        references=[
            {
                "authors": ref.authors,
                "year": ref.year,
                "title": ref.title,
                "publisher": ref.publisher,
                "link": ref.link,
                "design": ref.get_design_display(),
                "outcomes": [{"slug": o.slug, "name": o.name} for o in ref.outcomes.all()],
            }
            for ref in references
        ],
        versions=[
            {
                "number": v.number,
                "published_at": v.published_at,
                "url": absolute_url(v.url),
                "change_summary": v.change_summary,
            }
            for v in published_versions(entry)
        ],
    )
    return record


@api.get("/taxonomies/", response=list[Vocabulary], summary="Every filter and its values")
def list_vocabularies(request):
    """Each filter parameter with its values and how many published entries have each value."""
    snapshot = get_snapshot()
    return [
        {
            "param": facet.param,
            "label": facet.label,
            "values": [
                {"slug": v.slug, "name": v.label, "group": v.group, "entries": int(v.mask.sum())}
                for v in snapshot.facets[facet.param]
            ],
        }
        for facet in FACETS
    ]


@api.get("/taxonomies/{param}/", response={200: Vocabulary, 404: Error}, summary="One filter's values")
def vocabulary_detail(request, param: str):
    """One filter parameter (area, stage, type, evidence, region or topic) and its values."""
    for vocabulary in list_vocabularies(request):
        if vocabulary["param"] == param:
            return vocabulary
    return _error(
        f"No filter is called ‘{param[:40]}’.", [f"Filters: {', '.join(f.param for f in FACETS)}."], status=404
    )
