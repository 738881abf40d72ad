"""Delete search records older than the retention period (run it daily, e.g. from cron)."""

from django.core.management.base import BaseCommand, CommandError

from catalogue.search.records import expire_records, keep_days


class Command(BaseCommand):
    help = (
        "Delete search records (words searched and entries found) older than SEARCH_RECORD_KEEP_DAYS "
        "(default 90) or --days."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="Keep this many days instead of the setting.")

    def handle(self, *args, days, **options):
        if days is not None and days < 0:
            raise CommandError("--days must be 0 or more.")
        deleted = expire_records(days)
        self.stdout.write(f"Deleted {deleted} search records older than {keep_days() if days is None else days} days.")
