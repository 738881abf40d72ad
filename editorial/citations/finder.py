"""
"Find a reference in the library": the entry form's search-as-you-type box beside the reference chooser asks
this small JSON view for the references that match what the editor has typed (every word in the title, the
authors, the DOI or, for a four-digit number, the year), and adds the one picked as a new row of the
references formset, as the chooser's modal would (editorial/static/editorial/reference_finder.js).

Bounded: at most MAX_QUERY characters and MAX_WORDS words are read and MAX_RESULTS references returned. What
cannot be a word (symbols, control characters, emoji, a query over the limit) matches nothing: the answer is
an empty list, never an error page. Only people who may write entries (add or change pages in the catalogue)
may ask.
"""

import re

from django.db.models import Q
from django.http import JsonResponse
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from catalogue.models import CatalogueIndexPage, Reference

MAX_QUERY = 100
MAX_WORDS = 8
MAX_RESULTS = 10
WORD = re.compile(r"[^\W_]+")  # runs of letters and digits, in any script
TOO_LONG = f"Type at most {MAX_QUERY} characters."
NOT_ALLOWED = "Only people who may write entries can search the library from the entry form."


def user_may_write_entries(user) -> bool:
    catalogue = CatalogueIndexPage.objects.first()
    if catalogue is None or not user.is_authenticated:
        return False
    policy = PagePermissionPolicy(Page)
    return policy.user_has_any_permission_for_instance(user, ["add", "change"], catalogue)


def query_words(query: str) -> list[str]:
    """The words to match: letters and digits only, two characters or more (one letter matches too much)."""
    if len(query) > MAX_QUERY:
        return []
    return [word for word in WORD.findall(query) if len(word) >= 2][:MAX_WORDS]


def find_references(query: str) -> list[Reference]:
    words = query_words(query)
    if not words:
        return []
    matches = Reference.objects.all()
    for word in words:
        here = Q(title__icontains=word) | Q(authors__icontains=word) | Q(doi__icontains=word)
        if len(word) == 4 and word.isascii() and word.isdigit():
            here |= Q(year=int(word))
        matches = matches.filter(here)
    return list(matches.order_by("title", "pk")[:MAX_RESULTS])


def reference_search(request):
    """GET ?q=words: {"results": [{id, string, title, authors, year, edit_url}], "message": ...}."""
    if not user_may_write_entries(request.user):
        return JsonResponse({"results": [], "message": NOT_ALLOWED}, status=403)
    query = request.GET.get("q", "")
    message = TOO_LONG if len(query) > MAX_QUERY else ""
    urls = AdminURLFinder(request.user)
    results = [
        {
            "id": str(reference.pk),
            "string": str(reference),  # what the chooser shows for a chosen reference (Wagtail's "string" key)
            "title": reference.title,
            "authors": reference.authors,
            "year": reference.year,
            "edit_url": urls.get_edit_url(reference),
        }
        for reference in find_references(query)
    ]
    return JsonResponse({"results": results, "message": message})
