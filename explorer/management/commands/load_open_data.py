"""Load the open data in fixtures/open-data/ and, if none exists yet, the SYNTHETIC example dataset."""

from django.core.management.base import BaseCommand

from explorer.open_data import load_all
from explorer.synthetic import ensure_synthetic_dataset


class Command(BaseCommand):
    help = "Load (or reload) the explorer's open data; add the synthetic newborn dataset if none exists. Idempotent."

    def add_arguments(self, parser):
        parser.add_argument("--no-synthetic", action="store_true", help="Do not add the synthetic example dataset.")

    def handle(self, *args, **options):
        for name, count in load_all().items():
            self.stdout.write(f"{name}: {count} rows")
        if not options["no_synthetic"]:
            dataset = ensure_synthetic_dataset()
            self.stdout.write(f"Synthetic newborn dataset created ({dataset.counts.count()} rows)." if dataset
                              else "A newborn dataset already exists; synthetic example not added.")
