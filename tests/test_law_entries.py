"""
The law of removal at birth and the pre-birth practice tools (issue 26): three entry types, the
"Type of entry" facet values they add, "the law at this stage" beside the evidence, and the
starter catalogue's law and practice-tool collections.
"""

import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError

from catalogue.models import CatalogueIndexPage, JudgmentPage, LegislationPage, PracticeToolPage
from catalogue.models.entries import ENTRY_TYPES
from demo.catalogue import TYPE_FIELDS, current_specs, read_demo
from tests.factories import (
    InterventionPageFactory,
    JudgmentPageFactory,
    LegislationPageFactory,
    PracticeToolPageFactory,
)

LAW_FACTORIES = [LegislationPageFactory, JudgmentPageFactory, PracticeToolPageFactory]
PARTS = Path(settings.BASE_DIR) / "fixtures" / "catalogue"
VOCABULARIES = json.loads((Path(settings.BASE_DIR) / "fixtures" / "vocabularies.json").read_text(encoding="utf-8"))


def test_the_three_types_are_entry_types_and_catalogue_children():
    assert {"legislation": LegislationPage, "judgment": JudgmentPage, "practice-tool": PracticeToolPage}.items() <= (
        ENTRY_TYPES.items()
    )
    for model in (LegislationPage, JudgmentPage, PracticeToolPage):
        assert model in CatalogueIndexPage.allowed_subpage_models()
        assert model.carries_evidence_rating is False


@pytest.mark.django_db
@pytest.mark.parametrize("factory", LAW_FACTORIES)
def test_each_is_built_under_the_catalogue_and_served_with_a_status_not_a_rating(client, catalogue, factory):
    entry = factory(parent=catalogue, title="A law entry", stages=["at-birth"])
    html = client.get(entry.url).content.decode()
    assert entry.entry_type_label in html
    facts = [(label, value) for label, value in entry.key_facts() if value]
    assert facts[0][0] == "Status"
    for label, value in facts:
        assert label in html and value.split("\n")[0][:40] in html, label
    assert entry.source_url and entry.source_url in html
    # Stored as "Not yet rated" for the workflow, never shown as a rating.
    assert "Strength of evidence" not in html and "Not yet rated" not in html


@pytest.mark.django_db
def test_links_go_to_the_official_text_and_dates_are_checked(catalogue):
    with pytest.raises(ValidationError, match="legislation.gov.uk"):
        LegislationPageFactory(parent=catalogue, legislation_url="https://example.org/children-act")
    with pytest.raises(ValidationError, match="Find Case Law, BAILII or HUDOC"):
        JudgmentPageFactory(parent=catalogue, judgment_url="https://vlex.co.uk/vid/re-h")
    with pytest.raises(ValidationError, match="a year"):
        PracticeToolPageFactory(parent=catalogue, published="May 2019")
    hudoc = "https://hudoc.echr.coe.int/eng?i=001-59587"
    assert JudgmentPageFactory(parent=catalogue, title="K and T v Finland", judgment_url=hudoc).pk
    assert PracticeToolPageFactory(parent=catalogue, title="A dated tool", published="2019-05-01").pk


@pytest.mark.django_db
def test_law_and_case_law_are_values_of_the_type_facet(client, catalogue):
    statute = LegislationPageFactory(parent=catalogue, title="Emergency protection orders")
    judgment = JudgmentPageFactory(parent=catalogue, title="Re B-S (Children)")
    InterventionPageFactory(parent=catalogue, title="An intervention")
    html = client.get(catalogue.url).content.decode()
    for slug, label in (("legislation", "Law"), ("judgment", "Case law"), ("practice-tool", "Practice tool")):
        assert f'id="f-type-{slug}"' in html and f">{label} <span" in html, slug
    only_case_law = client.get(catalogue.url, {"type": "judgment"}).content.decode()
    assert judgment.title in only_case_law and statute.title not in only_case_law
    assert "<strong>1</strong> entry" in only_case_law


@pytest.mark.django_db
def test_the_stage_browse_shows_the_law_at_this_stage(client, catalogue):
    statute = LegislationPageFactory(parent=catalogue, title="Police protection", stages=["at-birth"])
    judgment = JudgmentPageFactory(parent=catalogue, title="Re N (Children)", stages=["at-birth", "pre-proceedings"])
    tool = PracticeToolPageFactory(parent=catalogue, title="A pre-birth protocol", stages=["at-birth"])
    elsewhere = LegislationPageFactory(parent=catalogue, title="Accommodation", stages=["after-removal"])
    InterventionPageFactory(parent=catalogue, title="Help at birth", stages=["at-birth"])

    html = client.get(catalogue.url, {"stage": "at-birth"}).content.decode()
    panel = html.split('class="law-at-stage"', 1)[1].split("</aside>", 1)[0]
    assert "The law at this stage: At birth and urgent hearings" in panel
    assert statute.title in panel and judgment.title in panel
    assert tool.title not in panel and elsewhere.title not in panel and "Help at birth" not in panel
    assert panel.index(statute.title) < panel.index(judgment.title)  # statutes first

    law_only = client.get(catalogue.url, {"stage": "at-birth", "type": ["legislation", "judgment"]}).content.decode()
    assert 'class="law-at-stage"' not in law_only  # the results are the law itself
    assert 'class="law-at-stage"' not in client.get(catalogue.url).content.decode()

    home = client.get("/").content.decode()
    assert "The law at this stage (2)" in home  # at birth: the statute and the judgment
    assert "?stage=at-birth&amp;type=legislation&amp;type=judgment" in home


@pytest.mark.django_db
def test_result_cards_show_no_evidence_badge_for_the_law(client, catalogue):
    LegislationPageFactory(parent=catalogue, title="Only the law")
    html = client.get(catalogue.url, {"type": "legislation"}).content.decode()
    card = html.split('class="result-card"', 1)[1].split("</li>", 1)[0]
    assert "Only the law" in card and "evidence-badge" not in card


def _law_specs():
    parts = [json.loads(path.read_text(encoding="utf-8")) for path in sorted(PARTS.glob("6[0-2]-*.json"))]
    return [spec for part in parts for spec in part.get("entries", [])]


def test_the_starter_catalogue_holds_the_law_and_the_tools_each_sourced():
    specs = _law_specs()
    kinds = [spec["type"] for spec in specs]
    assert kinds.count("legislation") + kinds.count("judgment") >= 10
    assert kinds.count("practice-tool") >= 6
    all_current = {spec["slug"] for spec in current_specs(read_demo())}
    references = {reference["key"] for reference in read_demo()["references"]}
    vocabulary = {name: {row[1] for row in VOCABULARIES[name]} for name in ("areas", "stages", "topics", "regions")}
    hosts = {"legislation": "legislation.gov.uk", "judgment": ("bailii.org", "nationalarchives.gov.uk", "echr.coe.int")}
    link_keys = {"legislation": "legislation_url", "judgment": "judgment_url", "practice-tool": "tool_url"}
    for spec in specs:
        if spec["type"] not in link_keys:  # current guidance that applies the law (a guidance entry)
            assert spec["source_url"].startswith("https://") and spec["related"], spec["slug"]
            continue
        slug = spec["slug"]
        for name in TYPE_FIELDS[spec["type"]]:
            assert name in spec or name in {"judge", "author", "section", "duration"}, (slug, name)
        link = spec[link_keys[spec["type"]]]
        assert link.startswith(("https://", "http://")), slug
        if spec["type"] in hosts:
            assert urlsplit(link).hostname.endswith(hosts[spec["type"]]), slug
        for name, terms in vocabulary.items():
            assert set(spec[name]) <= terms, (slug, name)
            assert spec[name] or name == "topics", (slug, name)
        assert set(spec.get("related", [])) <= all_current, slug
        assert spec["references"] and set(spec["references"]) <= references, slug
        assert spec["evidence_level"] == "not-yet-rated", slug  # the law and tools are never rated
    stages = {stage for spec in specs if spec["type"] != "practice-tool" for stage in spec["stages"]}
    assert "at-birth" in stages  # "At birth and urgent hearings" shows the law that governs it
