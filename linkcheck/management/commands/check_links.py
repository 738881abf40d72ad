"""Check every source and reference URL in the catalogue and record what happened (schedule: docs/deployment.md)."""

from django.core.management.base import BaseCommand, CommandError

from catalogue.io.numbers import parse_int
from linkcheck.checker import DEFAULT_DELAY, DEFAULT_RUN_SECONDS, DEFAULT_TIMEOUT, DEFAULT_WORKERS, Budget
from linkcheck.models import LinkCheckRun, LinkStatus
from linkcheck.runs import run_checks
from linkcheck.sources import catalogue_urls


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
        parser.add_argument(
            "--max-minutes",
            type=float,
            default=DEFAULT_RUN_SECONDS / 60,
            help="Stop after this long; links not reached keep their last result.",
        )

    def handle(self, *args, **options):
        workers = parse_int(options["workers"])
        if workers is None or workers < 1:
            raise CommandError("--workers must be a whole number of at least 1.")
        if options["timeout"] <= 0 or options["delay"] < 0 or options["max_minutes"] <= 0:
            raise CommandError("--timeout and --max-minutes must be positive and --delay not negative.")
        urls = options["url"] or catalogue_urls()
        run = LinkCheckRun.objects.create(trigger=LinkCheckRun.Trigger.SCHEDULE, total=len(urls))
        budget = Budget(run_seconds=options["max_minutes"] * 60)
        results = run_checks(
            run, urls, workers=workers, delay=options["delay"], timeout=options["timeout"], budget=budget
        )
        reached = [result.url for result in results if not result.skipped]
        checked = LinkStatus.objects.filter(url__in=reached)
        broken = sum(status.is_broken for status in checked)
        redirected = sum(status.is_redirected for status in checked)
        left = len(results) - len(reached)
        note = f" {left} not reached in time." if left else ""
        self.stdout.write(f"Checked {len(reached)} links: {broken} broken, {redirected} redirected.{note}")
