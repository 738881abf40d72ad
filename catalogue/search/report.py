"""Admin report: the searches practitioners make most often that find nothing or little."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.functional import cached_property
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.contrib.search_promotions.views import CreateView as SearchPromotionCreateView
from wagtail.permission_policies import ModelPermissionPolicy

from ..io.numbers import parse_int
from ..models import SearchRecord
from .records import LOW_RESULTS, OTHER_SEARCHES, keep_days, normalise_terms, searches_finding_little

PERIODS = (7, 30, 90)


def recommend_url(row) -> str | None:
    """Wagtail's "promoted search result" form with these words filled in (none for other searches)."""
    if row["terms"].startswith(OTHER_SEARCHES):
        return None
    return reverse("catalogue_search_report:recommend") + "?" + urlencode({"q": row["terms"]})


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
    any_permission_required = ["view"]
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
        TitleColumn(
            "recommend",
            label="Recommended result",
            accessor=lambda row: "—" if row["terms"].startswith(OTHER_SEARCHES) else "Recommend a result",
            get_url=recommend_url,
        ),
    ]

    @cached_property
    def permission_policy(self):
        # Editors who may read search records (every editorial role) see what the catalogue is missing.
        return ModelPermissionPolicy(SearchRecord)

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


class RecommendForSearch(SearchPromotionCreateView):
    """Wagtail's form for a promoted search result, with the words from the report filled in."""

    def get_initial(self):
        return {**super().get_initial(), "query_string": normalise_terms(self.request.GET.get("q", ""))}
