"""Write the SYNTHETIC example newborn file (the upload format) to a path, e.g. to try the upload form."""

from pathlib import Path

from django.core.management.base import BaseCommand

from explorer.synthetic import synthetic_csv


class Command(BaseCommand):
    help = "Write the deterministic SYNTHETIC newborn care-proceedings CSV (invented figures) to PATH."

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, *args, **options):
        Path(options["path"]).write_text(synthetic_csv(), encoding="utf-8")
        self.stdout.write(f"Wrote synthetic (invented) figures to {options['path']}.")
