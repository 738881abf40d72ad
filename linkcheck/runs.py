"""
Running the link checker as a recorded run, from the weekly command or from the task worker, and
queueing a run from the report ("Check again now" returns at once; the report fills in).
"""

from datetime import timedelta

from django.db.models import F
from django.utils import timezone

from catalogue.models import ContentVersion

from .checker import Budget, check_urls
from .models import LinkCheckRun
from .sources import record

# A run still unfinished this long after it was queued has died with its worker: another may start.
STALE_RUN = timedelta(hours=2)


def run_checks(run: LinkCheckRun, urls: list[str], **options) -> list:
    """Check `urls`, saving each result and the run's progress as they arrive."""
    urls = list(dict.fromkeys(urls))
    LinkCheckRun.objects.filter(pk=run.pk).update(started_at=timezone.now(), total=len(urls))

    def save(result):
        record(result)
        counter = "not_reached" if result.skipped else "checked"
        LinkCheckRun.objects.filter(pk=run.pk).update(**{counter: F(counter) + 1})

    try:
        results = check_urls(urls, budget=options.pop("budget", None) or Budget(), on_result=save, **options)
    except Exception as error:
        LinkCheckRun.objects.filter(pk=run.pk).update(finished_at=timezone.now(), error=str(error)[:300])
        raise
    LinkCheckRun.objects.filter(pk=run.pk).update(finished_at=timezone.now())
    ContentVersion.bump()  # entry pages show the checked dates: let cached copies refresh
    return results


def run_in_progress() -> LinkCheckRun | None:
    """A run queued or running now (not one abandoned long ago)."""
    recent = timezone.now() - STALE_RUN
    return LinkCheckRun.objects.filter(finished_at__isnull=True, queued_at__gte=recent).first()


def last_finished_run() -> LinkCheckRun | None:
    return LinkCheckRun.objects.filter(finished_at__isnull=False).order_by("-finished_at").first()
