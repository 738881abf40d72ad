"""Template helpers for the evidence map, and the research questions shown on entry pages."""

from django import template
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from ..filters import MapFilters
from ..questions import questions_by_entry

register = template.Library()


@register.filter
def get_item(mapping, key):
    """mapping[key] for dicts and for MapFilters fields; empty when missing."""
    if isinstance(mapping, MapFilters):
        return getattr(mapping, key, ())
    return mapping.get(key, ()) if mapping else ()


@register.simple_tag
def query(filters: MapFilters, **extra) -> str:
    """'?' + the map's filters (plus extra parameters, first), or '' when there are none."""
    encoded = filters.query_string(**extra)
    return f"?{encoded}" if encoded else ""


GAP_CELL = mark_safe(
    '<td class="evidence-map__cell evidence-map__cell--gap"><span aria-hidden="true">–</span>'
    '<span class="govuk-visually-hidden">No studies</span></td>'
)


@register.simple_tag
def map_cells(row, filters: MapFilters):
    """
    A map row's cells: a dash for a gap, else the number of studies and the strongest design, linked to the
    studies. Written here rather than in the template: 50 rows of 11 cells through template tags were most of
    the map page's time.
    """
    references = reverse("evidencemap:references")
    pk = row.intervention.pk
    return format_html_join(
        "", "{}", ((GAP_CELL if cell.is_gap else _studied_cell(cell, references, filters, pk),) for cell in row.cells)
    )


def _studied_cell(cell, references: str, filters: MapFilters, intervention_id: int):
    return format_html(
        '<td class="evidence-map__cell evidence-map__cell--tier-{}"><a class="evidence-map__cell-link" href="{}{}">'
        '<span class="evidence-map__count">{}</span> <abbr class="evidence-map__tier" title="{}">{}</abbr>'
        '<span class="govuk-visually-hidden"> {}, strongest: {}</span></a></td>',
        cell.tier.rank,
        references,
        query(filters, intervention=intervention_id, outcome=cell.outcome.slug),
        cell.count,
        cell.tier.name,
        cell.tier.symbol,
        "study" if cell.count == 1 else "studies",
        cell.tier.name,
    )


@register.simple_tag
def entry_research_questions(page):
    """
    The research questions an editor linked to this entry. Every entry page shows these, so all the
    links are read once per content version (research questions are edited rarely, and any edit
    moves the version on) rather than three queries a page.
    """
    if page is None or not getattr(page, "pk", None):
        return []
    return questions_by_entry().get(page.pk, [])
