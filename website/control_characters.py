"""
Refuse control characters in a request's address before any view, cache or database sees them.

A NUL byte (`%00`) in a path or parameter reached PostgreSQL, which refuses NUL in text and raised a 500
(`/data/local-authorities/%00/`, `/evidence-map/references/?outcome=%00`). No page of this site has a use
for a control character in its address, so every one (C0, DEL and C1, decoded from percent-encoding) is a
400 that says why, for every URL, admin included, instead of a guard in each view.
"""

import re
from urllib.parse import unquote

from django.http import HttpResponse, JsonResponse

API_PREFIX = "/api/"
CONTROL_CHARACTER = re.compile(r"[\x00-\x1f\x7f-\x9f]")
REFUSAL = (
    "The address holds a control character (such as a NUL byte, %00, or a line break), "
    "which no page of this site accepts. Remove it and try again."
)


def address_has_control_character(path: str, query_string: str) -> bool:
    """True when the decoded path or query string holds a control character."""
    # `+` is a space in a query string; decoding with errors="replace" turns broken UTF-8 into U+FFFD,
    # which is not a control character (the views already say they do not recognise such values).
    decoded_query = unquote(query_string.replace("+", " "), errors="replace")
    return bool(CONTROL_CHARACTER.search(path) or CONTROL_CHARACTER.search(decoded_query))


class ControlCharacterMiddleware:
    """400 for a path or query string holding a control character, before anything else reads them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if address_has_control_character(request.path, request.META.get("QUERY_STRING", "")):
            # In the shape the API and the JSON exports document for their 400s.
            if request.path.startswith(API_PREFIX) or request.path.rstrip("/").endswith(".json"):
                return JsonResponse({"message": "The address cannot be used.", "errors": [REFUSAL]}, status=400)
            return HttpResponse(REFUSAL, status=400, content_type="text/plain; charset=utf-8")
        return self.get_response(request)
