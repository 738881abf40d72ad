"""
Hooks for the explorer's pages: `{% la_family_justice_panel authority %}` on a local authority profile,
`{% trend_events_list %}` beside the national trend. The explorer only needs to call them.
"""

from django import template

from familyjustice.models import TrendEvent
from familyjustice.profile import build_panel
from familyjustice.sources import DERIVED_LINKS_CAVEAT

register = template.Library()


@register.inclusion_tag("familyjustice/includes/la_panel.html", takes_context=True)
def la_family_justice_panel(context, authority):
    return {"panel": build_panel(authority), "caveat": DERIVED_LINKS_CAVEAT, "request": context.get("request")}


@register.inclusion_tag("familyjustice/includes/events_panel.html")
def trend_events_list():
    """Every event, numbered in date order, with its source (including any after the latest figures)."""
    return {"events": list(enumerate(TrendEvent.objects.order_by("date", "pk"), start=1))}
