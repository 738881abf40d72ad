"""
Notices are data (a code and its arguments) rendered two ways: the page says what it did instead,
a machine reader is told what is wrong. Searching never changes the query it is given.
"""

import copy
import dataclasses
from urllib.parse import urlencode

import pytest
from django.http import QueryDict
from django.utils.safestring import SafeData

from catalogue.models import SearchRecord
from catalogue.search import records
from catalogue.search.engine import run_search
from catalogue.search.notices import Notice, NoticeCode, notice
from catalogue.search.query import CatalogueQuery
from catalogue.search.snapshot import get_snapshot
from tests.factories import InterventionPageFactory

# code -> (its arguments, what both wordings must name, what the page adds about what it did instead)
CASES = {
    NoticeCode.UNKNOWN_PARAMETERS: ({"names": ("utm_source", "fbclid")}, ["‘utm_source’", "‘fbclid’"], "ignored"),
    NoticeCode.UNKNOWN_VALUE: (
        {"facet": "Region", "values": ("atlantis", "<b>")},
        ["Region", "‘atlantis’", "‘<b>’"],
        "ignored",
    ),
    NoticeCode.BAD_SORT: ({"value": "cheapest"}, ["‘cheapest’"], "default order"),
    NoticeCode.BAD_PAGE: ({"value": "two"}, ["‘two’", "page number"], "first page"),
    NoticeCode.TEXT_SHORTENED: ({"limit": 123}, ["123"], "shortened"),
    NoticeCode.PAGE_PAST_END: ({"asked": 987, "last": 654}, ["987", "654"], "showing page 654"),
    NoticeCode.ONLY_COMMON_WORDS: ({"words": ("the", "of")}, ["‘the’", "‘of’", "very common"], "all entries"),
    NoticeCode.NO_SEARCHABLE_CHARACTERS: ({}, ["letters or numbers"], "all entries"),
    NoticeCode.PARTIAL_MATCH: ({"matched": 2, "terms": 3}, ["2 of the 3"], "these are the entries"),
}


def test_every_code_has_a_case_here():
    assert set(CASES) == set(NoticeCode)


@pytest.mark.parametrize("code", list(NoticeCode))
def test_each_code_renders_for_the_page_and_for_a_machine_reader(code):
    args, named, instead = CASES[code]
    rendered = notice(code, **args)
    for fragment in named:
        assert fragment in rendered.sentence, (code, fragment)
        assert fragment in rendered.error, (code, fragment)
    assert instead in rendered.sentence
    # A machine reader gets a 400 and nothing done instead: the error never claims otherwise.
    assert instead not in rendered.error and "ignored" not in rendered.error
    assert rendered.sentence != rendered.error
    assert str(rendered) == rendered.sentence


@pytest.mark.parametrize("code", list(NoticeCode))
def test_wordings_are_plain_text_for_the_template_to_escape(code):
    rendered = notice(code, **CASES[code][0])
    assert not isinstance(rendered.sentence, SafeData) and not isinstance(rendered.error, SafeData)


def test_a_notice_must_have_exactly_its_arguments():
    with pytest.raises(ValueError, match="value"):
        notice(NoticeCode.BAD_SORT)
    with pytest.raises(ValueError, match="colour"):
        notice(NoticeCode.NO_SEARCHABLE_CHARACTERS, colour="red")


def test_only_notices_about_the_request_reject_it():
    describing = {NoticeCode.ONLY_COMMON_WORDS, NoticeCode.NO_SEARCHABLE_CHARACTERS, NoticeCode.PARTIAL_MATCH}
    for code in NoticeCode:
        assert notice(code, **CASES[code][0]).rejects_request is (code not in describing), code


def test_user_text_in_a_notice_is_escaped_on_the_page(client, catalogue):
    html = client.get("/catalogue/", {"sort": "<i>x</i>", "<b>": "1"}).content.decode()
    assert "We cannot sort by ‘&lt;i&gt;x&lt;/i&gt;’" in html
    assert "‘&lt;b&gt;’" in html
    assert "<i>x</i>" not in html and "<b>" not in html


def _query(**params) -> CatalogueQuery:
    return CatalogueQuery.from_params(QueryDict(urlencode(params)), get_snapshot().known_values())


@pytest.fixture
def two_words_never_together(catalogue):
    InterventionPageFactory(parent=catalogue, title="Midwives at birth", summary="Midwives.")
    InterventionPageFactory(parent=catalogue, title="Court support", summary="At court.")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "codes"),
    [
        ({"page": "9"}, [NoticeCode.PAGE_PAST_END]),
        ({"q": "midwives court"}, [NoticeCode.PARTIAL_MATCH]),
        ({"q": "midwives court", "page": "9"}, [NoticeCode.PARTIAL_MATCH, NoticeCode.PAGE_PAST_END]),
    ],
)
def test_run_search_leaves_the_query_as_it_was(two_words_never_together, params, codes):
    query = _query(**params)
    before = copy.deepcopy(query)
    results = run_search(query, get_snapshot(), page_size=1)
    assert query == before and query.notices == ()
    assert [n.code for n in results.notices] == codes
    if "page" in params:
        assert query.page == int(params["page"]) and results.page == results.page_count
        assert f"There is no page {params['page']}; showing page {results.page_count}" in results.notices[-1].sentence


@pytest.mark.django_db
def test_a_query_cannot_be_changed_after_reading(catalogue):
    query = _query(q="court")
    with pytest.raises(dataclasses.FrozenInstanceError):
        query.page = 2


@pytest.mark.django_db
def test_the_page_shows_the_request_notices_then_the_search_notices(client, two_words_never_together):
    html = client.get("/catalogue/", {"q": "midwives court", "sort": "cheapest", "page": "9"}).content.decode()
    positions = [html.index(text) for text in ("We cannot sort by", "Few entries have all", "There is no page 9")]
    assert positions == sorted(positions)


@pytest.mark.django_db
@pytest.mark.parametrize("words", ["midwives court", "the and of", "!!!"])
def test_the_api_lists_what_the_page_lists_however_the_words_matched(client, two_words_never_together, words):
    # These notices describe the results, not an unusable request: the API answers as the page does.
    response = client.get("/api/v1/entries/", {"q": words})
    assert response.status_code == 200, response.content
    page_results = client.get("/catalogue/", {"q": words}).context["results"]
    assert [entry["id"] for entry in response.json()["results"]] == [entry.pk for entry in page_results.entries]
    assert page_results.notices  # the page did say something about these words
    # ...and the API says the same, as codes a program can act on and messages that say what was found
    notices = response.json()["notices"]
    assert [notice["code"] for notice in notices] == [str(notice.code) for notice in page_results.notices]
    assert [notice["message"] for notice in notices] == [notice.error for notice in page_results.notices]
    assert not any("ignored" in notice["message"] for notice in notices)


@pytest.mark.django_db
def test_the_api_has_no_notices_when_every_word_matched(client, two_words_never_together):
    response = client.get("/api/v1/entries/", {"q": "midwives"})
    assert response.json()["total"] == 1 and response.json()["notices"] == []


@pytest.mark.django_db
def test_exports_never_fail_on_the_page_number(immediate_tasks, client, two_words_never_together):
    assert client.get("/catalogue/export.json", {"page": "9"}).status_code == 200


@pytest.fixture
def search_log(settings):
    records._pending.clear()
    settings.SEARCH_RECORD_FLUSH_SECONDS = 0  # write every search at once
    yield
    records._pending.clear()


@pytest.mark.django_db
def test_only_the_catalogue_page_logs_searches(immediate_tasks, client, two_words_never_together, search_log):
    for url in ("/api/v1/entries/", "/catalogue/export.json", "/catalogue/export.csv", "/catalogue/feed/"):
        response = client.get(url, {"q": "court"})
        assert response.status_code == 200, url
    run_search(_query(q="court"), get_snapshot())
    assert not SearchRecord.objects.exists()
    client.get("/catalogue/", {"q": "court"})
    assert list(SearchRecord.objects.values_list("terms", "searches")) == [("court", 1)]


def test_a_notice_is_data_that_compares_by_code_and_arguments():
    assert notice(NoticeCode.BAD_PAGE, value="x") == Notice(NoticeCode.BAD_PAGE, {"value": "x"})
    assert notice(NoticeCode.BAD_PAGE, value="x") != notice(NoticeCode.BAD_PAGE, value="y")


def test_user_text_is_never_read_as_a_wording_field():
    rendered = notice(NoticeCode.BAD_SORT, value="{value} {0} %s")
    assert rendered.sentence.startswith("We cannot sort by ‘{value} {0} %s’")
    assert rendered.error == "We cannot sort by ‘{value} {0} %s’."
