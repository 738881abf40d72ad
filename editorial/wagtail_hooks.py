"""Admin wiring for the editorial workflow: rating log action, review-dates report and panel, CSV import."""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from catalogue.extensions import ENTRY_FORM_HOOK, REFERENCE_CREATION_FORM_HOOK

from .audit import RATING_LOG_ACTION, EvidenceRatingChanged
from .autosave_guard import autosave_over_published_revision
from .citations.autosave_paste import leave_paste_for_the_editors_save
from .citations.chooser_form import NewReferenceForm
from .citations.finder import reference_search
from .citations.views import ImportCitationsView, user_can_import_citations
from .forms import EntryPageForm
from .my_drafts import MyDraftsPanel
from .next_step import next_step_first
from .review_dates import ReviewDatesPanel, ReviewDatesReportView, user_sees_review_panel
from .review_tab import land_reviewers_on_review_tab
from .views import ImportEntriesView, import_template, user_can_import

editorial_urls = [
    path("import/", ImportEntriesView.as_view(), name="import_entries"),
    path("import/template.csv", import_template, name="import_template"),
    path("references/from-citation-manager/", ImportCitationsView.as_view(), name="import_citations"),
    path("references/search/", reference_search, name="reference_search"),
    path("reports/review-dates/", ReviewDatesReportView.as_view(), name="review_dates"),
    path(
        "reports/review-dates/results/", ReviewDatesReportView.as_view(results_only=True), name="review_dates_results"
    ),
]


@hooks.register("register_admin_urls")
def register_editorial_urls():
    return [path("editorial/", include((editorial_urls, "editorial"), namespace="editorial"))]


@hooks.register(ENTRY_FORM_HOOK)
def entry_page_form():
    """Entries are edited with the form that lets only reviewers change an evidence rating."""
    return EntryPageForm


@hooks.register("register_log_actions")
def register_evidence_rating_action(actions):
    actions.register_action(RATING_LOG_ACTION)(EvidenceRatingChanged)


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return user_can_import(request.user)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(
        "Import entries", reverse("editorial:import_entries"), name="import-entries", icon_name="upload", order=250
    )


class ReviewDatesMenuItem(MenuItem):
    def is_shown(self, request):
        return user_sees_review_panel(request.user)


@hooks.register("register_reports_menu_item")
def register_review_dates_report():
    return ReviewDatesMenuItem(
        "Review dates", reverse("editorial:review_dates"), name="review-dates", icon_name="date", order=50
    )


@hooks.register("construct_homepage_panels")
def add_review_dates_panel(request, panels):
    land_reviewers_on_review_tab(panels)
    if user_sees_review_panel(request.user):
        panels.append(MyDraftsPanel(request.user))
        panels.append(ReviewDatesPanel())


class CitationsMenuItem(MenuItem):
    def is_shown(self, request):
        return user_can_import_citations(request.user)


@hooks.register("register_admin_menu_item")
def register_citations_menu_item():
    return CitationsMenuItem(
        "Add references (BibTeX, RIS)",
        reverse("editorial:import_citations"),
        name="import-citations",
        icon_name="doc-full",
        order=260,
    )


@hooks.register("construct_page_action_menu")
def show_next_step_first(menu_items, request, context):
    next_step_first(menu_items)


@hooks.register(REFERENCE_CREATION_FORM_HOOK)
def reference_chooser_creation_form():
    """The reference chooser's 'Add a new reference' tab reads a pasted BibTeX or RIS record."""
    return NewReferenceForm


@hooks.register("before_edit_page")
def refuse_autosave_over_published_revision(request, page):
    return autosave_over_published_revision(request, page)


@hooks.register("before_edit_page")
def paste_waits_for_save_on_edit(request, page):
    return leave_paste_for_the_editors_save(request, page)


@hooks.register("before_create_page")
def paste_waits_for_save_on_create(request, parent_page, page_class):
    return leave_paste_for_the_editors_save(request, parent_page, page_class)
