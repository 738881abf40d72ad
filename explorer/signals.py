"""
What moves the data version (explorer.models.data_version): a save or delete of any row the data wing's figures
are worked out from. That is every model of this app but its page and the version itself, and the two catalogue
models its charts name places by: a local authority and a region. Anything else a data page shows (the entries
that apply in a place, research questions, the page's own prose) is read per request, not kept per data version.
"""

from django.apps import apps
from wagtail.models import Page

from catalogue.models import LocalAuthority, Region
from catalogue.row_changes import on_row_changes

from .models import DataVersion


def data_models() -> list:
    own = [model for model in apps.get_app_config("explorer").get_models() if not issubclass(model, Page)]
    return [model for model in own if model is not DataVersion] + [LocalAuthority, Region]


def _data_changed(sender, **kwargs):
    DataVersion.move_on()


def connect() -> None:
    on_row_changes(data_models(), _data_changed, "data-version")
