"""Admin: the dated, sourced events that editors set beside the national trend; this app's scatters on the
explorer's relationships page."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from catalogue.extensions import PLACE_INDEX_HOOK
from explorer.relationships import RELATIONSHIP_CHARTS_HOOK

from .models import TrendEvent
from .places import area_places
from .relationships import latest_scatters


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


@hooks.register(RELATIONSHIP_CHARTS_HOOK)
def family_justice_scatters():
    """Legal status, residential family centres and young parents against the rate of infants entering care."""
    return latest_scatters()


@hooks.register(PLACE_INDEX_HOOK)
def family_justice_areas_as_places():
    """A family justice area named in a catalogue search, or a town in its name ("Lancaster"), leads to its page."""
    return area_places()
