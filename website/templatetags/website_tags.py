"""The site's own chrome: footer links to the standard pages and the catalogue team's contact."""

from django import template
from django.conf import settings

from catalogue.caches import visitor_list
from catalogue.models.own_rows import from_own_rows
from catalogue.models.visibility import without_private
from catalogue.navigation import site_navigation

from ..models import StandardPage

register = template.Library()

# Footer contact until settings.CONTACT_EMAIL names the catalogue team's real address; example.org never
# delivers mail, which suits a demonstration site.
DEMO_CONTACT_EMAIL = "catalogue-team@example.org"


@register.inclusion_tag("includes/footer_links.html", takes_context=True)
def footer_links(context):
    pages = footer_pages()
    return {
        "pages": pages,
        "catalogue_url": site_navigation(context.get("request")).catalogue_url,
        "contact_email": getattr(settings, "CONTACT_EMAIL", DEMO_CONTACT_EMAIL),
    }


def _footer_pages() -> list[StandardPage]:
    pages = from_own_rows(without_private(StandardPage.objects.live())).filter(depth=3).order_by("path")
    return list(pages.only("title", "url_path"))


footer_pages = visitor_list("footer", _footer_pages)


# The standard page the site notice's "Details" link leads to: it says what the entries are and are not.
NOTICE_DETAILS_SLUG = "about"


@register.inclusion_tag("includes/site_notice.html")
def site_notice():
    """The one-line notice on every page (SITE_NOTICE, or DEMO_CONTENT_NOTICE as it was called)."""
    if not (settings.SITE_NOTICE and settings.DEMO_CONTENT_NOTICE):
        return {"show": False}
    details = notice_details_url()
    return {"show": True, "details_url": details}


def _notice_details_url() -> str:
    page = without_private(StandardPage.objects.live()).filter(slug=NOTICE_DETAILS_SLUG, depth=3).first()
    return page.url if page else ""


notice_details_url = visitor_list("site-notice-details", _notice_details_url)
