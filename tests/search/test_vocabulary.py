"""The search vocabulary editors manage: seeded, applied on the next search, shown on the page."""

import pytest

from catalogue.models import SearchSynonymGroup
from catalogue.search.vocabulary import Vocabulary, plan_text
from catalogue.search.words import words_of
from tests.factories import GuidancePageFactory, InterventionPageFactory

from .helpers import search, slugs

ADD_URL = "/admin/snippets/catalogue/searchsynonymgroup/add/"


@pytest.mark.django_db
def test_the_fields_vocabulary_is_seeded():
    groups = [group.term_list() for group in SearchSynonymGroup.objects.all()]
    vocabulary = Vocabulary(groups)
    for typed, also in [
        ("s.20", "section 20"),
        ("s20", "voluntary accommodation"),
        ("PLO", "public law outline"),
        ("FDAC", "family drug and alcohol court"),
        ("MBU", "mother and baby unit"),
        ("FGC", "family group conference"),
        ("NRPF", "no recourse to public funds"),
        ("VIG", "video feedback"),
        ("FNP", "family nurse partnership"),
        ("domestic violence", "domestic abuse"),
        ("dads", "fathers"),
        ("prebirth", "pre-birth"),
        ("learning disabled", "LD"),
        ("care leavers", "care-experienced"),
        ("repeat removals", "recurrent care proceedings"),
        ("teenage mothers", "young parents"),
        ("substance misuse", "substance use"),
        ("peri-natal", "perinatal"),
        ("1001 days", "best start for life"),
    ]:
        assert also in (vocabulary.lookup(words_of(typed)) or []), typed


@pytest.mark.django_db
def test_synonyms_find_the_entries_and_the_page_says_which_were_used(client, catalogue):
    InterventionPageFactory(
        parent=catalogue, title="Support for women at risk of domestic abuse", slug="da", summary="Advocates for women."
    )
    InterventionPageFactory(parent=catalogue, title="Unrelated", slug="other", summary="Nothing relevant.")
    assert slugs("domestic violence") == ["da"]
    assert slugs("DV") == ["da"]
    html = client.get("/catalogue/", {"q": "domestic violence"}).content.decode()
    assert "Also searched for" in html and "‘domestic abuse’" in html


@pytest.mark.django_db
def test_words_as_typed_rank_above_synonyms(catalogue):
    InterventionPageFactory(parent=catalogue, title="Antenatal clinic", slug="synonym-only", summary="A clinic.")
    InterventionPageFactory(parent=catalogue, title="Clinic", slug="as-typed", summary="Pre-birth planning clinic.")
    assert slugs("pre-birth") == ["as-typed", "synonym-only"]


@pytest.mark.django_db
def test_an_editor_adds_a_group_in_the_admin_and_the_next_search_uses_it(
    admin_client, client, catalogue, django_capture_on_commit_callbacks
):
    GuidancePageFactory(
        parent=catalogue, title="Children Act 1989 guidance", slug="guidance", summary="Duties to children in need."
    )
    client.get("/catalogue/", {"q": "CA89"})  # warm every cache at the current version
    assert slugs("CA89") == []
    assert admin_client.get(ADD_URL).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(ADD_URL, {"terms": "CA89\nChildren Act 1989", "note": "shorthand"})
    assert response.status_code == 302
    assert slugs("CA89") == ["guidance"]  # no restart: the content version moved on
    assert "guidance" in client.get("/catalogue/", {"q": "CA89"}).content.decode()

    group = SearchSynonymGroup.objects.get(note="shorthand")
    with django_capture_on_commit_callbacks(execute=True):
        group.delete()
    assert slugs("CA89") == []


@pytest.mark.django_db
def test_a_group_needs_two_terms_with_words(admin_client):
    response = admin_client.post(ADD_URL, {"terms": "only one", "note": ""})
    assert response.status_code == 200 and "at least two terms" in response.content.decode()
    response = admin_client.post(ADD_URL, {"terms": "fine\n!!!", "note": ""})
    assert response.status_code == 200 and "no letters or numbers" in response.content.decode()
    assert not SearchSynonymGroup.objects.filter(terms__contains="fine").exists()


def test_longest_term_wins_and_a_term_in_two_groups_gets_both():
    vocabulary = Vocabulary(
        [["mother and baby unit", "MBU"], ["mother", "mum"], ["antenatal", "pre-birth"], ["antenatal", "perinatal"]]
    )
    plan = plan_text("mother and baby unit", vocabulary)
    assert [c.typed for c in plan.concepts] == ["mother and baby unit"]
    assert set(plan_text("antenatal", vocabulary).concepts[0].synonyms) == {"pre-birth", "perinatal"}


@pytest.mark.django_db
def test_search_still_works_with_no_vocabulary(catalogue):
    SearchSynonymGroup.objects.all().delete()
    InterventionPageFactory(parent=catalogue, title="Domestic abuse service", slug="da", summary="Help.")
    assert search("domestic abuse").total == 1
    partly = search("domestic violence")  # without the group, only "domestic" is found
    assert partly.plan.synonyms_used == [] and "1 of the 2" in " ".join(n.sentence for n in partly.notices)
