"""Admin wiring: the newborn-data upload and the list of versions, for users allowed to add datasets."""

from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from catalogue.extensions import PLACE_INDEX_HOOK
from catalogue.places.vocabulary_places import local_authority_places

from .admin_views import NewbornDatasetListView, NewbornUploadView, user_can_upload

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


@hooks.register(PLACE_INDEX_HOOK)
def local_authorities_as_places():
    """A local authority named in a catalogue search (in English or Welsh) leads to its profile."""
    return local_authority_places(lambda ons_code: reverse("explorer:local_authority", args=[ons_code]))
