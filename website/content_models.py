"""
Which models feed the public site: the one registry the page cache (and the content version) reads.

Every model of the project's own apps is content, so that saving or deleting a row moves
`ContentVersion` on and every cached page and per-process list is rebuilt, unless it is listed in
`NOT_CONTENT` below with the reason. A model added to any app is therefore content from its first
migration: nobody has to remember to list it (an app list once left the family justice models out, and
an edited trend event stayed stale for ten minutes). Pages are covered by the publish signals instead.
"""

from pathlib import Path

from django.apps import apps
from django.conf import settings
from wagtail.models import Page

NOT_CONTENT = {
    "catalogue.ContentVersion": "the content version itself",
    "explorer.DataVersion": "the data wing's version, moved inside the transactions that move the content version",
    "catalogue.SearchRecord": "editors' log of searches, never shown publicly (written by one SQL upsert)",
    "editorial.EditorialPermission": "holds the editorial permissions only; it has no rows",
    "editorial.ImportedEntry": "the admin's record of which rows an import created; the pages it made publish",
    "linkcheck.LinkStatus": "written in bulk by the link checker; entry pages show its dates within the cache time",
}


def project_apps():
    """The site's own apps (not Django's, Wagtail's or other libraries'): those whose code is in this project."""
    base = Path(settings.BASE_DIR).resolve()
    return [
        config
        for config in apps.get_app_configs()
        if Path(config.path).resolve().is_relative_to(base) and ".venv" not in Path(config.path).parts
    ]


def content_models() -> list:
    """Every non-page model of the project's apps whose saves and deletes change what the public site shows."""
    return [
        model
        for config in project_apps()
        for model in config.get_models()
        if not issubclass(model, Page) and model._meta.label not in NOT_CONTENT
    ]
