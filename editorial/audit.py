"""
Make every evidence-rating change visible in Wagtail's page history and site history report.

Wagtail already logs edits, submissions, approvals and publications, and its revision compare shows the
changed fields. A rating is the claim practitioners rely on most, so a change to it also gets its own log
entry ("editorial.evidence_rating"), recorded when a revision carrying the new rating is saved, whoever
saves it and however (editor, import, shell).
"""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.log_actions import LogFormatter, log
from wagtail.models import Revision

from catalogue.models import EntryPage, EvidenceLevel

RATING_LOG_ACTION = "editorial.evidence_rating"


class EvidenceRatingChanged(LogFormatter):
    """Shown in page history as, e.g., "Evidence rating changed from Not yet rated to Promising"."""

    label = "Change evidence rating"

    def format_message(self, log_entry):
        data = log_entry.data
        if data.get("level_before") == data.get("level_after"):
            return f"Evidence rating rationale or date changed ({data.get('level_after')})"
        return f"Evidence rating changed from {data.get('level_before') or 'none'} to {data.get('level_after')}"

    def format_comment(self, log_entry):
        return log_entry.data.get("rationale", "")


def rating_of(content: dict | None) -> tuple:
    """The rating as stored in a revision's serialised content: (level id, rationale, rated-on)."""
    if not content:
        return (None, "", None)
    rated_on = content.get("evidence_rated_on")
    # A just-saved revision holds a date object; one read back from the database holds its ISO string.
    rated_on = rated_on.isoformat() if hasattr(rated_on, "isoformat") else (rated_on or None)
    return (content.get("evidence_level"), content.get("evidence_rationale") or "", rated_on)


@receiver(post_save, sender=Revision, dispatch_uid="editorial-evidence-rating-audit")
def log_evidence_rating_change(sender, instance: Revision, created, raw=False, **kwargs):
    if not created or raw or "evidence_level" not in (instance.content or {}):
        return
    previous = (
        Revision.objects.filter(
            base_content_type_id=instance.base_content_type_id,
            object_id=instance.object_id,
            created_at__lte=instance.created_at,
        )
        .exclude(pk=instance.pk)
        .order_by("-created_at", "-pk")
        .first()
    )
    after = rating_of(instance.content)
    if previous is not None:
        before = rating_of(previous.content)
    else:  # a new entry starts "Not yet rated": only a real first rating is worth an entry
        unrated = EvidenceLevel.objects.filter(kind=EvidenceLevel.Kind.UNRATED).values_list("pk", flat=True).first()
        before = (unrated, "", None)
    if before == after:
        return
    names = dict(EvidenceLevel.objects.filter(pk__in=[before[0], after[0]]).values_list("pk", "name"))
    page = EntryPage.objects.get(pk=instance.object_id).specific
    log(
        instance=page,
        action=RATING_LOG_ACTION,
        user=instance.user,
        revision=instance,
        data={
            "level_before": names.get(before[0]),
            "level_after": names.get(after[0]),
            "rationale": after[1],
            "rated_on": after[2],
        },
    )
