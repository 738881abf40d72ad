"""Admin wiring: the broken-links report under Reports, and its re-check action; on entry pages, the date
each source link was last checked (a section of the entry page, through the catalogue's hook)."""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from catalogue.extensions import ENTRY_SECTIONS_HOOK, EntrySection

from .admin_views import BrokenLinksReportView, recheck_links, user_can_check_links

linkcheck_urls = [
    path("", BrokenLinksReportView.as_view(), name="report"),
    path("results/", BrokenLinksReportView.as_view(results_only=True), name="report_results"),
    path("recheck/", recheck_links, name="recheck"),
]


@hooks.register("register_admin_urls")
def register_linkcheck_urls():
    return [path("reports/links/", include((linkcheck_urls, "linkcheck"), namespace="linkcheck"))]


class BrokenLinksMenuItem(MenuItem):
    def is_shown(self, request):
        return user_can_check_links(request.user)


@hooks.register("register_reports_menu_item")
def register_broken_links_report():
    return BrokenLinksMenuItem(
        "Broken links", reverse("linkcheck:report"), name="broken-links", icon_name="link", order=60
    )


@hooks.register(ENTRY_SECTIONS_HOOK)
def entry_sections():
    return [EntrySection("after_references", "linkcheck/entry_sources_section.html")]
