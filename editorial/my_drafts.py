"""
Dashboard panel "Your drafts": entries whose latest unpublished revision is the user's, with where each
stands (a draft to submit, in review, or sent back). Wagtail's own "Awaiting your review" panel lists what
waits for a reviewer, and the review-dates panel what is due for review: the three together are the next steps.
"""

from wagtail.admin.ui.components import Component

from catalogue.models import EntryPage

PANEL_LIMIT = 8


def my_drafts(user):
    return (
        EntryPage.objects.filter(has_unpublished_changes=True, latest_revision__user=user)
        .select_related("latest_revision")
        .order_by("-latest_revision_created_at")
    )


def draft_status(entry) -> str:
    state = entry.current_workflow_state
    if state is None:
        return "Draft: submit it for review when ready"
    if state.status == state.STATUS_NEEDS_CHANGES:
        return "Sent back: see the reviewer's comment"
    return "In review"


class MyDraftsPanel(Component):
    name = "my_drafts"
    order = 90
    template_name = "editorial/my_drafts_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        entries = list(my_drafts(self.user)[:PANEL_LIMIT])
        for entry in entries:
            entry.draft_status = draft_status(entry)
        return {"entries": entries, "heading": f"Your drafts: {my_drafts(self.user).count()}"}
