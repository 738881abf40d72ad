"""The catalogue's one index page: faceted search over every entry, at whatever slug editors give it."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.models import Page

from ..extensions import CATALOGUE_ROUTES_HOOK, RegisteredRoutesMixin


class CatalogueIndexPage(RegisteredRoutesMixin, Page):
    """
    Practitioners search and filter all entries here; entries are created beneath it.

    The page owns its URL space: feature apps add routes beneath it (exports, feed) through the
    `register_catalogue_routes` hook, and link to them by name (see `catalogue.extensions`).
    """

    routes_hook = CATALOGUE_ROUTES_HOOK

    introduction = models.TextField(blank=True, help_text="Shown above the search box.")

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["website.HomePage"]
    subpage_types = [
        "catalogue.InterventionPage",
        "catalogue.GuidancePage",
        "catalogue.CaseStudyPage",
        "catalogue.LegislationPage",
        "catalogue.JudgmentPage",
        "catalogue.PracticeToolPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = "catalogue index"

    @path("")
    def index_route(self, request, *args, **kwargs):
        response = super().index_route(request, *args, **kwargs)
        # Every filter combination is its own URL: let crawlers follow links but index only the
        # unfiltered catalogue (and its plain page numbers), not every permutation.
        if set(request.GET) - {"page"}:
            response["X-Robots-Tag"] = "noindex"
        return response

    def get_context(self, request, *args, **kwargs):
        # Deferred: the search modules import catalogue.models, which imports this module.
        from ..places.search import narrowed_to_place, place_tiers, read_place
        from ..search.engine import log_search, run_search
        from ..search.facets import FACETS, SORTS
        from ..search.query import CatalogueQuery
        from ..search.snapshot import get_snapshot

        context = super().get_context(request, *args, **kwargs)
        snapshot = get_snapshot(previous_while_rebuilding=True)  # run_search checks what it shows
        query = CatalogueQuery.from_params(request.GET, snapshot.known_values())
        place = read_place(query.text) if query.text else None  # "Blackpool": its pages, then what applies there
        narrowed = narrowed_to_place(query, place, snapshot.known_values().get("region", ()))
        results = run_search(narrowed, snapshot, tiers=place_tiers(place, snapshot))
        log_search(results)  # the page's searches, and only the page's, go in the editors' search log
        context.update(
            results=results,
            query=query,
            place=place,
            facet_definitions=FACETS,
            sorts=SORTS,
        )
        return context
