"""HTML is sent gzip-compressed to clients that accept it, and plain to those that do not."""

import gzip

import pytest

from tests.factories import InterventionPageFactory


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/catalogue/", "entry"])
def test_html_is_gzip_encoded_when_accepted(client, catalogue, path):
    if path == "entry":
        path = InterventionPageFactory(parent=catalogue, title="Compressed entry", summary="x " * 200).url
    plain = client.get(path)
    assert "Content-Encoding" not in plain
    compressed = client.get(path, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert compressed.status_code == 200
    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    html = gzip.decompress(compressed.content)
    assert html.startswith(b"<!DOCTYPE html>")
    assert len(compressed.content) < len(html) / 2


@pytest.mark.django_db
def test_streamed_downloads_are_compressed_too(immediate_tasks, client, catalogue):
    InterventionPageFactory(parent=catalogue, title="In the map")
    response = client.get("/evidence-map/evidence-map.csv", HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    assert b"In the map" in gzip.decompress(b"".join(response.streaming_content))
