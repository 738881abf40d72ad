"""The 'source last checked' dates on entry pages, from the link checker's records (one query a page)."""

from django import template

from ..models import LinkStatus
from ..sources import entry_sources

register = template.Library()


@register.inclusion_tag("linkcheck/entry_sources_checked.html")
def sources_checked(page):
    """Each source link on the entry with the date it was last checked and whether it worked."""
    sources = entry_sources(page)
    statuses = {status.url: status for status in LinkStatus.objects.filter(url__in=[url for _, url in sources])}
    return {"sources": [(label, url, statuses.get(url)) for label, url in sources]}
