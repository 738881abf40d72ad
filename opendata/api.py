"""
The read-only JSON API (django-ninja, which writes the OpenAPI description from these signatures).

The facets come from the registry (catalogue.search.facets) when they are used, not when this module
is imported: the catalogue's query reader validates them, records carry each facet's field, and the
OpenAPI description adds one parameter and one record field per registered facet each time it is
served (`CatalogueAPI.get_openapi_schema`). A facet registered at any time is in all three at once.
"""

from datetime import date, datetime
from typing import Literal

from ninja import NinjaAPI, Query, Schema, Status
from ninja.errors import ValidationError
from pydantic import BaseModel, ConfigDict, TypeAdapter

from catalogue.models import EntryPage
from catalogue.search.engine import run_search
from catalogue.search.facet_kinds import Term
from catalogue.search.facets import FACETS, MAX_QUERY_LENGTH, SORTS
from catalogue.search.snapshot import get_snapshot
from website.site_url import absolute_url

from .evidence_records import rating_basis
from .params import BadParameters, rejected, strict_query
from .records import RecordBuilder
from .versions import published_versions

DESCRIPTION = """
/api/v1/entries/ takes exactly the catalogue page's parameters (q, one per filter listed at
/api/v1/taxonomies/, sort, page) plus page_size, and reads them with the same validation and search,
so the API lists what the catalogue page lists, in the same order. Unusable parameters give a 400 (the
values each filter takes are listed below); a page number past the last page gives a 404.
"""
RECORD_SCHEMAS = ("Entry", "EntryDetail")
# No address of the site takes a control character (website/control_characters.py answers 400 first).
NO_CONTROL_CHARACTERS = r"^[^\x00-\x1f\x7f-\x9f]*$"  # the OpenAPI components that hold each facet's record field


class CatalogueAPI(NinjaAPI):
    """The API, whose OpenAPI description lists the facets registered when it is asked for."""

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        if path_prefix is None:
            path_prefix = self.get_root_path(path_params or {})
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        components = schema["components"]["schemas"]
        facets = tuple(FACETS)
        values = {param: [value.slug for value in options] for param, options in get_snapshot().facets.items()}
        paths = schema["paths"]
        _document_facet_parameters(paths[f"{path_prefix}entries/"]["get"]["parameters"], facets, values)
        _document_vocabulary_names(paths[f"{path_prefix}taxonomies/{{param}}/"]["get"]["parameters"], facets)
        for name in RECORD_SCHEMAS:
            _document_facet_fields(components[name], components, facets)
        return schema


def _document_facet_parameters(parameters: list, facets, values: dict[str, list[str]]) -> None:
    """
    One query parameter per facet, after q (where the catalogue page's form has them), listing the values it
    takes today: any other value is a 400, so a client (or a fuzzer) reads the choices here, not by trying.
    """
    position = next((i + 1 for i, parameter in enumerate(parameters) if parameter["name"] == "q"), 0)
    parameters[position:position] = [
        {
            "in": "query",
            "name": facet.param,
            "required": False,
            "description": facet.description,
            "schema": {
                "type": "array",
                # An empty value counts as none, as on the catalogue page (`?type=` is every type).
                "items": _one_of([*values.get(facet.param, []), ""]),
                "default": [],
                "title": facet.label,
            },
        }
        for facet in facets
    ]


def _one_of(choices: list[str]) -> dict:
    # OpenAPI forbids an empty enum: a vocabulary with no values yet is documented as a plain string.
    return {"type": "string", "enum": choices} if choices else {"type": "string"}


def _document_vocabulary_names(parameters: list, facets) -> None:
    """/taxonomies/{param}/ answers for the filter names only (any other name is a 404)."""
    for parameter in parameters:
        if parameter["name"] == "param":
            parameter["schema"] = {**parameter["schema"], **_one_of([facet.param for facet in facets])}


def _document_facet_fields(record: dict, components: dict, facets) -> None:
    """Each facet's record field, typed as the facet's kind says; a record has exactly these fields."""
    for facet in facets:
        field = TypeAdapter(facet.record_type).json_schema(ref_template="#/components/schemas/{model}")
        for name, definition in field.pop("$defs", {}).items():
            components.setdefault(name, definition)
        record["properties"][facet.field] = {**field, "title": facet.field.replace("_", " ").title()}
        record.setdefault("required", []).append(facet.field)
    record.pop("additionalProperties", None)


api = CatalogueAPI(
    title="Born into Care open data API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="opendata-api",
    docs_url=None,  # the description is published at /api/v1/openapi.json
)


# A plain pydantic model allowing extra fields: ninja's Schema would drop the facets' fields, which
# the registry adds to each record (and get_openapi_schema to the description).
class ProgrammeFacts(BaseModel):
    """An intervention's programme facts; an empty string where no source states the fact."""

    for_whom: str
    age_stage: str
    settings: list[str]  # delivery setting slugs (see /api/v1/taxonomies/setting/)
    duration: str
    delivered_by: str
    where_available: str
    running: Literal["yes", "closed", "unknown"]
    cost: str
    cost_source_url: str
    provider_url: str


class Entry(BaseModel):
    """A published entry as open data, with one field per filter (its values for that filter)."""

    model_config = ConfigDict(extra="allow")

    id: int
    title: str
    url: str
    summary: str
    evidence_rated_on: date | None
    last_reviewed: date | None
    first_published_at: datetime | None
    last_published_at: datetime | None
    guidance_status: str | None  # guidance only: legislation, statutory-guidance, practice-direction...
    programme_facts: ProgrammeFacts | None  # interventions only


class SearchNotice(Schema):
    code: str
    message: str


class EntryList(Schema):
    total: int
    page: int
    page_size: int
    page_count: int
    next: str | None
    previous: str | None
    notices: list[SearchNotice]  # how the words were matched (e.g. only some of them); codes as in the catalogue
    results: list[Entry]


class Reference(Schema):
    key: str
    kind: str
    authors: str
    year: int | None
    month: int | None
    title: str
    publisher: str
    journal: str
    volume: str
    issue: str
    pages: str
    doi: str
    link: str
    design: str
    outcomes: list[Term]


class RatingBasisRow(Schema):
    reference: str  # the reference's key, as in `references`
    title: str
    design: str
    outcomes: str
    finding: str
    primary: bool


class Version(Schema):
    number: int
    published_at: datetime
    url: str
    change_summary: str


class EntryDetail(Entry):
    evidence_rationale: str
    rating_basis: list[RatingBasisRow]
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


@api.get("/entries/", response={200: EntryList, 400: Error, 404: Error}, summary="Search and filter entries")
def list_entries(
    request,
    q: str = Query("", max_length=MAX_QUERY_LENGTH, pattern=NO_CONTROL_CHARACTERS, description="Words to search for."),
    sort: Literal[tuple(SORTS)] | None = Query(
        None, description="Default: relevance with q, else strength of evidence."
    ),
    page: int = Query(1, ge=1, le=10**6 - 1),
    page_size: int = Query(20, ge=1, le=100),
):
    """The catalogue's search: the same parameters, results and order as /catalogue/."""
    try:
        query, snapshot = strict_query(request.GET, also_allowed=("page_size",), previous_while_rebuilding=True)
    except BadParameters as error:
        return _error("Some parameters cannot be used.", error.messages)
    results = run_search(query, snapshot, page_size=page_size)
    # Of the search's own notices only "no such page" rejects a request (404: the page number is a valid
    # one, there is just no page of results there); how the words matched does not.
    problems = rejected(results.notices)
    if problems:
        return _error("There is no such page.", [notice.error for notice in problems], status=404)
    records = RecordBuilder(request).records(results.page_ids)

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
        "notices": [{"code": str(notice.code), "message": notice.error} for notice in results.notices],
        "results": records,
    }


@api.get("/entries/{entry_id}/", response={200: EntryDetail, 400: Error, 404: Error}, summary="One entry")
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
        rating_basis=rating_basis(entry_id),
        references=[
            {
                "key": ref.key or f"reference-{ref.pk}",
                "kind": ref.kind,
                "authors": ref.authors,
                "year": ref.year,
                "month": ref.month,
                "title": ref.title,
                "publisher": ref.publisher,
                "journal": ref.journal,
                "volume": ref.volume,
                "issue": ref.issue,
                "pages": ref.pages,
                "doi": ref.doi,
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


@api.get("/taxonomies/", response={200: list[Vocabulary], 400: Error}, summary="Every filter and its values")
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


@api.get("/taxonomies/{param}/", response={200: Vocabulary, 400: Error, 404: Error}, summary="One filter's values")
def vocabulary_detail(request, param: str):
    """One filter parameter (see /api/v1/taxonomies/) and its values."""
    for vocabulary in list_vocabularies(request):
        if vocabulary["param"] == param:
            return vocabulary
    return _error(
        f"No filter is called ‘{param[:40]}’.", [f"Filters: {', '.join(f.param for f in FACETS)}."], status=404
    )
