"""Admin wiring for the editorial workflow: log action, review-dates report and panel, CSV import."""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .audit import RATING_LOG_ACTION, EvidenceRatingChanged


@hooks.register("register_log_actions")
def register_evidence_rating_action(actions):
    actions.register_action(RATING_LOG_ACTION)(EvidenceRatingChanged)
