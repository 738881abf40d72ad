"""
No fictional entry in the public catalogue: the illustrative examples flagged `is_fictional` in the starter
catalogue's fixture are withdrawn, and no page, filter, feed, export or API record shows them, whether the
site was loaded before their withdrawal (they were live, and are now unpublished) or afresh (never created).
"""

import io
import json
import re
import tempfile
from contextlib import contextmanager

import pytest
from django.core.management import call_command

from catalogue.models import EntryPage
from demo import catalogue as loader
from demo.catalogue import read_demo
from tests.conftest import queueing_nothing

# Exports are built by the task worker after a publish: here they are built at once, when first asked for.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("immediate_tasks")]

DEMO = read_demo()
FICTIONAL = [entry for entry in DEMO["entries"] if entry.get("is_fictional")]
# What would give a fictional entry away on a page: its address and its invented place name.
MARKERS = [entry["slug"] for entry in FICTIONAL] + [
    re.split(r" (?:City|County|Council)\b", entry["area_name"])[0] for entry in FICTIONAL
]


@contextmanager
def _loading(capture):
    """
    Search and caches refresh on commit, as on a real install; the worker's files are not rebuilt after each
    of the load's hundreds of publishes (with tasks run at once that is minutes), but when first asked for.
    """
    with tempfile.TemporaryDirectory() as generated, queueing_nothing(generated), capture(execute=True):
        yield


def _load_quietly(capture):
    with _loading(capture):
        call_command("load_demo", stdout=io.StringIO())


def _pages(client, path, params=None) -> list[str]:
    """The page at `path` and every further page of its results."""
    texts, page = [], 1
    while True:
        response = client.get(path, {**(params or {}), "page": page})
        assert response.status_code == 200, (path, params, page)
        texts.append(response.content.decode())
        results = response.context["results"] if response.context and "results" in response.context else None
        if results is None or page >= results.page_count:
            return texts
        page += 1


def _text(response) -> str:
    assert response.status_code == 200, response
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return body.decode()


def _api_records(client) -> list[dict]:
    records, url = [], "/api/v1/entries/?page_size=100"
    while url:
        body = client.get(url).json()
        records += body["results"]
        url = body["next"]
    return records


def _public_outputs(client) -> dict[str, str]:
    regions = sorted({region for entry in FICTIONAL for region in entry["regions"]})
    outputs = {
        "home page": _text(client.get("/")),
        "catalogue": "\n".join(_pages(client, "/catalogue/")),
        # The feed holds the newest entries only: its case-study feed is where the examples would show.
        "feed": _text(client.get("/catalogue/feed/")) + _text(client.get("/catalogue/feed/", {"type": "case-study"})),
        "CSV export": _text(client.get("/catalogue/export.csv")),
        "JSON export": _text(client.get("/catalogue/export.json")),
        "API": json.dumps(_api_records(client)),
    }
    for region in regions:
        outputs[f"region filter {region}"] = "\n".join(_pages(client, "/catalogue/", {"region": region}))
    return outputs


def _assert_nothing_fictional(client):
    assert FICTIONAL, "the fixture flags the illustrative examples it withdraws"
    slugs = [entry["slug"] for entry in FICTIONAL]
    assert not EntryPage.objects.live().filter(slug__in=slugs).exists()
    assert not [page.slug for page in EntryPage.objects.live().specific() if getattr(page, "is_fictional", False)]
    for where, text in _public_outputs(client).items():
        shown = [marker for marker in MARKERS if marker in text]
        assert shown == [], f"{where} shows {shown}"
    for entry in FICTIONAL:
        assert client.get(f"/catalogue/{entry['slug']}/").status_code == 404


# Its own two installs: it needs an install that never had the withdrawal, so it cannot start from the shared one.
def test_an_install_loaded_before_the_withdrawal_no_longer_shows_them(
    client, catalogue, tmp_path, django_capture_on_commit_callbacks
):
    # The starter catalogue as it was: the illustrative examples live, linked from real entries.
    older = {**DEMO, "revisions": [], "withdrawn": []}
    path = tmp_path / "older.json"
    path.write_text(json.dumps(older), encoding="utf-8")
    with _loading(django_capture_on_commit_callbacks):
        loader.load_demo_catalogue(catalogue, path, parts_dir=None)
    assert EntryPage.objects.live().filter(slug__in=[entry["slug"] for entry in FICTIONAL]).count() == len(FICTIONAL)
    before = _public_outputs(client)
    for where in ("catalogue", "feed", "CSV export", "JSON export", "API"):  # the checks below can fail
        assert any(marker in before[where] for marker in MARKERS), where

    _load_quietly(django_capture_on_commit_callbacks)
    _assert_nothing_fictional(client)
    # Real entries that linked to them link only to live entries now.
    for page in EntryPage.objects.live().specific():
        assert all(link.related.live for link in page.related_entries.all()), page.slug


def test_a_fresh_install_never_creates_them(client, demo_catalogue):
    # A fresh `load_demo`, installed once for the tests that only read it (tests/shared_builds.py); like
    # `_loading`, its on-commit work ran and it queued nothing.
    assert not EntryPage.objects.filter(slug__in=[entry["slug"] for entry in FICTIONAL]).exists()
    _assert_nothing_fictional(client)
