"""
Review dates: which entries are overdue for review or due soon. An admin report (filterable by area of
practice and region) and a dashboard panel read the same query.
"""

import datetime

import django_filters
from django import forms
from django.db.models import F, Q
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permissions import policy_registry

from catalogue.io.spreadsheets import safe_cell
from catalogue.models import AreaOfPractice, EntryPage, Region

SOON_DAYS = 60
PANEL_LIMIT = 8


def due_for_review(today: datetime.date | None = None, which: str = ""):
    """
    Entries never reviewed, overdue, or due within SOON_DAYS ("never", "overdue", "soon", "" for all):
    never-reviewed first (an entry nobody has checked is the most urgent), then the most overdue.
    """
    today = today or timezone.localdate()
    soon = today + datetime.timedelta(days=SOON_DAYS)
    never = Q(last_reviewed__isnull=True, next_review_due__isnull=True)
    entries = EntryPage.objects.all()
    if which == "never":
        entries = entries.filter(never)
    elif which == "overdue":
        entries = entries.filter(next_review_due__lt=today)
    elif which == "soon":
        entries = entries.filter(next_review_due__gte=today, next_review_due__lte=soon)
    else:
        entries = entries.filter(never | Q(next_review_due__lte=soon))
    return entries.order_by(F("next_review_due").asc(nulls_first=True), "title")


def _date(value: datetime.date | None) -> str:
    return f"{value.day} {value:%b %Y}" if value else "Not recorded"


def describe_due(entry: EntryPage, today: datetime.date | None = None) -> str:
    """e.g. "Overdue by 12 days", "Due today", "Due in 30 days"."""
    if entry.next_review_due is None:
        return "Never reviewed"
    days = (entry.next_review_due - (today or timezone.localdate())).days
    if days < 0:
        return f"Overdue by {-days} day{'s' if days != -1 else ''}"
    if days == 0:
        return "Due today"
    return f"Due in {days} day{'s' if days != 1 else ''}"


class ReviewDatesFilterSet(WagtailFilterSet):
    """Narrow the report to an area of practice, a region, or overdue / soon-due entries only."""

    due = django_filters.ChoiceFilter(
        label="Review",
        method="filter_due",
        empty_label="Never reviewed, overdue or due within 60 days",
        choices=[("never", "Never reviewed"), ("overdue", "Overdue"), ("soon", f"Due within {SOON_DAYS} days")],
    )
    area = django_filters.ModelMultipleChoiceFilter(
        label="Area of practice",
        field_name="areas",
        queryset=AreaOfPractice.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        distinct=True,
    )
    region = django_filters.ModelMultipleChoiceFilter(
        label="Region",
        field_name="regions",
        queryset=Region.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        distinct=True,
    )

    class Meta:
        model = EntryPage
        fields = []

    def filter_due(self, queryset, name, value):
        today = timezone.localdate()
        if value == "never":
            return queryset.filter(next_review_due__isnull=True)
        if value == "overdue":
            return queryset.filter(next_review_due__lt=today)
        if value == "soon":
            return queryset.filter(next_review_due__gte=today)
        return queryset


class ReviewDatesReportView(ReportView):
    """Admin report: entries never reviewed, then those whose next review is overdue or due within 60 days."""

    page_title = "Review dates"
    header_icon = "date"
    model = EntryPage
    filterset_class = ReviewDatesFilterSet
    index_url_name = "editorial:review_dates"
    index_results_url_name = "editorial:review_dates_results"
    any_permission_required = ["add", "change", "publish"]
    no_results_message = "No entries are unreviewed, overdue or due for review in the next 60 days."
    list_export = ["title", "entry_type_label", "next_review_due", "review_status", "last_reviewed", "live"]
    export_headings = {
        "entry_type_label": "Type",
        "next_review_due": "Review due",
        "review_status": "Status",
        "last_reviewed": "Last reviewed",
        "live": "Published",
    }
    columns = [
        TitleColumn("title", label="Entry", url_name="wagtailadmin_pages:edit"),
        Column("entry_type_label", label="Type"),
        # Plain dates: Wagtail's DateColumn reads "just now" for any date in the future.
        Column("review_due", label="Review due", accessor=lambda entry: _date(entry.next_review_due)),
        Column("review_status", label="Status"),
        Column("reviewed", label="Last reviewed", accessor=lambda entry: _date(entry.last_reviewed)),
        Column("published", label="Published", accessor=lambda entry: "Yes" if entry.live else "Draft only"),
    ]

    @cached_property
    def permission_policy(self):
        return policy_registry.get_by_type(Page)

    def get_queryset(self):
        return due_for_review().specific()

    def decorate_paginated_queryset(self, object_list):
        today = timezone.localdate()
        for entry in object_list:
            entry.review_status = describe_due(entry, today)
        return object_list

    def to_row_dict(self, item):
        item.review_status = describe_due(item)
        return super().to_row_dict(item)

    def preprocess_field_value(self, field, value, export_format):
        """Text goes through the site's one spreadsheet guard: a title like =HYPERLINK(...) stays text."""
        value = super().preprocess_field_value(field, value, export_format)
        return safe_cell(value) if isinstance(value, str) else value


class ReviewDatesPanel(Component):
    """Dashboard panel: the entries most overdue for review, linking to the full report."""

    name = "review_dates"
    order = 150
    template_name = "editorial/review_dates_panel.html"

    def get_context_data(self, parent_context):
        today = timezone.localdate()
        entries = list(due_for_review(today)[:PANEL_LIMIT])
        for entry in entries:
            entry.review_status = describe_due(entry, today)
        total, overdue = due_for_review(today).count(), due_for_review(today, "overdue").count()
        never = due_for_review(today, "never").count()
        return {
            "entries": entries,
            "soon_days": SOON_DAYS,
            "heading": f"Reviews due: {never} never reviewed, {overdue} overdue, {total} in all",
        }


def user_sees_review_panel(user) -> bool:
    return policy_registry.get_by_type(Page).user_has_any_permission(user, ["add", "change", "publish"])
