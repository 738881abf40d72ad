"""
Side-by-side comparison of 2–4 interventions at a shareable URL: /compare/?entry=12&entry=34.

Works without JavaScript: result cards and entry pages carry ordinary checkboxes that submit
`entry` values to this page by GET.
"""

from dataclasses import dataclass

from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from catalogue.io.numbers import parse_int
from catalogue.models import InterventionPage
from catalogue.models.visibility import without_private

MIN_ENTRIES, MAX_ENTRIES = 2, 4


@dataclass
class ComparedIntervention:
    """One column of the comparison."""

    page: InterventionPage
    outcomes: list[str]
    remove_url: str


def read_entry_ids(values: list[str]) -> tuple[list[int], list[str]]:
    """The distinct entry ids asked for, in order, and the problems with the request."""
    ids, problems = [], []
    for raw in values:
        raw = raw.strip()
        entry_id = parse_int(raw, minimum=1, max_digits=11)
        if entry_id is None or raw.startswith("+"):
            problems.append(f"‘{raw[:30]}’ is not an entry number.")
        elif entry_id not in ids:
            ids.append(entry_id)
    if not problems and not MIN_ENTRIES <= len(ids) <= MAX_ENTRIES:
        problems.append(
            f"Choose between {MIN_ENTRIES} and {MAX_ENTRIES} interventions to compare (you chose {len(ids)})."
        )
    return ids, problems


def load_interventions(ids: list[int]) -> tuple[list[InterventionPage], list[str]]:
    """Published, public interventions with those ids, in the order asked for."""
    found = {
        page.pk: page
        for page in without_private(InterventionPage.objects.live())
        .filter(pk__in=ids)
        .select_related("evidence_level")
        .prefetch_related("areas", "stages", "regions", "references__outcomes")
    }
    missing = [pk for pk in ids if pk not in found]
    problems = [f"There is no published intervention number {pk}." for pk in missing]
    return [found[pk] for pk in ids if pk in found], problems


def outcomes_measured(page: InterventionPage) -> list[str]:
    """Outcomes that the entry's references measured, each named once, in vocabulary order."""
    outcomes = {outcome.pk: outcome for ref in page.references.all() for outcome in ref.outcomes.all()}
    return [o.name for o in sorted(outcomes.values(), key=lambda o: (o.sort_order, o.name))]


@require_GET
def compare(request):
    if "entry" not in request.GET:
        return TemplateResponse(request, "opendata/compare.html", {"how_to": True})
    ids, problems = read_entry_ids(request.GET.getlist("entry"))
    interventions = []
    if not problems:
        interventions, problems = load_interventions(ids)
    if problems:
        return TemplateResponse(request, "opendata/compare.html", {"problems": problems}, status=400)
    columns = [
        ComparedIntervention(
            page,
            outcomes_measured(page),
            "/compare/?" + "&".join(f"entry={other.pk}" for other in interventions if other != page),
        )
        for page in interventions
    ]
    return TemplateResponse(request, "opendata/compare.html", {"columns": columns})
