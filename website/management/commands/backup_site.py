"""Write every piece of site content to one JSON file that `restore_site` can load into an empty database."""

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand

# Derived or per-install tables: rebuilt by migrate, update_index or at run time, never backed up.
EXCLUDED = [
    "contenttypes",
    "auth.permission",
    "sessions",
    "wagtailsearch",
    "wagtailcore.referenceindex",
    "axes",
    "catalogue.contentversion",
    "explorer.dataversion",  # like the content version, a counter each process reads, not content; a restore moves it
]


class Command(BaseCommand):
    help = "Back up all content (pages, revisions, snippets, users, data sets) to a JSON file."

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, *args, path, **options):
        # Unmanaged models (permission holders and the like) have no table to dump.
        unmanaged = [model._meta.label for model in apps.get_models() if not model._meta.managed]
        call_command("dumpdata", natural_foreign=True, exclude=EXCLUDED + unmanaged, indent=1, output=path, verbosity=0)
        self.stdout.write(f"Backed up to {path}.")
