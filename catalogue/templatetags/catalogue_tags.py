"""Template helpers for catalogue pages and the site's chrome: catalogue links, menus, badges, entry sections."""

from django import template
from django.utils.safestring import mark_safe

from catalogue.extensions import CATALOGUE_SECTIONS_HOOK, ENTRY_SECTIONS_HOOK, evidence_scale_url
from catalogue.extensions import entry_sections as registered_sections
from catalogue.navigation import site_navigation

register = template.Library()


@register.simple_tag(takes_context=True)
def site_nav(context):
    """{% site_nav as nav %}: nav.catalogue_url ("" when there is no catalogue) and nav.menu_pages."""
    return site_navigation(context.get("request"))


@register.simple_tag(takes_context=True)
def main_menu_pages(context):
    return site_navigation(context.get("request")).menu_pages


@register.simple_tag(takes_context=True)
def catalogue_url(context, route_name="", *args):
    """The catalogue's URL, or one of its routes' ({% catalogue_url "feed" %}); "" if there is no catalogue."""
    navigation = site_navigation(context.get("request"))
    if navigation.catalogue is None or not route_name:
        return navigation.catalogue_url
    return navigation.catalogue_url + navigation.catalogue.reverse_subpage(route_name, args=args)


@register.simple_tag(takes_context=True)
def entry_sections(context, slot, hook=ENTRY_SECTIONS_HOOK):
    """Render the sections feature apps registered for this slot of the entry page, with its context."""
    engine = context.template.engine
    parts = []
    for section in registered_sections(slot, hook):
        with context.push():
            parts.append(engine.get_template(section.template).render(context))
    return mark_safe("".join(parts))


@register.simple_tag(takes_context=True)
def catalogue_sections(context, slot):
    """Render the sections feature apps registered for this slot of the catalogue page (or of a result card)."""
    return entry_sections(context, slot, CATALOGUE_SECTIONS_HOOK)


@register.inclusion_tag("includes/breadcrumbs.html")
def breadcrumbs(page):
    return {"ancestors": page.get_ancestors().filter(depth__gt=1).specific(defer=True), "page": page}


@register.inclusion_tag("includes/evidence_badge.html", takes_context=True)
def evidence_badge(context, level, rationale_anchor="", linked=True):
    """The evidence rating as text plus a shape, so it reads without colour (linked=False: a plain label)."""
    request = context.get("request")
    # Looked up once per request, however many badges the page shows.
    if request is None:
        scale_url = evidence_scale_url()
    else:
        if not hasattr(request, "_evidence_scale_url"):
            request._evidence_scale_url = evidence_scale_url()
        scale_url = request._evidence_scale_url
    return {"level": level, "scale_url": scale_url, "rationale_anchor": rationale_anchor, "linked": linked}


@register.filter
def entry_type(page):
    return getattr(page.specific_class, "entry_type_label", "Entry")


@register.filter
def carries_rating(page):
    """False for entries that state the law or describe a tool: they show a status, never an evidence badge."""
    return getattr(page.specific_class, "carries_evidence_rating", True)


@register.filter
def get_item(mapping, key):
    return mapping.get(key, "") if mapping else ""


@register.filter
def page_url(query, number):
    return query.url_for_page(number)
