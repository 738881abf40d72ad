"""Template tags about places: where a result applies, and the catalogue entries that apply in a place."""

from django import template

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
