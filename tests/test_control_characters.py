"""
Issue 25, N5: a NUL byte or any other control character in a path or parameter is a 400 that says why,
on every kind of URL, before it reaches a view or the database (PostgreSQL raised a 500 on NUL in text).
Run on PostgreSQL too: `bin/with-postgres .venv/bin/python -m pytest -q tests/test_control_characters.py`.
"""

import pytest

from tests.factories import InterventionPageFactory
from website.control_characters import REFUSAL, address_has_control_character

pytestmark = pytest.mark.django_db

REFUSED = [
    "/data/local-authorities/%00/",
    "/evidence-map/references/?outcome=%00",
    "/catalogue/?q=%00court%00&topic=%00",
    "/catalogue/?q=court%0Aand%0Dmore",
    "/catalogue/?region=%7F",
    "/catalogue/?q=%C2%85",  # U+0085, a C1 control (next line)
    "/catalogue/%00/",
    "/catalogue/export.csv?q=%00",
    "/api/v1/entries/?region=%00",
    "/api/v1/entries/%00/",
    "/evidence-map/?design=%09",
    "/data/family-justice-areas/%00/",
    "/admin/pages/search/?q=%00",
    "/sitemap.xml?p=%00",
    "/%00",
    "/?%00=x",
]


@pytest.mark.parametrize("url", REFUSED)
def test_control_characters_in_path_or_parameters_are_a_400_that_says_why(client, catalogue, url):
    response = client.get(url)
    assert response.status_code == 400
    if url.startswith("/api/"):  # the API's documented error shape
        assert response.json() == {"message": "The address cannot be used.", "errors": [REFUSAL]}
    else:
        assert response.content.decode() == REFUSAL
        assert response["Content-Type"].startswith("text/plain")


@pytest.mark.parametrize(
    "url",
    [
        "/catalogue/?q=caf%C3%A9+%E2%80%98quoted%E2%80%99",  # non-ASCII letters and punctuation are not controls
        "/catalogue/?q=%FF%FE",  # broken UTF-8 is the page's to report, not a control character
        "/catalogue/?q=pre+birth",
        "/catalogue/?q=100%25",
    ],
)
def test_ordinary_and_non_ascii_input_still_reaches_the_page(client, catalogue, url):
    InterventionPageFactory(parent=catalogue, title="Café court")
    assert client.get(url).status_code == 200


def test_the_check_reads_decoded_text_not_the_percent_signs():
    assert address_has_control_character("/", "q=%00")
    assert address_has_control_character("/a\x00b/", "")
    assert not address_has_control_character("/", "q=%2500")  # an encoded percent sign followed by 00
    assert not address_has_control_character("/catalogue/", "q=a+b&region=wales")
