"""Open data plugs into the catalogue's pages through its hooks (see catalogue.extensions)."""

from django.http import Http404
from wagtail import hooks

from catalogue.extensions import (
    CATALOGUE_ROUTES_HOOK,
    CATALOGUE_SECTIONS_HOOK,
    ENTRY_ROUTES_HOOK,
    ENTRY_SECTIONS_HOOK,
    EntrySection,
)

from .routes import catalogue_routes, entry_routes

hooks.register(CATALOGUE_ROUTES_HOOK, catalogue_routes)
hooks.register(ENTRY_ROUTES_HOOK, entry_routes)


@hooks.register(ENTRY_SECTIONS_HOOK)
def entry_sections():
    """Citation metadata in the head, the old-version notice on top, citing and comparing at the foot."""
    return [
        EntrySection("head", "opendata/entry_head.html"),
        EntrySection("top", "opendata/entry_top.html"),
        EntrySection("footer", "opendata/entry_footer.html", order=200),
    ]


@hooks.register(CATALOGUE_SECTIONS_HOOK)
def catalogue_sections():
    """Feed and export links in the head and above the results; comparing entries on each card and below."""
    return [
        EntrySection("head", "opendata/search_head.html"),
        EntrySection("after_results", "opendata/search_links.html"),
        EntrySection("result_card", "opendata/compare_checkbox.html"),
        EntrySection("after_form", "opendata/compare_form.html"),
    ]


@hooks.register("before_serve_page", order=-1)
def restricted_pages_have_no_open_data(page, request, serve_args, serve_kwargs):
    """A restricted entry has no public versions or citation files (404, not a log-in prompt)."""
    match = getattr(request, "routable_resolver_match", None)
    if match is not None and getattr(match.func, "public_only", False) and page.get_view_restrictions().exists():
        raise Http404("Not published")
