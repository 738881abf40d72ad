"""Editors record outcomes measured, with a direction of effect each, on the Reference snippet."""

from catalogue.models import Outcome, Reference
from tests.factories import InterventionPageFactory

from .helpers import cite, make_reference


def reference_form(outcomes):
    data = {
        "authors": "Author A",
        "year": "2022",
        "title": "Edited in the admin",
        "publisher": "",
        "url": "",
        "doi": "",
        "design": "rct",
        "kind": "article",  # the kind of publication (cite exports need it; the form offers "report" first)
        "country": "Wales",
        "sample_size": "85",
        "outcome_findings-TOTAL_FORMS": str(len(outcomes)),
        "outcome_findings-INITIAL_FORMS": "0",
        "outcome_findings-MIN_NUM_FORMS": "0",
        "outcome_findings-MAX_NUM_FORMS": "1000",
    }
    for index, (outcome, direction) in enumerate(outcomes):
        data.update(
            {
                f"outcome_findings-{index}-outcome": str(outcome.pk),
                f"outcome_findings-{index}-direction": direction,
                f"outcome_findings-{index}-ORDER": str(index + 1),
                f"outcome_findings-{index}-id": "",
                f"outcome_findings-{index}-DELETE": "",
            }
        )
    return data


def test_an_editor_records_outcomes_and_directions(admin_client):
    cost, recurrence = Outcome.objects.get(slug="cost"), Outcome.objects.get(slug="recurrence-avoided")
    assert admin_client.get("/admin/snippets/catalogue/reference/add/").status_code == 200
    response = admin_client.post(
        "/admin/snippets/catalogue/reference/add/", reference_form([(cost, "harm"), (recurrence, "benefit")])
    )
    assert response.status_code == 302, response.content[:2000]
    reference = Reference.objects.get(title="Edited in the admin")
    assert (reference.country, reference.sample_size) == ("Wales", 85)
    assert dict(reference.outcome_findings.values_list("outcome__slug", "direction")) == {
        "cost": "harm",
        "recurrence-avoided": "benefit",
    }
    assert set(reference.outcomes.values_list("slug", flat=True)) == {"cost", "recurrence-avoided"}


def test_the_same_outcome_twice_is_refused_not_a_500(admin_client):
    cost = Outcome.objects.get(slug="cost")
    response = admin_client.post(
        "/admin/snippets/catalogue/reference/add/", reference_form([(cost, "harm"), (cost, "benefit")])
    )
    assert response.status_code == 200
    assert not Reference.objects.filter(title="Edited in the admin").exists()


def test_the_reference_edit_page_lists_the_entries_that_cite_it(admin_client, catalogue):
    study = make_reference("Cited study", findings={"cost": "benefit"})
    cite(InterventionPageFactory(parent=catalogue, title="Citing entry"), study)
    html = admin_client.get(f"/admin/snippets/catalogue/reference/edit/{study.pk}/").content.decode()
    assert "Entries that cite this study" in html and "Citing entry" in html


def test_the_reference_listing_filters_by_country_and_outcome(admin_client):
    make_reference("Welsh study", country="Wales", findings={"cost": "benefit"})
    make_reference("English study", country="England")
    cost = Outcome.objects.get(slug="cost")
    html = admin_client.get(f"/admin/snippets/catalogue/reference/?country=Wales&outcomes={cost.pk}").content.decode()
    assert "Welsh study" in html and "English study" not in html
