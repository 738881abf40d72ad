"""The site's own chrome: footer links to the standard pages and the catalogue team's contact."""

from django import template
from django.conf import settings

from catalogue.caches import per_content_version
from catalogue.navigation import site_navigation

from ..models import StandardPage

register = template.Library()

# Footer contact until settings.CONTACT_EMAIL names the catalogue team's real address; example.org never
# delivers mail, which suits a demonstration site.
DEMO_CONTACT_EMAIL = "catalogue-team@example.org"


@register.inclusion_tag("includes/footer_links.html", takes_context=True)
def footer_links(context):
    pages = per_content_version(
        "footer",
        lambda: list(StandardPage.objects.live().public().filter(depth=3).order_by("path").only("title", "url_path")),
    )
    return {
        "pages": pages,
        "catalogue_url": site_navigation(context.get("request")).catalogue_url,
        "contact_email": getattr(settings, "CONTACT_EMAIL", DEMO_CONTACT_EMAIL),
    }
