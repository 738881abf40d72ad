"""
Admin report for editors: links that were broken or redirected when last checked, where each is
cited, when the links were last checked (or that they never were), and a button that queues a check of
the listed links on the task worker and returns at once; the report shows the run's progress.
"""

from collections import defaultdict

import django_filters
from django.contrib import messages
from django.db.models import F, Q
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.views.decorators.http import require_POST
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permissions import policy_registry

from catalogue.models import GuidancePage, InterventionPage, Reference

from .models import LinkCheckRun, LinkStatus
from .runs import last_finished_run, run_in_progress

RECHECK_LIMIT = 100  # the links the report lists, not the whole catalogue (the weekly command does that)

BROKEN = Q(error__gt="") | Q(status_code__isnull=True) | Q(status_code__gte=400)
REDIRECTED = ~BROKEN & ~Q(final_url="") & ~Q(final_url=F("url"))


def links_needing_attention(which: str = ""):
    """Broken or redirected links ("broken", "redirected" or "" for both), broken first."""
    if which == "broken":
        return LinkStatus.objects.filter(BROKEN)
    if which == "redirected":
        return LinkStatus.objects.filter(REDIRECTED)
    return LinkStatus.objects.filter(BROKEN | REDIRECTED)


def user_can_check_links(user) -> bool:
    return policy_registry.get_by_type(Page).user_has_any_permission(user, ["add", "change", "publish"])


def citations(urls) -> dict[str, list[str]]:
    """URL -> where it is cited ("Entry: Pause", "Reference: McCracken 2017 ..."), in a few queries."""
    cited = defaultdict(list)
    for title, url in InterventionPage.objects.filter(website__in=urls).values_list("title", "website"):
        cited[url].append(f"Entry: {title}")
    for title, url in GuidancePage.objects.filter(source_url__in=urls).values_list("title", "source_url"):
        cited[url].append(f"Entry: {title}")
    for reference in Reference.objects.filter(url__in=urls):
        cited[reference.url].append(f"Reference: {reference}")
    return cited


class LinkFilterSet(WagtailFilterSet):
    """Show broken links, redirected links, or both."""

    outcome = django_filters.ChoiceFilter(
        label="Outcome",
        method="filter_outcome",
        empty_label="Broken or redirected",
        choices=[("broken", "Broken"), ("redirected", "Redirected")],
    )

    class Meta:
        model = LinkStatus
        fields = []

    def filter_outcome(self, queryset, name, value):
        return queryset.filter(BROKEN if value == "broken" else REDIRECTED)


class BrokenLinksReportView(ReportView):
    """Links that failed or moved at their last check, for editors to fix at the source."""

    page_title = "Broken and redirected links"
    header_icon = "link"
    template_name = "linkcheck/report.html"
    model = LinkStatus
    filterset_class = LinkFilterSet
    index_url_name = "linkcheck:report"
    index_results_url_name = "linkcheck:report_results"
    any_permission_required = ["add", "change", "publish"]
    no_results_message = "No broken or redirected links at the last check."
    list_export = ["url", "outcome", "status_code", "final_url", "checked_at", "cited_in"]
    export_headings = {
        "url": "URL",
        "outcome": "Outcome",
        "status_code": "HTTP status",
        "final_url": "Final URL",
        "checked_at": "Checked",
        "cited_in": "Cited in",
    }
    columns = [
        Column("url", label="Link"),
        Column("outcome", label="Outcome"),
        Column("final_url", label="Ends up at", accessor=lambda link: link.final_url if link.is_redirected else ""),
        Column("checked", label="Checked", accessor=lambda link: f"{link.checked_at:%-d %b %Y %H:%M}"),
        Column("cited_in", label="Cited in"),
    ]

    @cached_property
    def permission_policy(self):
        return policy_registry.get_by_type(Page)

    def get_queryset(self):
        return links_needing_attention().order_by("-error", "-status_code", "url")

    def decorate_paginated_queryset(self, object_list):
        links = list(object_list)
        cited = citations([link.url for link in links])
        for link in links:
            link.cited_in = "; ".join(cited.get(link.url, [])) or "No longer cited"
        return links

    def to_row_dict(self, item):
        item.cited_in = "; ".join(citations([item.url]).get(item.url, []))
        return super().to_row_dict(item)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_recheck"] = user_can_check_links(self.request.user)
        context["recheck_limit"] = RECHECK_LIMIT
        context["running"] = run_in_progress()
        context["last_run"] = last_finished_run()
        context["never_checked"] = context["last_run"] is None and not LinkStatus.objects.exists()
        if context["never_checked"]:
            context["no_results_message"] = "Links have never been checked, so none is known to be broken."
        return context


@require_POST
def recheck_links(request):
    """Queue a check of the links the report lists (up to RECHECK_LIMIT); the worker runs it."""
    from .tasks import check_links_task

    if not user_can_check_links(request.user):
        messages.error(request, "You do not have permission to check links.")
        return redirect("linkcheck:report")
    if run_in_progress():
        messages.info(request, "A check is already under way; its progress is shown below.")
        return redirect("linkcheck:report")
    urls = list(links_needing_attention().values_list("url", flat=True)[:RECHECK_LIMIT])
    if not urls:
        messages.info(request, "There are no broken or redirected links to check again.")
        return redirect("linkcheck:report")
    run = LinkCheckRun.objects.create(
        trigger=LinkCheckRun.Trigger.REPORT, requested_by=request.user.get_username(), total=len(urls)
    )
    check_links_task.enqueue(run.pk, urls)
    messages.success(request, f"Checking {len(urls)} links again. This page shows how far the check has got.")
    return redirect("linkcheck:report")
