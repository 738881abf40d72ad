"""
A submit that races Wagtail's first autosave of a new page is sent on to the page that autosave created.

Wagtail 8 autosaves the create form, and its first autosave creates the page. An editor who clicks "Submit for
review" (or "Save draft") while that autosave is still on its way posts the create form a second time: the
second request checks the slug before the autosave has added the page, then fails when it adds the page
itself (Wagtail's `add_child` raises a ValidationError on the taken slug), which was a server error and lost
the click. Here that error becomes a 307 to the new page's edit view: the browser posts the same form, whole,
there, and the submit goes through as an edit of the page the autosave made. (editorial/autosave_guard.py
handles the other autosave race, after publishing.)
"""

from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.urls import reverse
from wagtail.models import Page

CREATE_VIEW = "wagtailadmin_pages:add"


class SubmitRacingAutosaveMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        match = request.resolver_match
        if not _slug_taken(exception) or request.method != "POST":
            return None
        if match is None or match.view_name != CREATE_VIEW or not request.user.is_authenticated:
            return None
        page = _made_by_this_editors_autosave(request, match.kwargs.get("parent_page_id"))
        if page is None:
            return None
        response = HttpResponseRedirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        response.status_code = 307  # the browser repeats the POST, with its form, at the edit view
        return response


def _slug_taken(exception) -> bool:
    """Only the slug error `add_child` raises: any other error is left as it is."""
    return isinstance(exception, ValidationError) and "slug" in getattr(exception, "error_dict", {})


def _made_by_this_editors_autosave(request, parent_page_id) -> Page | None:
    """The never-published page under that parent, with the posted slug, that this editor owns."""
    parent = Page.objects.filter(pk=parent_page_id).first()
    slug = request.POST.get("slug", "")
    if parent is None or not slug:
        return None
    return (
        parent.get_children().filter(slug=slug, owner=request.user, live=False, first_published_at__isnull=True).first()
    )
