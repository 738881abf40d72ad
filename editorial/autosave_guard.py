"""
An autosave never rewrites a published revision.

Wagtail 8 autosaves the page editor (a JSON POST carrying `overwrite_revision_id`, the revision its earlier
autosaves wrote) and accepts it when that revision is the latest and the user's own. Its change check keeps
running while the form's own submit is in flight, so after "Approve and publish" (or "Publish") has published
the autosaved revision, a queued autosave can still land: it rewrote the content of the revision just
published (which the public version history reads) and marked the page "LIVE + DRAFT" with the same revision.
Refused here with Wagtail's own "invalid_revision" answer, which its script shows as a conflict to reload.
"""

from django.http import JsonResponse
from wagtail.models import Page

PUBLISHED_SINCE = "This entry was published since your last autosave. Reload the page to keep editing it."


def is_autosave(request) -> bool:
    """Wagtail's autosave posts asking for JSON; the editor's own buttons post HTML forms."""
    return request.method == "POST" and not request.accepts("text/html")


def autosave_over_published_revision(request, page):
    """Wagtail's `before_edit_page` hook: a JSON refusal for an autosave aimed at the live revision, else None."""
    if not is_autosave(request):
        return None
    overwrite = request.POST.get("overwrite_revision_id", "")
    if not overwrite:
        return None
    live_revision_id = Page.objects.filter(pk=page.pk).values_list("live_revision_id", flat=True).first()
    if live_revision_id is None or overwrite != str(live_revision_id):
        return None
    return JsonResponse(
        {"success": False, "error_code": "invalid_revision", "error_message": PUBLISHED_SINCE}, status=400
    )
