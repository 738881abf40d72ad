"""Admin: the catalogue's vocabularies and references as filterable snippet listings."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import AreaOfPractice, EvidenceLevel, LocalAuthority, Outcome, Reference, Region, Stage, Topic


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


class CatalogueSnippets(SnippetViewSetGroup):
    """Everything editors manage besides pages, under one 'Catalogue' menu."""

    menu_label = "Catalogue"
    menu_icon = "folder-open-1"
    menu_order = 200
    items = (
        ReferenceViewSet, AreaOfPracticeViewSet, StageViewSet, TopicViewSet, OutcomeViewSet,
        RegionViewSet, LocalAuthorityViewSet, EvidenceLevelViewSet,
    )


register_snippet(CatalogueSnippets)
