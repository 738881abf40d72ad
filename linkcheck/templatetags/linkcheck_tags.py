"""The 'source last checked' dates on entry pages, from the link checker's records (one query a page)."""

from django import template

from ..models import LinkStatus
from ..sources import entry_source_urls

register = template.Library()


@register.inclusion_tag("linkcheck/entry_sources_checked.html")
def sources_checked(page):
    """Each source link on the entry with the date it was last checked and whether it worked."""
    urls = entry_source_urls(page)
    statuses = {status.url: status for status in LinkStatus.objects.filter(url__in=urls)}
    return {"sources": [(url, statuses.get(url)) for url in urls]}
