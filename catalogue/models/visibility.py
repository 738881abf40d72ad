"""Which pages are private, remembered per content version so public lists skip Wagtail's query for it."""

from django.db.models import Q
from wagtail.models import PageViewRestriction

from ..caches import per_content_version


def view_restrictions() -> list[tuple[int, str]]:
    """
    (restriction id, restricted page's tree path) for every page view restriction, per content
    version (a restriction's save or delete moves the version on: catalogue.signals).
    """
    return per_content_version(
        "view-restrictions", lambda: list(PageViewRestriction.objects.values_list("pk", "page__path"))
    )


def without_private(pages):
    """`pages.public()` without its query for the restrictions: leaves out pages under any of them."""
    private = Q()
    for _, path in view_restrictions():
        private |= Q(path__startswith=path)
    return pages.exclude(private) if private else pages
