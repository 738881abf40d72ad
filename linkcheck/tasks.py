"""The link checker on the task queue: "Check again now" in the report queues this; the worker runs it."""

from django_tasks import task

from .checker import Budget
from .models import LinkCheckRun
from .runs import run_checks

# A run from the report checks at most RECHECK_LIMIT links (admin_views), within this budget.
REPORT_RUN_SECONDS = 10 * 60.0
REPORT_HOST_SECONDS = 2 * 60.0
REPORT_TIMEOUT = 10.0


@task(backend="background")
def check_links_task(run_id: int, urls: list[str]) -> str:
    run = LinkCheckRun.objects.filter(pk=run_id).first()
    if run is None or run.is_finished:
        return "skipped: no such run waiting"
    budget = Budget(run_seconds=REPORT_RUN_SECONDS, host_seconds=REPORT_HOST_SECONDS)
    results = run_checks(run, urls, timeout=REPORT_TIMEOUT, budget=budget)
    return f"checked {sum(not result.skipped for result in results)} of {len(results)} links"
