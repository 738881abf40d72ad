"""Template helpers shared by every public page: menus, breadcrumbs, badges and notices."""

from django import template
from django.conf import settings
from wagtail.models import Page

from catalogue.models.state import per_catalogue_version

register = template.Library()

# Footer contact until settings.CONTACT_EMAIL names the catalogue team's real address; example.org never
# delivers mail, which suits a demonstration site.
DEMO_CONTACT_EMAIL = "catalogue-team@example.org"


@register.simple_tag(takes_context=True)
def main_menu_pages(context):
    request = context.get("request")
    site = getattr(request, "_wagtail_site", None) if request else None
    root = site.root_page if site else Page.objects.filter(depth=2).first()
    if root is None:
        return []
    return per_catalogue_version(("menu", root.pk), lambda: list(
        root.get_children().live().public().in_menu().exclude(slug="catalogue").only("title", "url_path")))


@register.inclusion_tag("includes/breadcrumbs.html")
def breadcrumbs(page):
    return {"ancestors": page.get_ancestors().filter(depth__gt=1).specific(defer=True), "page": page}


@register.inclusion_tag("includes/demo_notice.html")
def demo_notice():
    return {"show": settings.DEMO_CONTENT_NOTICE}


@register.inclusion_tag("includes/footer_links.html", takes_context=True)
def footer_links(context):
    from website.models import StandardPage

    pages = per_catalogue_version("footer", lambda: list(
        StandardPage.objects.live().public().filter(depth=3).order_by("path").only("title", "url_path")))
    return {"pages": pages,
            "contact_email": getattr(settings, "CONTACT_EMAIL", DEMO_CONTACT_EMAIL)}


def _evidence_page_url():
    from website.models import StandardPage

    def find():
        page = StandardPage.objects.live().filter(show_evidence_scale=True).only("url_path").first()
        return page.url if page else ""

    return per_catalogue_version("evidence-scale-url", find)


@register.inclusion_tag("includes/evidence_badge.html", takes_context=True)
def evidence_badge(context, level, rationale_anchor="", linked=True):
    """The evidence rating as text plus a shape, so it reads without colour (linked=False: a plain label)."""
    request = context.get("request")
    # Looked up once per request, however many badges the page shows.
    if request is None:
        scale_url = _evidence_page_url()
    else:
        if not hasattr(request, "_evidence_scale_url"):
            request._evidence_scale_url = _evidence_page_url()
        scale_url = request._evidence_scale_url
    return {"level": level, "scale_url": scale_url, "rationale_anchor": rationale_anchor, "linked": linked}


@register.filter
def entry_type(page):
    return getattr(page.specific_class, "entry_type_label", "Entry")


@register.filter
def get_item(mapping, key):
    return mapping.get(key, "") if mapping else ""


@register.filter
def page_url(query, number):
    return query.url_for_page(number)
