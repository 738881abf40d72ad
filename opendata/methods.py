"""
The API's methods, stated once: every API address answers GET and HEAD, and any other method gets a 405
whose Allow header says exactly that.

Without this, django-ninja answered HEAD with 405 (HTTP requires HEAD wherever GET works) and POST with
`Allow: GET`, while the site-wide request limits answered PUT or DELETE with `Allow: GET, HEAD, POST`, two
of which the API refuses: a client (or schemathesis) could not trust the header.
"""

API_PREFIX = "/api/"
API_METHODS = "GET, HEAD"


class ApiMethodsMiddleware:
    """HEAD on an API address is its GET without the body; every API 405 says `Allow: GET, HEAD`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        head = request.method == "HEAD"
        if head:
            request.method = request.META["REQUEST_METHOD"] = "GET"
        response = self.get_response(request)
        if response.status_code == 405:
            response["Allow"] = API_METHODS
        if head and not response.streaming:
            length = len(response.content)
            response.content = b""
            response["Content-Length"] = str(length)
        return response
