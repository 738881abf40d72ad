"""
What moves the data version (explorer.models.data_version): a save or delete of any row the data wing's figures
are worked out from. That is every model of this app but its page and the version itself, and the two catalogue
models its charts name places by: a local authority and a region. Anything else a data page shows (the entries
that apply in a place, research questions, the page's own prose) is read per request, not kept per data version.
"""

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Page

from catalogue.models import LocalAuthority, Region

from .models import DataVersion


def data_models() -> list:
    own = [model for model in apps.get_app_config("explorer").get_models() if not issubclass(model, Page)]
    return [model for model in own if model is not DataVersion] + [LocalAuthority, Region]


def _data_changed(sender, **kwargs):
    DataVersion.move_on()


def connect() -> None:
    for model in data_models():
        uid = f"data-version-{model._meta.label}"
        post_save.connect(_data_changed, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(_data_changed, sender=model, dispatch_uid=f"{uid}-delete")
        for field in model._meta.many_to_many:
            m2m_changed.connect(_data_changed, sender=field.remote_field.through, dispatch_uid=f"{uid}-{field.name}")
