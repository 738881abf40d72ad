"""Recommended results: editors pin the answer for a search; it shows above the ranked results, labelled."""

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from catalogue.models import SearchRecord
from editorial import roles
from tests.factories import InterventionPageFactory

REPORT_URL = "/admin/reports/searches-finding-little/"


@pytest.fixture
def entries(catalogue):
    return {
        "pause": InterventionPageFactory(parent=catalogue, title="Pause", summary="Support after removal."),
        "fdac": InterventionPageFactory(parent=catalogue, title="Family Drug and Alcohol Court", summary="A court."),
    }


def recommend(words: str, page, description: str = "") -> SearchPromotion:
    return SearchPromotion.objects.create(query=Query.get(words), page=page, description=description)


@pytest.mark.django_db
def test_a_recommended_result_shows_above_the_ranked_results_labelled(client, entries):
    recommend("Drug court", entries["fdac"], "The court for parents who misuse drugs or alcohol.")
    html = client.get("/catalogue/", {"q": "drug  court!"}).content.decode()  # the same words once normalised
    assert "Recommended" in html and "The court for parents who misuse drugs or alcohol." in html
    assert html.index('id="recommended-title"') < html.index('class="results"')
    assert "Recommended" not in client.get("/catalogue/", {"q": "pause"}).content.decode()


@pytest.mark.django_db
def test_an_unpublished_page_is_never_recommended(client, entries, django_capture_on_commit_callbacks):
    recommend("pause", entries["pause"], "Shown while live.")
    assert "Shown while live." in client.get("/catalogue/", {"q": "pause"}).content.decode()
    with django_capture_on_commit_callbacks(execute=True):  # the content version moves on at commit
        entries["pause"].unpublish()
    assert "Shown while live." not in client.get("/catalogue/", {"q": "pause"}).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("role", [roles.CONTRIBUTORS, roles.REVIEWERS])
def test_editors_read_the_report_and_it_links_to_recommending_a_result(client, django_user_model, entries, role):
    SearchRecord.objects.create(day=timezone.localdate(), terms="drug court", results=0)
    user = django_user_model.objects.create_user(role.lower(), password="x")
    user.groups.add(Group.objects.get(name=role))
    client.force_login(user)
    html = client.get(REPORT_URL, {"days": "90"}).content.decode()
    assert "drug court" in html and "Recommend a result" in html
    form = client.get("/admin/reports/searches-finding-little/recommend/", {"q": "Drug court"})
    if role == roles.REVIEWERS:
        assert form.status_code == 200 and 'value="drug court"' in form.content.decode()
    else:
        assert form.status_code in (302, 403)  # Contributors read the report but do not pin results
