"""Admin: research questions as snippets, and the reference import page with its menu item."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from catalogue.extensions import ENTRY_SECTIONS_HOOK, EntrySection

from .admin_views import can_import, import_references_view
from .models import ResearchQuestion


class ResearchQuestionViewSet(SnippetViewSet):
    model = ResearchQuestion
    icon = "help"
    menu_label = "Research questions"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["title", "status", "sort_order"]
    list_filter = ["status", "outcomes", "areas"]
    search_fields = ["title", "explanation"]


register_snippet(ResearchQuestionViewSet)


@hooks.register("register_admin_urls")
def register_import_url():
    return [path("evidence-map/import-references/", import_references_view, name="evidencemap_import_references")]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_import(request.user)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem("Import references", reverse("evidencemap_import_references"), icon_name="upload", order=220)


@hooks.register(ENTRY_SECTIONS_HOOK)
def entry_sections():
    """An entry lists the open research questions it bears on, before the citing section."""
    return [EntrySection("footer", "evidencemap/entry_questions.html", order=100)]
