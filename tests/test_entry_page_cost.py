"""An entry page costs a bounded number of queries, shows all it holds, and formats citations once."""

import pytest
from django.db import connection
from wagtail.models import PageViewRestriction

from catalogue.models import LocalAuthority
from evidencemap.models import ResearchQuestion, ResearchQuestionEntry
from opendata import citation
from tests.factories import CaseStudyPageFactory, GuidancePageFactory, InterventionPageFactory, ReferenceFactory

MAX_ENTRY_PAGE_QUERIES = 15


def count_queries(action):
    """(queries run, result) for `action()`, counted as they execute (never vacuously zero)."""
    calls = []

    def counted(execute, sql, params, many, context):
        calls.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counted):
        result = action()
    return len(calls), result


@pytest.fixture
def full_entry(catalogue):
    """An entry with every kind of link an entry page shows, including a private related entry."""
    case = CaseStudyPageFactory(parent=catalogue, title="Related case study", evidence="practice-informed")
    guidance = GuidancePageFactory(parent=catalogue, title="Related guidance", issuing_body="A body")
    other = InterventionPageFactory(parent=catalogue, title="Related intervention")
    hidden = InterventionPageFactory(parent=catalogue, title="Private related intervention")
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)
    entry = InterventionPageFactory(
        parent=catalogue,
        title="Entry with everything",
        evidence="moderate",
        publish=False,
        areas=["peri-natal-intervention", "post-removal-support"],
        stages=["pregnancy", "at-birth"],
        regions=["london", "wales"],
        topics=["substance-use", "fathers"],
    )
    entry.local_authorities.set(LocalAuthority.objects.order_by("pk")[:2])
    entry.references.set([ReferenceFactory(title=f"Study number {n}") for n in range(3)])
    for related in (other, hidden, case, guidance):
        entry.related_entries.create(related=related)
    entry.save_revision().publish()
    question = ResearchQuestion.objects.order_by("pk").first()
    ResearchQuestionEntry.objects.create(question=question, entry=entry)
    return entry


@pytest.mark.django_db
def test_an_entry_page_shows_every_link_within_the_query_budget(client, full_entry):
    client.get(full_entry.url)  # the first view after a publish builds the per-version memos
    queries, response = count_queries(lambda: client.get(full_entry.url))
    assert 0 < queries <= MAX_ENTRY_PAGE_QUERIES
    html = response.content.decode()
    expected = [
        full_entry.evidence_level.name,
        *(term.name for term in full_entry.areas.all()),
        *(term.name for term in full_entry.stages.all()),
        *(term.name for term in full_entry.regions.all()),
        *(term.name for term in full_entry.topics.all()),
        *(la.name for la in full_entry.local_authorities.all()),
        *(ref.title for ref in full_entry.references.all()),
        "Related case study",
        "Related guidance",
        "Related intervention",
        ResearchQuestion.objects.get(entry_links__entry=full_entry).title,
    ]
    for text in expected:
        assert text in html, text
    assert "Private related intervention" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("factory", [InterventionPageFactory, GuidancePageFactory, CaseStudyPageFactory])
def test_every_entry_type_stays_within_the_budget(client, catalogue, factory):
    entry = factory(parent=catalogue, title="A plain entry")
    client.get(entry.url)
    queries, response = count_queries(lambda: client.get(entry.url))
    assert response.status_code == 200
    assert 0 < queries <= MAX_ENTRY_PAGE_QUERIES


@pytest.mark.django_db
def test_a_restriction_added_after_a_view_applies_on_the_next_request(
    client, full_entry, django_capture_on_commit_callbacks
):
    assert client.get(full_entry.url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=full_entry, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(full_entry.url)
    assert response.status_code == 302 and "/login" in response["Location"]


@pytest.mark.django_db
def test_citations_are_formatted_once_per_published_revision(
    client, full_entry, monkeypatch, django_capture_on_commit_callbacks
):
    from django.core.cache import cache

    cache.clear()
    calls = []
    original = citation._format
    monkeypatch.setattr(citation, "_format", lambda *args: calls.append(args[1]) or original(*args))
    first = client.get(full_entry.url).content.decode()
    client.get(full_entry.url)
    assert sorted(calls) == sorted(citation.STYLES)  # each style once, not once a view
    with django_capture_on_commit_callbacks(execute=True):
        full_entry.title = "Entry renamed"
        full_entry.save_revision().publish()
    second = client.get(full_entry.url).content.decode()
    assert len(calls) == 2 * len(citation.STYLES)
    assert "Entry renamed" in second and first != second
