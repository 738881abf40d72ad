"""
Pasted references are added when the editor saves, never when Wagtail autosaves.

Wagtail 8 autosaves the page editor in the background: the whole form, posted with `Accept: application/json`
(its views tell an autosave from the editor's own buttons by `request.accepts("text/html")`, their
`expects_json_response`). The form itself is never told. Had an autosave read the "Paste references" box, an
editor who pasted, paused (an autosave), then corrected the pasted text before saving would be left with the
first records created in the library and cited beside the corrected ones. So an autosave's post is read
without the box: the autosaved draft is the page's own fields; the box, which the autosave does not clear in the
browser, is read, checked and acted on with the next "Save draft", "Submit" or "Publish".
"""

from ..autosave_guard import is_autosave
from .entry_paste import PASTE_FIELD


def leave_paste_for_the_editors_save(request, *args):
    """Wagtail's `before_edit_page` / `before_create_page` hook: an autosave's post without the paste box."""
    if is_autosave(request) and PASTE_FIELD in request.POST:
        post = request.POST.copy()
        del post[PASTE_FIELD]
        request.POST = post  # the view builds the form from request.POST after its hooks have run
    return None
