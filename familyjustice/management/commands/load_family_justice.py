"""Load (or reload) fixtures/seed-questions/: DFJ areas, legal status, residential family centres, conceptions."""

from django.core.management.base import BaseCommand, CommandError

from familyjustice.loading import FixtureError, load_all


class Command(BaseCommand):
    help = (
        "Load the family-justice data in fixtures/seed-questions/ (idempotent, all-or-nothing: a bad file "
        "stops the load, naming the file and row, and the previous data stay)."
    )

    def handle(self, *args, **options):
        try:
            counts = load_all()
        except FixtureError as error:
            raise CommandError(f"Nothing was changed. {error}") from None
        for name, count in counts.items():
            self.stdout.write(f"{name}: {count} rows")
