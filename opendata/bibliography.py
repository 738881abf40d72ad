"""
The bibliography: every study and document that published entries cite, with the entries citing each,
filterable by kind and year and downloadable whole (BibTeX, RIS, CSL-JSON); and each reference's own
citation files. Routes of the catalogue page (routes.py), so they move with it.

Only references cited by a live, public entry are listed or downloadable: a reference that only a draft
or a private entry cites is not yet public.
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from catalogue.models import EntryPage, Reference
from catalogue.search.snapshot import get_snapshot

from .reference_citation import REFERENCE_WRITERS, citation_key

YEARS = range(1900, 2101)
PARAMS = ("kind", "year")
MAX_PARAM_LENGTH = 40


@dataclass
class BibliographyQuery:
    """The bibliography's filters as read from the URL, and what could not be used."""

    kind: str = ""
    year: int | None = None
    problems: list[str] = field(default_factory=list)

    @classmethod
    def from_params(cls, params) -> "BibliographyQuery":
        query = cls()
        for name in params:
            if name not in PARAMS:
                query.problems.append(f"There is no filter called ‘{name[:MAX_PARAM_LENGTH]}’ (use kind or year).")
        kinds = dict(Reference.Kind.choices)
        for value in params.getlist("kind")[:1]:
            if value in kinds:
                query.kind = value
            elif value:
                known = ", ".join(kinds)
                query.problems.append(f"‘{value[:MAX_PARAM_LENGTH]}’ is not a kind of publication ({known}).")
        for value in params.getlist("year")[:1]:
            if value.isascii() and value.isdigit() and len(value) == 4 and int(value) in YEARS:
                query.year = int(value)
            elif value:
                query.problems.append(f"‘{value[:MAX_PARAM_LENGTH]}’ is not a year (four digits, e.g. 2019).")
        if len(params.getlist("kind")) > 1 or len(params.getlist("year")) > 1:
            query.problems.append("Choose one kind and one year at most.")
        return query


def public_entry_ids() -> list[int]:
    """The live, public entries (the catalogue's own snapshot holds exactly these)."""
    return [int(pk) for pk in get_snapshot().ids.tolist()]


def cited_references(query: BibliographyQuery | None = None):
    """References cited by a public entry (filtered), each with `citing` = those entries, by author."""
    ids = public_entry_ids()
    references = Reference.objects.filter(entries__in=ids).distinct().order_by("authors", "year", "title")
    if query and query.kind:
        references = references.filter(kind=query.kind)
    if query and query.year:
        references = references.filter(year=query.year)
    citing = EntryPage.objects.filter(pk__in=ids).order_by("title").only("id", "title", "url_path")
    return references.prefetch_related(Prefetch("entries", queryset=citing, to_attr="citing"))


def reference_by_key(key: str) -> Reference:
    """The public reference whose citation key (or 'reference-<id>') is `key`, or 404."""
    lookup = {"key": key}
    if key.startswith("reference-") and key[len("reference-") :].isdigit():
        lookup = {"pk": int(key[len("reference-") :]), "key__isnull": True}
    reference = Reference.objects.filter(**lookup, entries__in=public_entry_ids()).distinct().first()
    if reference is None:
        raise Http404("No public reference has this key")
    return reference


def _download(references, fmt: str, filename: str) -> HttpResponse:
    writer, content_type = REFERENCE_WRITERS[fmt]
    response = HttpResponse(writer(references), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


def _bad_request(problems: list[str]) -> HttpResponse:
    text = "Some parameters cannot be used:\n" + "\n".join(f"- {problem}" for problem in problems) + "\n"
    return HttpResponse(text, status=400, content_type="text/plain; charset=utf-8")


@require_GET
def bibliography_page(request, catalogue):
    query = BibliographyQuery.from_params(request.GET)
    references = list(cited_references(query))
    years = sorted({year for year in cited_references().values_list("year", flat=True) if year}, reverse=True)
    context = {
        "page": catalogue,
        "catalogue": catalogue,
        "query": query,
        "references": references,
        "kinds": Reference.Kind.choices,
        "years": years,
        "downloads": [("BibTeX", "bib"), ("RIS", "ris"), ("CSL-JSON", "json")],
        "filter_string": request.GET.urlencode() if not query.problems else "",
    }
    return TemplateResponse(request, "opendata/bibliography.html", context, status=400 if query.problems else 200)


@require_GET
def bibliography_export(request, catalogue, fmt: str):
    if fmt not in REFERENCE_WRITERS:
        raise Http404("Unknown citation format")
    query = BibliographyQuery.from_params(request.GET)
    if query.problems:
        return _bad_request(query.problems)
    return _download(list(cited_references(query)), fmt, "born-into-care-bibliography")


@require_GET
def reference_download(request, catalogue, key: str, fmt: str):
    if fmt not in REFERENCE_WRITERS:
        raise Http404("Unknown citation format")
    reference = reference_by_key(key)
    return _download([reference], fmt, citation_key(reference))


@require_GET
def entry_references_download(request, entry, fmt: str):
    """An entry's references in one file (the entry is live and public: Wagtail's routing found it)."""
    if fmt not in REFERENCE_WRITERS:
        raise Http404("Unknown citation format")
    return _download(list(entry.references.order_by("authors", "year")), fmt, f"{entry.slug}-references")
