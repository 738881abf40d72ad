"""Template helpers for the evidence map, and the research questions shown on entry pages."""

from django import template

from catalogue.caches import per_content_version

from ..filters import MapFilters
from ..models import ResearchQuestion

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


@register.simple_tag
def entry_research_questions(page):
    """
    The research questions an editor linked to this entry. Every entry page shows these, so all the
    links are read once per content version (research questions are edited rarely, and any edit
    moves the version on) rather than three queries a page.
    """
    if page is None or not getattr(page, "pk", None):
        return []
    return per_content_version("research-questions-by-entry", _questions_by_entry, previous_while_rebuilding=True).get(
        page.pk, []
    )


def _questions_by_entry() -> dict[int, list[ResearchQuestion]]:
    by_entry = {}
    for question in ResearchQuestion.objects.prefetch_related("entry_links"):  # in the questions' order
        for link in question.entry_links.all():
            by_entry.setdefault(link.entry_id, []).append(question)
    return by_entry
