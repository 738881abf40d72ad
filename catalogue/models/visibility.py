"""Which pages are private, remembered per content version so public lists skip Wagtail's query for it."""

from django.db.models import Q
from wagtail.models import Page, PageViewRestriction

from ..caches import per_content_version


def view_restrictions() -> list[tuple[int, str]]:
    """
    (restriction id, restricted page's tree path) for every page view restriction, per content
    version (a restriction's save or delete moves the version on: catalogue.signals).
    """
    return per_content_version("view-restrictions", _read_view_restrictions)


def _read_view_restrictions() -> list[tuple[int, str]]:
    # Two queries, not a join: with no restriction at all, SQLite's planner walks every page to join the
    # empty table (9 ms at 100,000 entries), and Wagtail's `public()` asks that join on every call.
    pages = dict(PageViewRestriction.objects.values_list("pk", "page_id"))
    paths = dict(Page.objects.filter(pk__in=set(pages.values())).values_list("pk", "path")) if pages else {}
    return sorted((pk, paths[page]) for pk, page in pages.items() if page in paths)


def without_private(pages):
    """`pages.public()` without its query for the restrictions: leaves out pages under any of them."""
    private = Q()
    for _, path in view_restrictions():
        private |= Q(path__startswith=path)
    return pages.exclude(private) if private else pages
