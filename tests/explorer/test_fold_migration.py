"""
The family justice models moved from the `familyjustice` app into the explorer (explorer migration 0003):
on a database that had the old app, its rows and content types survive the move; on a new database the
tables are created and the trend events seeded, as the old app's migrations did.
"""

import datetime
import importlib

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from explorer.models import AuthorityArea, DfjArea, DfjCourt, TrendEvent

pytestmark = pytest.mark.schema_migration  # run after the other database tests (tests/conftest.py)

BEFORE = [("explorer", "0002_infant_care")]
FOLD = [("explorer", "0003_datawing_family_justice")]
OLD_TABLES = ["familyjustice_dfjarea", "familyjustice_dfjcourt", "familyjustice_authorityarea"]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    # The content-type cache is left warm: serialized rollback reloads the database after this test, and a
    # cold cache would make that reload create content types before their rows arrive.


@pytest.fixture(autouse=True)
def back_to_the_latest_schema():
    """Each test migrates the explorer back; afterwards every app is at its latest migration again, so the
    tests after it (and the serialized copy put back before the next one) find every table."""
    yield
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


def rows_the_old_app_wrote(cursor):
    """Rows as the familyjustice app stored them, written with SQL (the old app's models are gone)."""
    cursor.execute("DELETE FROM familyjustice_authorityarea_candidates")
    for table in ("familyjustice_authorityarea", "familyjustice_dfjcourt", "familyjustice_dfjarea"):
        cursor.execute(f"DELETE FROM {table}")  # noqa: S608 (fixed names)
    cursor.execute("DELETE FROM familyjustice_trendevent")
    cursor.execute(
        "INSERT INTO familyjustice_dfjarea (code, slug, name, hmcts_region) VALUES (%s, %s, %s, %s)",
        ["TEST_AREA", "test-area", "Test area", "Midlands"],
    )
    cursor.execute("SELECT id FROM familyjustice_dfjarea WHERE code = %s", ["TEST_AREA"])
    area_id = cursor.fetchone()[0]
    cursor.execute(
        "INSERT INTO familyjustice_dfjcourt (area_id, court_code, name) VALUES (%s, %s, %s)",
        [area_id, "999", "Test family court"],
    )
    cursor.execute(
        "INSERT INTO familyjustice_authorityarea (la_code, la_name, country, status, area_id, courts, "
        "courts_without_dfj_area, successor_note, basis) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)",
        ["X99000001", "Exampleshire", "England", "single", area_id, "Test family court [999]", "", "", "test"],
    )
    cursor.execute("SELECT id FROM familyjustice_authorityarea WHERE la_code = %s", ["X99000001"])
    link_id = cursor.fetchone()[0]
    cursor.execute(
        "INSERT INTO familyjustice_authorityarea_candidates (authorityarea_id, dfjarea_id) VALUES (%s, %s)",
        [link_id, area_id],
    )
    cursor.execute(
        "INSERT INTO familyjustice_trendevent (date, date_precision, title, description, source_title, source_url) "
        "VALUES (%s, %s, %s, %s, %s, %s)",
        [datetime.date(2020, 5, 1), "month", "An editor's event", "", "A source", "https://example.org/source"],
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_rows_and_content_types_of_the_old_app_survive_the_move():
    migrate(BEFORE)  # the explorer as it was, with the old app's tables beside it
    with connection.cursor() as cursor:
        rows_the_old_app_wrote(cursor)
    old_type = ContentType.objects.get(app_label="explorer", model="trendevent")
    ContentType.objects.filter(pk=old_type.pk).update(app_label="familyjustice")

    migrate(FOLD)

    area = DfjArea.objects.get(code="TEST_AREA")
    assert [court.name for court in area.courts.all()] == ["Test family court"]
    link = AuthorityArea.objects.get(la_code="X99000001")
    assert link.area == area and list(link.candidates.all()) == [area]
    assert list(TrendEvent.objects.values_list("title", flat=True)) == ["An editor's event"]  # nothing re-seeded
    moved = ContentType.objects.get(pk=old_type.pk)
    assert (moved.app_label, moved.model) == ("explorer", "trendevent")
    assert DfjCourt._meta.db_table == "familyjustice_dfjcourt"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_new_database_gets_the_tables_and_the_seeded_events():
    migrate(BEFORE)
    state = MigrationExecutor(connection).loader.project_state(FOLD[0])
    with connection.schema_editor() as editor:
        for name in ("AuthorityArea", "DfjCourt", "DfjArea", "TrendEvent"):
            editor.delete_model(state.apps.get_model("explorer", name))
    assert not set(OLD_TABLES) & set(connection.introspection.table_names())

    migrate(FOLD)

    assert set(OLD_TABLES) <= set(connection.introspection.table_names())
    events = importlib.import_module("explorer.migrations.0003_datawing_family_justice").EVENTS
    seeded = TrendEvent.objects.order_by("date", "pk")
    assert [(event.date, event.title, event.source_url) for event in seeded] == [
        (event["date"], event["title"], event["source_url"]) for event in events
    ]
    assert DfjArea.objects.count() == 0  # the data come from `load_open_data`, not from a migration
