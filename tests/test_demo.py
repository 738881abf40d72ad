"""
The demonstration catalogue: loads completely, labels itself, loads only once, and keeps an honest
history: each correction is its own published revision with a change summary.
"""

import json
import re

import pytest
from django.core.management import call_command

from catalogue.models import AreaOfPractice, CaseStudyPage, EntryPage, GuidancePage, InterventionPage, Reference
from demo import catalogue as loader
from demo.catalogue import current_specs, read_demo
from demo.research_questions import DEMO_LINKS

DEMO = read_demo()
CURRENT = current_specs(DEMO)
REFERENCES = {reference["key"]: reference for reference in DEMO["references"]}
# The law and practice tools link to their source under a key of their own (RULES.md's shared schema).
SOURCE_LINK_KEYS = {"legislation": "legislation_url", "judgment": "judgment_url", "practice-tool": "tool_url"}
RESEARCH_TIERS = {"strong", "moderate", "promising", "no-benefit-found", "possible-harm"}


def _quiet(*args):
    call_command(*args, stdout=open("/dev/null", "w"))


def _is_illustrative(spec) -> bool:
    return spec.get("is_fictional", False)


def test_demo_file_is_broad_and_sourced():
    assert len(CURRENT) >= 60
    assert {"intervention", "guidance", "case-study"} <= {e["type"] for e in CURRENT} <= set(loader.PAGE_CLASSES)
    assert {slug for e in CURRENT for slug in e["areas"]} == {
        "pre-birth-assessment",
        "peri-natal-intervention",
        "post-removal-support",
    }
    for entry in CURRENT:
        if entry["evidence_level"] != "not-yet-rated":
            assert entry["evidence_rationale"].strip() and entry["evidence_rated_on"], entry["slug"]
        if entry["type"] != "case-study":
            link = entry.get(SOURCE_LINK_KEYS.get(entry["type"], "source_url"))
            assert link.startswith(("https://", "http://")), entry["slug"]


def test_every_entry_cites_a_reference_or_source_link():
    for entry in CURRENT:
        linked = [REFERENCES[key] for key in entry["references"]]
        assert all(key in REFERENCES for key in entry["references"]), entry["slug"]
        if entry["type"] == "case-study" and not _is_illustrative(entry):
            # A real example is drawn from a published source the reader can open.
            assert any(ref.get("url") or ref.get("doi") for ref in linked), entry["slug"]
        else:
            assert linked or entry.get(SOURCE_LINK_KEYS.get(entry["type"], "source_url")), entry["slug"]


def test_case_studies_are_real_and_sourced_or_labelled_illustrative_and_unrated():
    case_studies = [e for e in CURRENT if e["type"] == "case-study"]
    real = [e for e in case_studies if not _is_illustrative(e)]
    assert len(real) >= 10
    for entry in case_studies:
        assert entry["evidence_level"] in {"practice-informed", "not-yet-rated"}, entry["slug"]
        if _is_illustrative(entry):
            # Nothing is rated on invented material, and the page says it is illustrative.
            assert entry["evidence_level"] == "not-yet-rated", entry["slug"]
            assert "illustrative" in json.dumps(entry["body"]).lower(), entry["slug"]
        else:
            assert "fictional" not in entry["area_name"].lower(), entry["slug"]


def test_no_rating_rests_on_invented_evidence():
    for entry in CURRENT:
        if entry["evidence_level"] == "not-yet-rated":
            continue
        assert "invented" not in entry["evidence_rationale"].lower(), entry["slug"]
        assert entry["references"], entry["slug"]
        if entry["evidence_level"] in RESEARCH_TIERS:
            designs = {REFERENCES[key]["design"] for key in entry["references"]}
            assert designs & {"rct", "quasi", "pre_post", "other", "process", "qualitative"}, entry["slug"]


def test_corrections_carry_a_change_summary_that_fits_the_field():
    slugs = {entry["slug"] for entry in DEMO["entries"]}
    live = {entry["slug"] for entry in CURRENT}
    for revision in DEMO["revisions"]:
        assert revision["slug"] in slugs
        assert 0 < len(revision["change_summary"]) <= 255
    for item in DEMO["withdrawn"]:
        assert item["slug"] not in live and 0 < len(item["change_summary"]) <= 255


def test_research_questions_link_only_to_entries_the_demo_publishes():
    slugs = {entry["slug"] for entry in CURRENT}
    assert {slug for linked in DEMO_LINKS.values() for slug in linked} <= slugs


@pytest.mark.django_db
def test_load_demo_is_complete_idempotent_and_shows_corrections_in_history(client, demo_catalogue):
    # The first `load_demo` is the install shared by the tests that read it (tests/shared_builds.py), made by the
    # same command on the same empty site; the second, below, is this test's own and is rolled back after it.
    counts = (EntryPage.objects.count(), Reference.objects.count())
    # Withdrawn entries are not created; references are one per distinct title and year.
    assert counts == (len(CURRENT), len({(ref["title"], ref.get("year")) for ref in DEMO["references"]}))
    assert EntryPage.objects.live().count() == counts[0]
    for model in (InterventionPage, GuidancePage, CaseStudyPage):
        assert model.objects.exists()

    # The live version is the corrected one, and each correction is a revision of its own.
    by_slug = {page.slug: page.specific for page in EntryPage.objects.all()}
    for spec in CURRENT:
        page = by_slug[spec["slug"]]
        assert page.title == spec["title"] and page.evidence_level.slug == (spec["evidence_level"] or "not-yet-rated")
    revised = {}
    for revision in (r for r in DEMO["revisions"] if r["slug"] in by_slug):
        revised.setdefault(revision["slug"], []).append(revision["change_summary"])
    for slug, summaries in revised.items():
        recorded = [r.content.get("change_summary") for r in by_slug[slug].revisions.order_by("created_at", "pk")]
        assert recorded[1:] == summaries, slug  # the first revision is the original publication
    revisions_before = sum(page.revisions.count() for page in by_slug.values())

    _quiet("load_demo")
    assert (EntryPage.objects.count(), Reference.objects.count()) == counts
    assert sum(page.revisions.count() for page in EntryPage.objects.all()) == revisions_before

    home = client.get("/").content.decode()
    assert "Entries summarise the published sources they link to" in home
    for area in AreaOfPractice.objects.all():
        assert area.name in home
    catalogue = client.get("/catalogue/").content.decode()
    assert f"<strong>{counts[0]}</strong> entries" in catalogue
    slug, summaries = next(iter(revised.items()))
    page = by_slug[slug]
    assert client.get(page.url).status_code == 200
    # The public version history on the entry page shows why it changed; each version has its own URL.
    shown = re.sub(r"\s+", " ", client.get(page.url).content.decode())
    assert re.sub(r"\s+", " ", summaries[-1].replace("'", "&#x27;"))[:60] in shown
    assert client.get(f"{page.url}versions/1/").status_code == 200
    assert client.get(f"{page.url}versions/{len(summaries) + 1}/").status_code == 200


@pytest.mark.django_db
def test_withdrawn_examples_are_unpublished_on_an_older_install(demo_catalogue, tmp_path):
    # An older install as a real one is: the current catalogue (the shared install, tests/shared_builds.py) with
    # the withdrawn example still live beside it. The loads below are this test's own, rolled back after it.
    catalogue = demo_catalogue
    assert not EntryPage.objects.filter(slug=DEMO["withdrawn"][0]["slug"]).exists()
    older = dict(DEMO)
    slug = DEMO["withdrawn"][0]["slug"]
    # An install loaded before the withdrawal still has the fictional example live.
    older_entry = dict(CURRENT[0], slug=slug, title="An old illustrative example", type=CURRENT[0]["type"])
    older["entries"] = [older_entry]
    older["revisions"], older["withdrawn"] = [], []
    path = tmp_path / "older_demo.json"
    path.write_text(json.dumps(older), encoding="utf-8")
    loader.load_demo_catalogue(catalogue, path)
    assert EntryPage.objects.live().filter(slug=slug).exists()
    loader.load_demo_catalogue(catalogue)
    page = EntryPage.objects.get(slug=slug)
    assert not page.live
    assert (
        page.revisions.order_by("-created_at", "-pk").first().content["change_summary"]
        == DEMO["withdrawn"][0]["change_summary"]
    )


@pytest.mark.parametrize("kind, model", list(loader.PAGE_CLASSES.items()))
def test_every_text_fits_its_field(kind, model):
    limits = {
        field.name: field.max_length
        for field in model._meta.get_fields()
        if getattr(field, "max_length", None) and field.get_internal_type() == "CharField"
    }
    for spec in CURRENT:
        if spec["type"] == kind:
            for name, limit in limits.items():
                assert len(spec.get(name) or "") <= limit, (spec["slug"], name)
