"""Create N clearly synthetic, published catalogue entries (for benchmarks)."""

from django.core.management.base import BaseCommand, CommandError

from demo.site_tree import ensure_site_tree
from demo.synthetic import generate_entries


class Command(BaseCommand):
    help = "Append N synthetic interventions (titled 'Synthetic entry …') to the catalogue, indexed for search."

    def add_arguments(self, parser):
        parser.add_argument("count", type=int)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, count, seed, **options):
        if count < 1:
            raise CommandError("Give a positive number of entries.")
        _, catalogue = ensure_site_tree()
        generate_entries(count, catalogue, seed=seed)
        self.stdout.write(f"Created {count} synthetic entries.")
