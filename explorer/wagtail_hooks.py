"""Admin wiring: the newborn-data upload and the list of versions, for users allowed to add datasets; the
dated, sourced trend events editors set beside the national trend."""

from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from catalogue.extensions import PLACE_INDEX_HOOK
from catalogue.places.vocabulary_places import local_authority_places

from .admin_views import NewbornDatasetListView, NewbornUploadView, user_can_upload
from .links import data_home_url, data_url
from .models import TrendEvent
from .places import area_places

admin_urls = [
    path("", NewbornDatasetListView.as_view(), name="datasets"),
    path("upload/", NewbornUploadView.as_view(), name="upload"),
]


@hooks.register("register_admin_urls")
def register_explorer_admin_urls():
    return [path("newborn-data/", include((admin_urls, "explorer_admin"), namespace="explorer_admin"))]


class NewbornDataMenuItem(MenuItem):
    def is_shown(self, request):
        return user_can_upload(request.user)


@hooks.register("register_admin_menu_item")
def register_newborn_data_menu_item():
    return NewbornDataMenuItem(
        "Newborn data", reverse("explorer_admin:datasets"), name="newborn-data", icon_name="table", order=260
    )


@hooks.register("register_permissions")
def register_newborn_data_permissions():
    return Permission.objects.filter(content_type__app_label="explorer", codename="add_newborndataset")


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


@hooks.register(PLACE_INDEX_HOOK)
def local_authorities_as_places():
    """A local authority named in a catalogue search (in English or Welsh) leads to its profile."""
    if not data_home_url():
        return []  # no live data page: no profiles to lead to
    return local_authority_places(lambda ons_code: data_url("local_authority", ons_code))


@hooks.register(PLACE_INDEX_HOOK)
def family_justice_areas_as_places():
    """A family justice area named in a catalogue search, or a town in its name ("Lancaster"), leads to its page."""
    return area_places() if data_home_url() else []
