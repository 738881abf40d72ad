"""Template helpers for the evidence map, and the research questions shown on entry pages."""

from django import template

from ..filters import MapFilters
from ..models import ResearchQuestion
from ..questions import public_entry_links

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
    """The research questions an editor linked to this entry (two queries, whatever the page)."""
    if page is None or not getattr(page, "pk", None):
        return []
    return list(ResearchQuestion.objects.filter(entry_links__entry_id=page.pk).distinct()
                .prefetch_related(public_entry_links()))
