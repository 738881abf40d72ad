"""What searches found: recorded without personal data, reported to editors, expired."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from catalogue.models import SearchRecord
from catalogue.search.records import expire_records, flush_records, searches_finding_little
from tests.factories import InterventionPageFactory

REPORT_URL = "/admin/reports/searches-finding-little/"


@pytest.fixture(autouse=True)
def write_at_once(settings, request):
    """
    Counts are normally handed to the task queue once a minute; here every search is handed over at once, and
    the queue's task runs at once (unless the test is about the queue).
    """
    settings.SEARCH_RECORD_FLUSH_SECONDS = 0
    if "queue_as_in_production" not in request.fixturenames:
        request.getfixturevalue("immediate_tasks")


@pytest.fixture
def queue_as_in_production():
    """Asked for by a test about the queue itself: its tasks wait in the database for the worker."""


@pytest.mark.django_db
def test_a_request_only_queues_its_counts_for_the_worker_to_write(client, entries, queue_as_in_production):
    from django_tasks_db.models import DBTaskResult

    client.get("/catalogue/", {"q": "pause"})
    client.get("/catalogue/", {"q": "jane.doe@example.org"})
    assert not SearchRecord.objects.exists()  # nothing written in the request
    queued = DBTaskResult.objects.filter(task_path="catalogue.search.records.write_search_records")
    assert queued.count() == 2
    day = timezone.localdate().isoformat()
    assert [task.args_kwargs["args"][0] for task in queued.order_by("enqueued_at")] == [
        [[day, "pause", 1, 1]],
        [[day, "#other 0", 1, 0]],  # the address itself is nowhere in the queue
    ]


@pytest.fixture
def entries(catalogue):
    InterventionPageFactory(parent=catalogue, title="Pause", summary="Support after removal.")
    InterventionPageFactory(parent=catalogue, title="Family Drug and Alcohol Court", summary="A court.")


@pytest.mark.django_db
def test_a_search_is_counted_with_its_words_and_results_only(client, entries):
    client.get("/catalogue/", {"q": "  Pause!! "}, HTTP_USER_AGENT="secret-agent", REMOTE_ADDR="203.0.113.9")
    client.get("/catalogue/", {"q": "pause"})
    client.get("/catalogue/", {"q": "pause", "page": "2"})  # later pages are not new searches
    client.get("/catalogue/", {"q": "wibble"})
    client.get("/catalogue/")  # no words: nothing to record
    rows = {row.terms: row for row in SearchRecord.objects.all()}
    assert set(rows) == {"pause", "#other 0"}  # "wibble" is no word of the catalogue: counted, not kept
    assert (rows["pause"].searches, rows["pause"].results) == (2, 1)
    assert (rows["#other 0"].searches, rows["#other 0"].results) == (1, 0)
    # Nothing that identifies the person: the model has no field for it, and no value holds it.
    fields = {field.name for field in SearchRecord._meta.get_fields()}
    assert fields == {"id", "day", "terms", "searches", "results"}
    assert "203.0.113.9" not in str(list(SearchRecord.objects.values()))


@pytest.mark.django_db
def test_recording_costs_one_statement_and_a_fixed_query_count(client, entries):
    client.get("/catalogue/", {"q": "pause"})  # warm: snapshot, vocabulary, text cache
    with CaptureQueriesContext(connection) as first:
        client.get("/catalogue/", {"q": "court"})
    with CaptureQueriesContext(connection) as again:
        client.get("/catalogue/", {"q": "court"})
    inserts = [q["sql"] for q in again.captured_queries if "INSERT INTO" in q["sql"] and "searchrecord" in q["sql"]]
    assert len(inserts) == 1
    assert len(again) <= len(first)  # the first also asked the index; repeats come from the cache


@pytest.mark.django_db
def test_counts_gather_in_the_process_and_are_written_in_one_statement(client, entries, settings):
    settings.SEARCH_RECORD_FLUSH_SECONDS = 3600
    client.get("/catalogue/", {"q": "pause"})  # warm
    with CaptureQueriesContext(connection) as queries:
        for text in ("pause", "court", "wibble", "pause"):
            client.get("/catalogue/", {"q": text})
    assert not [q for q in queries.captured_queries if "searchrecord" in q["sql"]]
    with CaptureQueriesContext(connection) as queries:
        flush_records()
    assert len(queries) <= 3  # the upsert, inside a savepoint
    rows = dict(SearchRecord.objects.values_list("terms", "searches"))
    assert rows == {"pause": 3, "court": 1, "#other 0": 1}


@pytest.mark.django_db
def test_the_report_lists_frequent_searches_that_found_little(admin_client, client, entries):
    for _ in range(3):
        client.get("/catalogue/", {"q": "court removal"})  # words the catalogue has, not together
    client.get("/catalogue/", {"q": "wibble"})
    client.get("/catalogue/", {"q": "pause"})
    nothing = list(searches_finding_little(at_most=0))
    assert [(row["terms"], row["searches"]) for row in nothing] == [("#other 0", 1)]
    little = [(row["terms"], row["results"]) for row in searches_finding_little(at_most=2)]
    assert little == [("court removal", 2), ("#other 0", 0), ("pause", 1)]  # most searched first, then by words
    html = admin_client.get(REPORT_URL).content.decode()
    assert "court removal" in html and "Other searches" in html and "wibble" not in html
    assert admin_client.get(REPORT_URL, {"days": "²"}).status_code == 200


@pytest.mark.django_db
def test_the_report_is_for_editors_only(client, django_user_model):
    user = django_user_model.objects.create_user("reader", password="x")
    client.force_login(user)
    assert client.get(REPORT_URL).status_code in (302, 403)


@pytest.mark.django_db
def test_old_records_expire(settings):
    today = timezone.localdate()
    SearchRecord.objects.create(day=today, terms="new", results=0)
    SearchRecord.objects.create(day=today - timedelta(days=89), terms="kept", results=0)
    SearchRecord.objects.create(day=today - timedelta(days=91), terms="old", results=0)
    call_command("expire_search_records", stdout=io.StringIO())
    assert set(SearchRecord.objects.values_list("terms", flat=True)) == {"new", "kept"}
    settings.SEARCH_RECORD_KEEP_DAYS = 0
    assert expire_records() == 1
    assert set(SearchRecord.objects.values_list("terms", flat=True)) == {"new"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "typed",
    [
        "jane.doe@example.org",
        "pause jane.doe@example.org",
        "4857773456",  # ten digits, as an NHS number
        "pause 485 777 3456",
        "Pause Wibblesworth",  # a word the catalogue does not have, as a surname
    ],
)
def test_personal_data_is_never_stored(client, entries, typed):
    client.get("/catalogue/", {"q": typed})
    stored = list(SearchRecord.objects.values_list("terms", flat=True))
    assert len(stored) == 1 and stored[0].startswith("#other")
    for word in typed.replace(".", " ").replace("@", " ").split():
        assert not any(word.casefold() in terms.split() for terms in stored), word


@pytest.mark.django_db
def test_words_of_the_vocabularies_are_kept_though_no_entry_has_them(client, entries):
    client.get("/catalogue/", {"q": "section 20"})  # a seeded synonym term, number included
    assert list(SearchRecord.objects.values_list("terms", flat=True)) == ["section 20"]


@pytest.mark.django_db
def test_the_migration_folds_existing_records_with_unknown_words_into_other_searches(entries):
    from importlib import import_module

    from django.apps import apps

    migration = import_module("catalogue.migrations.0009_words_search_records_without_personal_data")
    today = timezone.localdate()
    for terms, results in [("pause", 1), ("jane doe", 0), ("4857773456", 0), ("a b c", 5), ("court", 1)]:
        SearchRecord.objects.create(day=today, terms=terms, results=results, searches=2)
    migration.fold_unknown_searches(apps, None)
    rows = dict(SearchRecord.objects.values_list("terms", "searches"))
    assert rows == {"pause": 2, "court": 2, "#other 0": 4, "#other 3": 2}
