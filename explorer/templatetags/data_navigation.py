"""The data wing's sub-menu and breadcrumbs, drawn from explorer.navigation (one list for all of /data/)."""

from django import template

from catalogue.caches import per_content_version
from explorer import links
from explorer.navigation import DATA_MENU, LABELS, menu_section, trail

register = template.Library()


@register.inclusion_tag("explorer/includes/data_menu.html", takes_context=True)
def data_menu(context):
    request = context.get("request")
    route = getattr(request, "data_section", "")
    section = menu_section(route)
    # aria-current: "page" on the page itself, "true" on the section a deeper page (a profile) belongs to.
    items = [
        (links.data_url(name), label, "page" if name == route else "true" if name == section else "")
        for name, label in DATA_MENU
    ]
    return {"items": items}


@register.inclusion_tag("explorer/includes/breadcrumbs.html", takes_context=True)
def data_breadcrumbs(context):
    """Home, the pages above the data page, the data page, the page's parents; the page itself unlinked."""
    request = context.get("request")
    page = getattr(request, "data_page", None)
    route = getattr(request, "data_section", "")
    if page is None:
        return {"crumbs": [], "current": ""}
    crumbs = list(_pages_above(page))
    names = trail(route)
    if not names:  # the overview is the data page itself
        return {"crumbs": crumbs, "current": page.title}
    crumbs.append((links.data_url("overview"), page.title))
    crumbs += [(links.data_url(name), LABELS.get(name, name)) for name in names[:-1]]
    return {"crumbs": crumbs, "current": _leaf_label(context, route) or LABELS.get(names[-1], "")}


def _pages_above(page) -> tuple[tuple[str, str], ...]:
    """(address, title) of the pages above the data page, once per content version: on every data page, two
    queries and Wagtail's address look-ups cost about 1 ms."""

    def read():
        ancestors = page.get_ancestors().filter(depth__gt=1).specific(defer=True)
        return tuple((ancestor.url, "Home" if ancestor.depth == 2 else ancestor.title) for ancestor in ancestors)

    return per_content_version(("data page ancestors", page.pk), read)


# The name a page deeper than the menu goes by, read from what its view put in the context.
LEAF_LABELS = {
    "local_authority": ("authority", "name"),
    "area_detail": ("area", "name"),
    "dataset_detail": ("dataset", "title"),
    "relationship": ("relationship", "measure"),
}


def _leaf_label(context, route: str) -> str:
    key, attribute = LEAF_LABELS.get(route, ("", ""))
    item = context.get(key) if key else None
    return str(getattr(item, attribute, "")) if item is not None else ""


@register.inclusion_tag("explorer/includes/wales_coverage.html", takes_context=True)
def wales_coverage(context):
    """At the top of a Welsh page: which measures the site holds for it and which it does not (from the data)."""
    from explorer.wales import coverage, welsh_codes

    name, codes = welsh_codes(context)
    if not codes:
        return {"measures": []}
    measures = coverage(codes)
    return {
        "name": name,
        "held": [item for item in measures if item.present],
        "missing": [item for item in measures if not item.present],
        "measures": measures,
    }
