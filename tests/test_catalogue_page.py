"""The catalogue page over HTTP: bad input, chips, pagination, visibility and query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from catalogue.indexing import index_once_at_the_end
from catalogue.search.facets import PAGE_SIZE
from tests.factories import CaseStudyPageFactory, InterventionPageFactory

BAD_QUERIES = [
    ("page=abc", "is not a page number"),
    ("page=999999", "There is no page 999999"),
    ("page=-3", "is not a page number"),
    ("evidence=999", "we do not recognise ‘999’"),
    ("region=%3Cscript%3Ealert(1)%3C/script%3E", "we do not recognise ‘&lt;script&gt;alert(1)&lt;/script&gt;’"),
    ("sort=DROP", "We cannot sort by ‘DROP’"),
    ("q=" + "a" * 10_000, "shortened to its first 200 characters"),
    ("area=post-removal-support&area=post-removal-support&area=nonsense", "we do not recognise ‘nonsense’"),
    ("q=%FF%FE%C3&region=%E9", "Region: we do not recognise"),
    ("utm_source=newsletter", "not used by the catalogue"),
    ("q=%22unbalanced+AND+OR+NOT+(*", "0</strong> entries"),
    ("q=NEAR(a+b)+title:x+-y+*", "0</strong> entries"),
]


@pytest.mark.django_db
@pytest.mark.parametrize("querystring,message", BAD_QUERIES)
def test_bad_parameters_are_ignored_and_reported(client, catalogue, querystring, message):
    InterventionPageFactory(parent=catalogue, title="Court support", areas=["post-removal-support"])
    response = client.get(f"/catalogue/?{querystring}")
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "<script>alert(1)" not in response.content.decode()


@pytest.mark.django_db
def test_too_many_parameters_is_a_clear_400_not_500(client, catalogue):
    response = client.get("/catalogue/?" + "&".join(f"topic=t{n}" for n in range(1500)))
    assert response.status_code == 400


@pytest.mark.django_db
def test_selected_filters_are_removable_links(client, catalogue):
    InterventionPageFactory(parent=catalogue, title="FDAC", areas=["peri-natal-intervention"], regions=["london"])
    response = client.get("/catalogue/?q=fdac&area=peri-natal-intervention&region=london")
    html = response.content.decode()
    assert 'href="?q=fdac&amp;region=london"' in html  # removes the area, keeps the rest
    assert 'href="?area=peri-natal-intervention&amp;region=london"' in html  # removes the words
    assert "Clear all filters" in html
    assert "<strong>1</strong> entry for ‘fdac’" in html


@pytest.mark.django_db
def test_zero_count_values_stay_visible_but_disabled(client, catalogue):
    InterventionPageFactory(parent=catalogue, areas=["peri-natal-intervention"])
    html = client.get("/catalogue/").content.decode()
    assert 'value="post-removal-support" id="f-area-post-removal-support" disabled' in html
    assert 'Post-removal support <span class="facet__count">(0)</span>' in html


@pytest.mark.django_db
def test_empty_state_helps(client, catalogue):
    html = client.get("/catalogue/?q=zzzzqqq").content.decode()
    assert "No entries match your search" in html and "fewer or different words" in html


@pytest.mark.django_db
def test_pagination_links_keep_the_filters(client, catalogue):
    with index_once_at_the_end():  # each entry indexed once, not on each of its three saves
        for n in range(25):
            InterventionPageFactory(parent=catalogue, title=f"Service {n:02d}", regions=["wales"])
    html = client.get("/catalogue/?region=wales&sort=title&page=2").content.decode()
    assert "Service 20" in html and "Service 19" not in html
    assert 'href="?region=wales&amp;sort=title"' in html  # page 1 link, filters kept
    assert 'aria-current="page">2<' in html


@pytest.mark.django_db
def test_drafts_private_and_unpublished_entries_are_invisible(client, catalogue, django_capture_on_commit_callbacks):
    InterventionPageFactory(parent=catalogue, title="Published thing", regions=["london"])
    InterventionPageFactory(parent=catalogue, title="Draft thing", regions=["london"], live=False, publish=False)
    private = InterventionPageFactory(parent=catalogue, title="Private thing", regions=["london"])
    withdrawn = CaseStudyPageFactory(parent=catalogue, title="Withdrawn thing", regions=["london"])
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
        withdrawn.unpublish()

    html = client.get("/catalogue/?q=thing").content.decode()
    assert "Published thing" in html
    for hidden in ("Draft thing", "Private thing", "Withdrawn thing"):
        assert hidden not in html
    assert 'London <span class="facet__count">(1)</span>' in html
    assert client.get("/catalogue/draft-thing/").status_code == 404


@pytest.mark.django_db
def test_publishing_updates_the_catalogue_at_once(client, catalogue, django_capture_on_commit_callbacks):
    assert "New service" not in client.get("/catalogue/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        InterventionPageFactory(parent=catalogue, title="New service")
    assert "New service" in client.get("/catalogue/").content.decode()


def _count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_query_count_does_not_grow_with_results(client, catalogue, django_capture_on_commit_callbacks):
    url = "/catalogue/?q=service&area=peri-natal-intervention&region=london&topic=fathers"

    def make(n, start):
        # Each page is saved three times on its way to publication (created, its revision, its publish): the
        # indexes are updated once a page, when the batch ends, as they would be left after the three saves.
        with index_once_at_the_end():
            for i in range(start, start + n):
                _make_service(i)

    def _make_service(i):
        InterventionPageFactory(
            parent=catalogue,
            title=f"Service {i}",
            regions=["london"],
            topics=["fathers"],
            stages=["at-birth"],
            evidence="promising" if i % 2 else "not-yet-rated",
        )

    # A few results (half a page), then many: more than two full pages, so that the page shown, the pagination
    # and every facet count cover more entries than one page holds (200 entries showed nothing 50 do not).
    few, many = PAGE_SIZE // 2, PAGE_SIZE * 2 + PAGE_SIZE // 2
    make(few, 0)
    client.get(url)  # warm the snapshot and the site-root cache
    with_few = _count_queries(client, url)
    assert f"<strong>{few}</strong> entries" in client.get(url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):  # publishing moves the content version on
        make(many - few, few)
    client.get(url)
    with_many = _count_queries(client, url)
    page = client.get(url).content.decode()
    assert f"<strong>{many}</strong> entries" in page and page.count('<li class="result-card">') == PAGE_SIZE
    assert with_few == with_many
    assert with_many <= 20
