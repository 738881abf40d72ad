"""
Limits on what a request may send, applied before anything reads it.

A body larger than the limit is refused with 413 from its Content-Length alone, so a 40 MB upload is
never written to disk or memory (Django's DATA_UPLOAD_MAX_MEMORY_SIZE only covers form fields, and
uploaded files of any size are otherwise spooled to disk first). The admin, where editors upload
documents and images, has its own larger limit. Public pages answer only GET, HEAD and POST: OPTIONS,
TRACE and the rest get 405.
"""

from django.conf import settings
from django.http import HttpResponse, HttpResponseNotAllowed
from django.template.loader import render_to_string

from catalogue.io.numbers import parse_int

PUBLIC_METHODS = ("GET", "HEAD", "POST")
ADMIN_PREFIX = "/admin/"


def body_limit(path: str) -> int:
    return settings.ADMIN_REQUEST_BODY_MAX_BYTES if path.startswith(ADMIN_PREFIX) else settings.REQUEST_BODY_MAX_BYTES


class RequestLimitsMiddleware:
    """413 for an over-limit body before it is read; 405 for methods public pages do not answer."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in PUBLIC_METHODS and not request.path.startswith(ADMIN_PREFIX):
            return HttpResponseNotAllowed(PUBLIC_METHODS)
        raw_length = request.META.get("CONTENT_LENGTH") or "0"
        length = parse_int(raw_length, minimum=0, max_digits=30)
        if length is None:
            return HttpResponse(
                "The Content-Length header is not a number.", status=400, content_type="text/plain; charset=utf-8"
            )
        limit = body_limit(request.path)
        if length > limit:
            return too_large(length, limit)
        return self.get_response(request)


def too_large(length: int, limit: int) -> HttpResponse:
    megabytes = 1024 * 1024
    page = render_to_string(
        "413.html", {"size_mb": f"{length / megabytes:.1f}", "limit_mb": f"{limit / megabytes:.1f}"}
    )
    response = HttpResponse(page, status=413)
    # The unread body is still on the connection: close it rather than read the rest.
    response["Connection"] = "close"
    return response
