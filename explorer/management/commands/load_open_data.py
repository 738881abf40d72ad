"""Load every published dataset of the data wing: fixtures/open-data/, infant-care/ and seed-questions/."""

from django.core.management.base import BaseCommand, CommandError

from explorer.loading import FixtureError, load_all
from explorer.models import NewbornCount, NewbornDataset


class Command(BaseCommand):
    help = (
        "Load (or reload) every dataset /data/ shows (open data, under-1 figures, family justice). Idempotent; "
        "a missing or malformed file stops the load with a message naming it, and the previous data are kept."
    )

    def handle(self, *args, **options):
        try:
            counts = load_all()
        except FixtureError as error:
            raise CommandError(f"Nothing was changed. {error}") from error
        for name, count in counts.items():
            self.stdout.write(f"{name}: {count} rows")
        # Earlier versions of the site shipped invented newborn figures against real LA codes.
        synthetic = NewbornDataset.objects.filter(is_synthetic=True)
        if synthetic.exists():
            NewbornCount.objects.filter(dataset__in=synthetic).delete()
            synthetic.delete()
            self.stdout.write("Removed the old synthetic (invented) newborn example dataset.")
