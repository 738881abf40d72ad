"""
Programme facts: every intervention of the starter catalogue carries the facts its fixture gives, in
the API and in the CSV export, and the delivery setting works as a catalogue facet.
"""

import csv
import io

import pytest

from demo.catalogue import PARTS_DIR, current_specs, read_demo

pytestmark = pytest.mark.django_db

DATA = read_demo()
WITHDRAWN = {item["slug"] for item in DATA.get("withdrawn", [])}
INTERVENTIONS = [s for s in current_specs(DATA) if s["type"] == "intervention" and s["slug"] not in WITHDRAWN]
SETTING_NAMES = {
    "home": "At home",
    "community": "Community venue",
    "group": "In a group",
    "hospital": "Hospital or clinic",
    "court": "Court",
    "residential": "Residential",
    "prison": "Prison",
    "online": "Online",
}
FACTS_FILE = PARTS_DIR / "40-programme-facts.json"
EMPTY = {"for_whom": "", "age_stage": "", "settings": [], "duration": "", "delivered_by": "", "where_available": ""}
EMPTY |= {"running": "unknown", "cost": "", "cost_source_url": "", "provider_url": ""}


def expected_facts(spec) -> dict:
    """The fixture's facts as records give them: every key, settings in the vocabulary's order."""
    facts = {**EMPTY, **spec["facts"]}
    facts["settings"] = [slug for slug in SETTING_NAMES if slug in facts["settings"]]
    return facts


@pytest.fixture
def interventions(demo_catalogue):
    """
    Every live intervention of the starter catalogue, by slug: the shared install of the demo catalogue
    (tests/shared_builds.py) publishes each as it reads after its corrections, as `current_specs` gives it.
    """
    return {spec["slug"]: spec for spec in INTERVENTIONS}


def test_every_intervention_has_facts_in_the_fixture():
    assert FACTS_FILE.exists()
    assert INTERVENTIONS and all(spec.get("facts") for spec in INTERVENTIONS)
    assert all(spec["facts"].get("for_whom") for spec in INTERVENTIONS)


def test_programme_facts_are_in_the_api_for_every_intervention(client, interventions):
    listed = client.get("/api/v1/entries/", {"type": "intervention", "page_size": 100}).json()
    assert listed["total"] == len(interventions)
    for record in listed["results"]:
        slug = record["url"].rstrip("/").rsplit("/", 1)[-1]
        assert record["programme_facts"] == expected_facts(interventions[slug]), slug
        assert record["guidance_status"] is None
        detail = client.get(f"/api/v1/entries/{record['id']}/").json()
        assert detail["programme_facts"] == record["programme_facts"]


def test_programme_facts_are_columns_of_the_csv_for_every_intervention(client, immediate_tasks, interventions):
    response = client.get("/catalogue/export.csv", {"type": "intervention"})
    rows = list(
        csv.DictReader(
            io.StringIO(
                (b"".join(response.streaming_content) if response.streaming else response.content).decode("utf-8-sig")
            )
        )
    )
    assert len(rows) == len(interventions)
    for row in rows:
        facts = expected_facts(interventions[row["url"].rstrip("/").rsplit("/", 1)[-1]])
        for key, value in facts.items():
            assert row[f"facts_{key}"] == ("; ".join(value) if isinstance(value, list) else value), key
        # The facet's own column lists the same settings by name (in the order they were linked).
        assert set(filter(None, row["delivery_settings"].split("; "))) == {SETTING_NAMES[s] for s in facts["settings"]}


def test_delivery_setting_is_a_facet_with_counts(client, interventions):
    at_home = {slug for slug, spec in interventions.items() if "home" in spec["facts"].get("settings", [])}
    listed = client.get("/api/v1/entries/", {"setting": "home", "page_size": 100}).json()
    assert {r["url"].rstrip("/").rsplit("/", 1)[-1] for r in listed["results"]} == at_home
    vocabulary = client.get("/api/v1/taxonomies/setting/").json()
    assert vocabulary["label"] == "Delivery setting"
    assert {v["slug"]: v["entries"] for v in vocabulary["values"]}["home"] == len(at_home)
    html = client.get("/catalogue/", {"setting": "home"}).content.decode()
    assert "Delivery setting" in html and f"<strong>{len(at_home)}</strong> entr" in html


def test_an_intervention_page_shows_its_facts_at_the_top(client, interventions):
    spec = next(spec for spec in INTERVENTIONS if spec["facts"].get("duration"))
    html = client.get(f"/catalogue/{spec['slug']}/").content.decode()
    facts_box = html[html.index("entry__facts") : html.index("entry__body")]
    assert "Duration and intensity" in facts_box and spec["facts"]["duration"].replace("'", "&#x27;") in facts_box
