"""
A reviewer lands where their work is: a link to an entry waiting for review (the dashboard's "Awaiting your
review" panel, the email telling reviewers of a submission) or due for review (the review-dates panel) opens
its edit form on "Evidence and review", where the rating, its rationale, the studies it rests on and the
review dates are set, so the reviewer does not look for the tab.

Wagtail's tabbed edit form (the `w-tabs` Stimulus controller, with `data-w-tabs-use-location-value`) opens on
the panel the URL's fragment names when there is one (`locationPanelId` before the first tab), so the link
carries the fragment; the server renders the form as always. Pages other than entries have no such tab.
"""

from django.urls import reverse
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel

from catalogue.models import EntryPage

# The id Wagtail gives the entry form's tab panel headed "Evidence and review" ("tab-" + the heading in lower
# case, spaces as underscores); tests/editorial/test_review_tab.py checks the edit form still has it.
REVIEW_TAB = "tab-evidence_and_review"


def with_review_tab(url: str, page) -> str:
    """The edit URL of `page`, opening on the review tab when the page is an entry."""
    if url and isinstance(page, EntryPage):
        return f"{url}#{REVIEW_TAB}"
    return url


def review_url(page) -> str:
    """`page` as its own type (Wagtail's notices hold the specific page; a panel's entries are EntryPages)."""
    return with_review_tab(reverse("wagtailadmin_pages:edit", args=[page.pk]), page)


class ReviewTabURLFinder(AdminURLFinder):
    """Edit links of entries open on the review tab (the panel's template asks the context's finder)."""

    def get_edit_url(self, instance):
        return with_review_tab(super().get_edit_url(instance), instance)


class AwaitingYourReviewPanel(WorkflowObjectsToModeratePanel):
    """Wagtail's "Awaiting your review" panel, unchanged but for where its links to entries land.

    Its template asks `{% admin_edit_url obj %}`, which uses the finder kept in the context under
    `admin_url_finder` when there is one (wagtailadmin_tags.admin_edit_url): this panel puts its own there.
    """

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["admin_url_finder"] = ReviewTabURLFinder(parent_context["request"].user)
        return context


def land_reviewers_on_review_tab(panels: list) -> None:
    """Swap Wagtail's panel for the one whose entry links open on the review tab, in the same place."""
    for index, panel in enumerate(panels):
        if type(panel) is WorkflowObjectsToModeratePanel:
            panels[index] = AwaitingYourReviewPanel()
