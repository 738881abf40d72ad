"""Failures handled gracefully: database down, search backend down, and fuzzed parameters."""

import pytest
from django.db import OperationalError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.search.backends import get_search_backend

from catalogue.search.fulltext import adapter_for
from tests.factories import InterventionPageFactory
from tests.search.database_errors import locked_database_error, raising
from website.control_characters import CONTROL_CHARACTER


@pytest.mark.django_db
def test_database_unavailable_gives_a_friendly_503(client, catalogue, monkeypatch):
    from catalogue.models import ContentVersion

    def unreachable(*args, **kwargs):
        raise OperationalError("could not connect to server: Connection refused")

    monkeypatch.setattr(ContentVersion, "current", classmethod(unreachable))
    response = client.get("/catalogue/?q=x")
    assert response.status_code == 503
    assert "Sorry, the service is unavailable" in response.content.decode()
    assert response["Retry-After"] == "60"


@pytest.mark.django_db
def test_search_backend_failure_still_filters(client, catalogue, monkeypatch):
    InterventionPageFactory(parent=catalogue, title="In London", regions=["london"])
    InterventionPageFactory(parent=catalogue, title="In Wales", regions=["wales"])

    # A passing failure (a locked database) is what degrades to filtering; a schema mismatch raises
    # instead (tests/search/test_fulltext_contract.py).
    monkeypatch.setattr(type(adapter_for(get_search_backend())), "rows", raising(locked_database_error()))
    response = client.get("/catalogue/?q=parents&region=wales")  # words, not a place name
    html = response.content.decode()
    assert response.status_code == 200
    assert "Text search is unavailable" in html
    assert "In Wales" in html and "In London" not in html


PARAM_NAMES = st.sampled_from(["q", "area", "stage", "type", "evidence", "region", "topic", "sort", "page", "x"])
VALUES = st.one_of(st.text(max_size=300), st.sampled_from(["london", "strong", "2", "-1", "0", "1e9", "%", "\x00"]))


@pytest.mark.django_db
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(params=st.lists(st.tuples(PARAM_NAMES, VALUES), max_size=8))
def test_fuzzed_catalogue_parameters_never_error(client, catalogue, params):
    response = client.get("/catalogue/", params)
    # A control character (a NUL byte, a line break) is refused with 400 before the page: every other value is
    # read and, where unknown, explained on the page.
    refused = any(CONTROL_CHARACTER.search(name + value) for name, value in params)
    assert response.status_code == (400 if refused else 200)
