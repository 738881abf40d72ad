"""Admin: the dated, sourced events that editors set beside the national trend."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import TrendEvent


class TrendEventViewSet(SnippetViewSet):
    model = TrendEvent
    icon = "date"
    menu_label = "Trend events"
    menu_order = 265
    add_to_admin_menu = True
    list_display = ["title", "date", "date_precision", "source_title"]
    list_filter = ["date_precision"]
    search_fields = ["title", "description", "source_title"]
    ordering = ["date"]


register_snippet(TrendEventViewSet)
