"""The demonstration catalogue: loads completely, labels itself, and loads only once."""

import json

import pytest
from django.core.management import call_command

from catalogue.demo.catalogue import DEMO_FILE
from catalogue.models import AreaOfPractice, CaseStudyPage, EntryPage, GuidancePage, InterventionPage, Reference

DEMO = json.loads(DEMO_FILE.read_text(encoding="utf-8"))


def test_demo_file_is_broad_and_sourced():
    entries = DEMO["entries"]
    assert len(entries) >= 40
    assert {e["type"] for e in entries} == {"intervention", "guidance", "case-study"}
    assert {slug for e in entries for slug in e["areas"]} == {
        "pre-birth-assessment", "peri-natal-intervention", "post-removal-support"}
    for entry in entries:
        if entry["type"] == "case-study":
            # Case studies are illustrative, from fictional areas, and never carry a research rating.
            assert entry["is_fictional"] and "fictional" in json.dumps(entry["body"]).lower(), entry["slug"]
            assert entry["evidence_level"] in {"practice-informed", "not-yet-rated"}, entry["slug"]
        else:
            assert entry["source_url"].startswith("https://"), entry["slug"]
        if entry["evidence_level"] != "not-yet-rated":
            assert entry["evidence_rationale"].strip() and entry["evidence_rated_on"], entry["slug"]


@pytest.mark.django_db
def test_load_demo_is_complete_and_idempotent(client):
    call_command("load_demo", stdout=open("/dev/null", "w"))
    counts = (EntryPage.objects.count(), Reference.objects.count())
    assert counts == (len(DEMO["entries"]), len(DEMO["references"]))
    assert EntryPage.objects.live().count() == counts[0]
    for model in (InterventionPage, GuidancePage, CaseStudyPage):
        assert model.objects.exists()

    call_command("load_demo", stdout=open("/dev/null", "w"))
    assert (EntryPage.objects.count(), Reference.objects.count()) == counts

    home = client.get("/").content.decode()
    assert "demonstration content" in home
    for area in AreaOfPractice.objects.all():
        assert area.name in home
    catalogue = client.get("/catalogue/").content.decode()
    assert f"<strong>{counts[0]}</strong> entries" in catalogue
    entry = EntryPage.objects.live().first()
    assert client.get(entry.url).status_code == 200
