"""Check every source and reference URL in the catalogue and record what happened (see README: schedule)."""

from django.core.management.base import BaseCommand, CommandError

from catalogue.io.numbers import parse_int
from catalogue.models import ContentVersion
from linkcheck.checker import DEFAULT_DELAY, DEFAULT_TIMEOUT, DEFAULT_WORKERS, check_urls
from linkcheck.models import LinkStatus
from linkcheck.sources import catalogue_urls, record


class Command(BaseCommand):
    help = (
        "Fetch every entry website, guidance source document and reference link (hosts in parallel, "
        "one request at a time per host) and record status, final URL after redirects and errors."
    )

    def add_arguments(self, parser):
        parser.add_argument("--workers", default=str(DEFAULT_WORKERS), help="Hosts checked at once.")
        parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, help="Seconds per request.")
        parser.add_argument(
            "--delay", type=float, default=DEFAULT_DELAY, help="Seconds between two requests to the same host."
        )
        parser.add_argument("--url", action="append", default=[], help="Check only this URL (repeatable).")

    def handle(self, *args, **options):
        workers = parse_int(options["workers"])
        if workers is None or workers < 1:
            raise CommandError("--workers must be a whole number of at least 1.")
        if options["timeout"] <= 0 or options["delay"] < 0:
            raise CommandError("--timeout must be positive and --delay not negative.")
        urls = options["url"] or catalogue_urls()
        results = check_urls(
            urls, workers=workers, delay=options["delay"], timeout=options["timeout"], on_result=record
        )
        ContentVersion.bump()  # entry pages show the checked dates: let cached copies refresh
        checked = LinkStatus.objects.filter(url__in=[result.url for result in results])
        broken = sum(status.is_broken for status in checked)
        redirected = sum(status.is_redirected for status in checked)
        self.stdout.write(f"Checked {len(results)} links: {broken} broken, {redirected} redirected.")
