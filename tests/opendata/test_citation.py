"""Cite this: formatted citations, reference-manager files and meta tags name the version."""

import json
import re

import bibtexparser
import pytest
import rispy

from tests.factories import InterventionPageFactory, ReferenceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cited_entry(catalogue, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page = InterventionPageFactory(
            parent=catalogue,
            title="Parents & babies: {support} at 100%",
            slug="parents-and-babies",
            summary="Line one.\nLine two </script> <b>x</b>",
        )
        page.references.set([ReferenceFactory(title="An evaluation", year=2021)])
        page.save_revision().publish()
    return page


def test_bibtex_parses_and_names_the_version_and_its_url(client, cited_entry):
    response = client.get("/catalogue/parents-and-babies/cite.bib")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="parents-and-babies-v2.bib"'
    library = bibtexparser.parse_string(response.content.decode())
    assert not library.failed_blocks
    (entry,) = library.entries
    fields = {field.key: field.value for field in entry.fields}
    assert fields["version"] == "2"
    assert fields["url"] == "http://testserver/catalogue/parents-and-babies/versions/2/"
    assert fields["title"] == r"Parents \& babies: \{support\} at 100\%"
    assert "Version 2, published" in fields["note"]


def test_ris_parses_with_the_version_date_and_url(client, cited_entry):
    text = client.get("/catalogue/parents-and-babies/versions/1/cite.ris").content.decode()
    (record,) = rispy.loads(text)
    assert record["type_of_reference"] == "ELEC"
    assert record["title"] == "Parents & babies: {support} at 100%"
    assert record["urls"] == ["http://testserver/catalogue/parents-and-babies/versions/1/"]
    assert record["edition"] == "Version 1"
    assert record["abstract"] == "Line one. Line two </script> <b>x</b>"  # one line per tag
    assert re.fullmatch(r"\d{4}/\d{2}/\d{2}", record["date"])


def test_csl_json_is_one_item_naming_the_version(client, cited_entry):
    (item,) = json.loads(client.get("/catalogue/parents-and-babies/cite.json").content)
    assert item["version"] == "2"
    assert item["type"] == "webpage"
    assert item["URL"].endswith("/catalogue/parents-and-babies/versions/2/")
    assert len(item["issued"]["date-parts"][0]) == 3


def test_unknown_citation_format_is_404(client, cited_entry):
    assert client.get("/catalogue/parents-and-babies/cite.docx").status_code == 404


def test_entry_page_shows_apa_and_harvard_for_the_current_version(client, cited_entry):
    html = client.get("/catalogue/parents-and-babies/").content.decode()
    section = html[html.index('id="cite-this"') : html.index('id="version-history"')]
    assert "APA (7th edition)" in section and "Harvard (Cite Them Right)" in section
    assert section.count("Parents &amp; babies: {support} at 100% (version 2)") == 2
    assert section.count("http://testserver/catalogue/parents-and-babies/versions/2/") == 2
    assert "Accessed:" in section  # Harvard's access date comes from the style, not from us


def test_version_page_cites_that_version(client, cited_entry):
    html = client.get("/catalogue/parents-and-babies/versions/1/").content.decode()
    assert "(version 1)" in html
    assert 'href="/catalogue/parents-and-babies/versions/1/cite.bib"' in html
    assert (
        '<meta name="citation_public_url" content="http://testserver/catalogue/parents-and-babies/versions/1/">'
    ) in html


def test_meta_tags_for_reference_managers(client, cited_entry):
    html = client.get("/catalogue/parents-and-babies/").content.decode()
    for name in (
        "citation_title",
        "citation_author",
        "citation_publication_date",
        "citation_publisher",
        "citation_public_url",
    ):
        assert re.search(rf'<meta name="{name}" content="[^"]+">', html), name
    assert re.search(r'<meta name="citation_publication_date" content="\d{4}/\d{2}/\d{2}">', html)


def test_json_ld_is_valid_json_and_cannot_break_out_of_its_script(client, cited_entry):
    html = client.get("/catalogue/parents-and-babies/").content.decode()
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    data = json.loads(blocks[0])
    assert data["@context"] == "https://schema.org"
    assert data["name"] == "Parents & babies: {support} at 100%"
    assert data["description"].endswith("</script> <b>x</b>")  # decoded back, but escaped in the page
    assert data["version"] == "2"
    assert data["url"] == "http://testserver/catalogue/parents-and-babies/"
    assert data["citation"][0]["name"] == "An evaluation"


def test_an_entry_without_recorded_versions_is_cited_at_its_own_url(client, catalogue):
    # Bulk-created (synthetic) entries are live without a publish log entry.
    InterventionPageFactory(parent=catalogue, title="Bulk entry", slug="bulk-entry", publish=False)
    html = client.get("/catalogue/bulk-entry/").content.decode()
    assert "No published versions are recorded" in html
    assert '<meta name="citation_public_url" content="http://testserver/catalogue/bulk-entry/">' in html
    library = bibtexparser.parse_string(client.get("/catalogue/bulk-entry/cite.bib").content.decode())
    fields = {field.key: field.value for field in library.entries[0].fields}
    assert "version" not in fields and fields["url"] == "http://testserver/catalogue/bulk-entry/"
    assert client.get("/catalogue/bulk-entry/versions/1/").status_code == 404
