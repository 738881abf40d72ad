"""Public views: the map, its data table, its CSV, and the reference list behind each cell."""

from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from catalogue.io.numbers import parse_int
from catalogue.models import Outcome, ReferenceOutcome

from .downloads import matrix_csv_response
from .filters import FILTER_NAMES, MapFilters, known_values
from .hierarchy import TIER_BY_DESIGN, TIERS
from .matrix import matching_interventions, references_for_cell
from .pages import map_page, matrix_table_html
from .questions import questions_for_map


def _filter_context(request):
    choices = known_values()
    filters = MapFilters.from_params(request.GET, choices)
    labels = {param: dict(values) for param, values in choices.items()}
    applied = [
        (name, [labels[param][value] for value in getattr(filters, param)])
        for param, name in FILTER_NAMES.items()
        if getattr(filters, param)
    ]
    return filters, {
        "filters": filters,
        "choices": choices,
        "filter_names": FILTER_NAMES,
        "tiers": TIERS,
        "notices": filters.notices,
        "applied_filters": applied,
    }


def _page_number(request) -> int:
    """The page of rows asked for; anything that is not a page number means the first page."""
    return parse_int(request.GET.get("page"), minimum=1) or 1


@require_GET
def evidence_map(request):
    """Interventions x outcomes, with the research questions that the map cannot answer."""
    filters, context = _filter_context(request)
    matrix, column_questions = map_page(filters, _page_number(request))
    context.update(
        matrix=matrix,
        matrix_table=matrix_table_html(request, matrix, column_questions),
        questions=questions_for_map(),
        column_questions=column_questions,
        directions=ReferenceOutcome.Direction.choices,
    )
    response = render(request, "evidencemap/map.html", context)
    if filters.is_filtered:
        response["X-Robots-Tag"] = "noindex"  # one page per filter combination is not worth indexing
    return response


@require_GET
def data_table(request):
    """The same map as a plain data table: one row per intervention and outcome that has studies."""
    filters, context = _filter_context(request)
    context["matrix"], _ = map_page(filters, _page_number(request))
    return render(request, "evidencemap/data_table.html", context)


@require_GET
def matrix_csv(request):
    """The whole matrix as CSV (every page of rows), as the task worker built it for this content version."""
    filters = MapFilters.from_params(request.GET)
    if filters.unknown:  # a program would otherwise get a map it did not ask for, with no notice to read
        lines = "".join(f"- {problem}\n" for problem in filters.unknown)
        return HttpResponse(
            "Some parameters cannot be used:\n" + lines, status=400, content_type="text/plain; charset=utf-8"
        )
    return matrix_csv_response(filters)


def _bad_request(request, context, message, status):
    context.update(error=message, references=[])
    return render(request, "evidencemap/reference_list.html", context, status=status)


@require_GET
def reference_list(request):
    """Exactly the studies one map cell counts (or a whole row or column), under the same filters."""
    filters, context = _filter_context(request)
    intervention = outcome = None
    raw_intervention = request.GET.get("intervention", "").strip()
    raw_outcome = request.GET.get("outcome", "").strip()
    if raw_intervention:
        intervention_id = parse_int(raw_intervention, minimum=1)  # "²" passes isdigit() but not int()
        if intervention_id is None:
            return _bad_request(request, context, "The intervention must be given by its number.", 400)
        intervention = matching_interventions(filters).filter(pk=intervention_id).first()
        if intervention is None:
            return _bad_request(
                request,
                context,
                "That intervention is not on the map: it is unpublished, private or outside the filters chosen.",
                404,
            )
    if raw_outcome:
        outcome = Outcome.objects.filter(slug=raw_outcome).first()
        if outcome is None:
            return _bad_request(request, context, "There is no outcome with that name on the map.", 404)
    references = references_for_cell(filters, intervention.pk if intervention else None, outcome)
    references = list(
        references.prefetch_related(
            Prefetch("outcome_findings", queryset=ReferenceOutcome.objects.select_related("outcome"))
        )
    )
    for reference in references:
        reference.tier = TIER_BY_DESIGN[reference.design]
        reference.findings = [
            finding
            for finding in reference.outcome_findings.all()
            if outcome is None or finding.outcome_id == outcome.pk
        ]
    references.sort(key=lambda ref: (ref.tier.rank, -(ref.year or 0), ref.title))
    context.update(intervention=intervention, outcome=outcome, references=references, map_query=filters.query_string())
    return render(request, "evidencemap/reference_list.html", context)
