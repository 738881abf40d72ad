"""Admin report: the searches practitioners make most often that find nothing or little."""

from django.utils.functional import cached_property
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from ..io.numbers import parse_int
from ..models import SearchRecord, SearchSynonymGroup
from .records import LOW_RESULTS, OTHER_SEARCHES, keep_days, searches_finding_little

PERIODS = (7, 30, 90)


def search_words(terms: str) -> str:
    """The words as searched, or what an "other searches" row stands for (its words were never kept)."""
    if terms.startswith(OTHER_SEARCHES):
        return "Other searches (words the catalogue does not know, or a number or email address: never kept)"
    return terms


class SearchesFindingLittleReport(ReportView):
    """Most frequent searches of the last 30 days (or ?days=7/90) whose words found at most two entries."""

    page_title = "Searches that found little"
    header_icon = "search"
    model = SearchRecord
    index_url_name = "catalogue_search_report:index"
    index_results_url_name = "catalogue_search_report:results"
    any_permission_required = ["add", "change"]
    list_export = ["terms", "searches", "results", "last_day"]
    export_headings = {
        "terms": "Search words",
        "searches": "Searches",
        "results": "Entries found (fewest)",
        "last_day": "Last searched",
    }
    columns = [
        Column("terms", label="Search words", accessor=lambda row: search_words(row["terms"])),
        Column("searches", label="Searches", accessor=lambda row: row["searches"]),
        Column("results", label="Entries found", accessor=lambda row: row["results"]),
        Column("last_day", label="Last searched", accessor=lambda row: row["last_day"].isoformat()),
    ]

    @cached_property
    def permission_policy(self):
        # Whoever may edit the search vocabulary needs to see what it is missing.
        return ModelPermissionPolicy(SearchSynonymGroup)

    @cached_property
    def days(self) -> int:
        days = parse_int(self.request.GET.get("days"))
        return days if days in PERIODS else 30

    @property
    def no_results_message(self):
        return f"No search in the last {self.days} days found {LOW_RESULTS} entries or fewer."

    def get_queryset(self):
        return searches_finding_little(days=self.days)

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["page_subtitle"] = (
            f"Last {self.days} days; words that found {LOW_RESULTS} entries or fewer. "
            f"Records older than {keep_days()} days are deleted."
        )
        return context
