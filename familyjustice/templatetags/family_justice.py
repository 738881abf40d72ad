"""
Hooks for the explorer's pages: `{% la_family_justice_panel authority %}` on a local authority profile,
`{% trend_events_list %}` beside the national trend. The explorer only needs to call them.
"""

from django import template

from familyjustice.events import numbered_events
from familyjustice.profile import build_panel
from familyjustice.sources import DERIVED_LINKS_CAVEAT

register = template.Library()


@register.inclusion_tag("familyjustice/includes/la_panel.html", takes_context=True)
def la_family_justice_panel(context, authority):
    return {"panel": build_panel(authority), "caveat": DERIVED_LINKS_CAVEAT, "request": context.get("request")}


@register.inclusion_tag("familyjustice/includes/events_panel.html")
def trend_events_list(first_year=2011, last_year=2026):
    """Every event between two reporting years, numbered in date order, with its source."""
    return {"events": numbered_events(list(range(first_year, last_year + 1)))}
