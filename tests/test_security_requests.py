"""
Request limits (issue 15, finding 7): an over-limit body is refused with 413 before a byte of it is read,
the admin keeps its larger limit for documents, and public pages answer OPTIONS and TRACE with 405.
"""

import pytest
from django.conf import settings

from tests.factories import InterventionPageFactory

pytestmark = pytest.mark.django_db


class UnreadableBody:
    """A request body that fails the test if anything reads it."""

    def read(self, *args):
        raise AssertionError("the body was read")

    readline = read


def post_declaring(client, url, length):
    return client.generic(
        "POST",
        url,
        b"",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(length),
        **{"wsgi.input": UnreadableBody()},
    )


@pytest.mark.parametrize("url", ["/data/your-data/", "/catalogue/", "/"])
def test_an_over_limit_body_is_refused_unread(client, catalogue, url):
    response = post_declaring(client, url, 40 * 1024 * 1024)
    assert response.status_code == 413
    html = response.content.decode()
    assert "40.0 MB" in html and "Nothing was read or saved" in html
    assert "Content-Security-Policy" in response  # outer middleware still adds the security headers


def test_the_admin_takes_documents_up_to_its_own_limit(client):
    just_over_public = settings.REQUEST_BODY_MAX_BYTES + 1
    assert just_over_public < settings.ADMIN_REQUEST_BODY_MAX_BYTES
    body = b"x" * just_over_public
    response = client.generic("POST", "/admin/login/", body, content_type="application/octet-stream")
    assert response.status_code != 413
    assert post_declaring(client, "/admin/login/", settings.ADMIN_REQUEST_BODY_MAX_BYTES + 1).status_code == 413


def test_a_content_length_that_is_not_a_number_is_a_400(client):
    response = client.generic("POST", "/data/your-data/", b"", CONTENT_LENGTH="²", **{"wsgi.input": UnreadableBody()})
    assert response.status_code == 400


@pytest.mark.parametrize("method", ["OPTIONS", "TRACE", "PUT", "DELETE", "PATCH"])
def test_public_pages_answer_only_get_head_and_post(client, catalogue, method):
    entry = InterventionPageFactory(parent=catalogue, title="An entry")
    for url in ("/", "/catalogue/", entry.url, "/data/", "/evidence-map/", "/robots.txt", "/api/v1/entries/"):
        response = client.generic(method, url)
        assert response.status_code == 405, (method, url)
        # The API takes no POST either, and says so (opendata/methods.py).
        assert response["Allow"] == ("GET, HEAD" if url.startswith("/api/") else "GET, HEAD, POST")
    assert client.head("/catalogue/").status_code == 200
