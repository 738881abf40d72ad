"""Admin: the catalogue's vocabularies, references and search vocabulary; the searches-that-found-little report."""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .extensions import PLACE_INDEX_HOOK
from .models import (
    AreaOfPractice,
    EvidenceLevel,
    LocalAuthority,
    Outcome,
    Reference,
    Region,
    SearchSynonymGroup,
    Stage,
    Topic,
)
from .places.vocabulary_places import region_places
from .reference_chooser import ReferenceChooserViewSet
from .search.report import RecommendForSearch, SearchesFindingLittleReport


class TermViewSet(SnippetViewSet):
    """A vocabulary listing: name, slug and display order, searchable."""

    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]


class AreaOfPracticeViewSet(TermViewSet):
    model = AreaOfPractice
    icon = "folder-open-inverse"


class StageViewSet(TermViewSet):
    model = Stage
    icon = "list-ol"


class TopicViewSet(TermViewSet):
    model = Topic
    icon = "tag"


class OutcomeViewSet(TermViewSet):
    model = Outcome
    icon = "success"


class RegionViewSet(TermViewSet):
    model = Region
    icon = "site"
    list_display = ["name", "code", "kind", "slug"]
    list_filter = ["kind"]


class LocalAuthorityViewSet(SnippetViewSet):
    model = LocalAuthority
    icon = "home"
    list_display = ["name", "ons_code", "dfe_number", "region", "country"]
    list_filter = ["region", "country"]
    search_fields = ["name"]


class EvidenceLevelViewSet(SnippetViewSet):
    model = EvidenceLevel
    icon = "pick"
    list_display = ["rank", "name", "kind", "crosswalk"]
    ordering = ["rank"]


class ReferenceViewSet(SnippetViewSet):
    model = Reference
    icon = "doc-full"
    list_display = ["title", "authors", "year", "design", "country"]
    list_filter = ["design", "country", "outcomes"]
    search_fields = ["title", "authors"]
    chooser_viewset_class = ReferenceChooserViewSet


class SearchSynonymGroupViewSet(SnippetViewSet):
    """The search vocabulary: groups of words, phrases and acronyms that mean one thing."""

    model = SearchSynonymGroup
    icon = "search"
    menu_label = "Search synonyms"
    list_display = ["__str__", "note"]
    search_fields = ["terms", "note"]


class CatalogueSnippets(SnippetViewSetGroup):
    """Everything editors manage besides pages, under one 'Catalogue' menu."""

    menu_label = "Catalogue"
    menu_icon = "folder-open-1"
    menu_order = 200
    items = (
        ReferenceViewSet,
        AreaOfPracticeViewSet,
        StageViewSet,
        TopicViewSet,
        OutcomeViewSet,
        RegionViewSet,
        LocalAuthorityViewSet,
        EvidenceLevelViewSet,
        SearchSynonymGroupViewSet,
    )


register_snippet(CatalogueSnippets)


search_report_urls = [
    path("", SearchesFindingLittleReport.as_view(), name="index"),
    path("results/", SearchesFindingLittleReport.as_view(results_only=True), name="results"),
    path("recommend/", RecommendForSearch.as_view(), name="recommend"),
]


@hooks.register("register_admin_urls")
def register_search_report_urls():
    return [
        path(
            "reports/searches-finding-little/",
            include((search_report_urls, "catalogue_search_report"), namespace="catalogue_search_report"),
        )
    ]


class SearchReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("catalogue.view_searchrecord")


@hooks.register("register_reports_menu_item")
def register_search_report_menu_item():
    return SearchReportMenuItem(
        "Searches that found little",
        reverse("catalogue_search_report:index"),
        name="searches-finding-little",
        icon_name="search",
        order=60,
    )


@hooks.register(PLACE_INDEX_HOOK)
def catalogue_regions_as_places():
    """Regions named in a search lead to the entries that apply there."""
    return region_places()
