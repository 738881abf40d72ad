"""Template tags about places: where a result applies, and the catalogue entries that apply in a place."""

from django import template

from catalogue.places.here import entries_applying_in
from catalogue.places.where import REGION_PARAM, describe_where

register = template.Library()


@register.inclusion_tag("catalogue/includes/entry_where.html", takes_context=True)
def entry_where(context, entry):
    """Where `entry` applies, relative to the regions chosen in the catalogue's filter (if any)."""
    results = context.get("results")
    snapshot = getattr(results, "snapshot", None)
    if snapshot is None:
        return {"where": None, "entry": entry}
    chosen = results.query.filters.get(REGION_PARAM, ())
    return {"where": describe_where(entry, snapshot, chosen), "entry": entry}


@register.inclusion_tag("catalogue/includes/entries_here.html", takes_context=True)
def entries_here(context, kind, code):
    """The catalogue entries that apply in a place of the place index, e.g. ("local-authority", ons_code)."""
    return {"here": entries_applying_in(kind, str(code)), "request": context.get("request")}
