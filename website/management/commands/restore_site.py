"""Replace the database's content with a backup made by `backup_site`, then rebuild the search index."""

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = "Restore a backup_site JSON file into this database (its current content is replaced)."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--no-input", action="store_true", help="Do not ask for confirmation.")

    def handle(self, *args, path, no_input, **options):
        if not no_input and input("This replaces all content in the database. Type 'yes' to go on: ") != "yes":
            self.stdout.write("Nothing changed.")
            return
        call_command("flush", interactive=False, verbosity=0)
        with transaction.atomic():
            call_command("loaddata", path, verbosity=0)
        call_command("update_index", verbosity=0)
        from catalogue.models import ContentVersion

        ContentVersion.bump()
        self.stdout.write(f"Restored from {path}.")
