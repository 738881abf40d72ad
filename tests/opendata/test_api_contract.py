"""
Issue 25, item 7: a standard fuzzer against the API's own description. Schemathesis reads
/api/v1/openapi.json from the Django application (in process, through WSGI: no network, no server) and
sends its operations a bounded, deterministic set of generated requests, valid and invalid, checking every
response against the description: status codes, content types, headers, bodies, and that invalid input is
refused and valid input accepted. Every method an operation does not document is a 405 naming the ones it
does (the Allow header).
"""

import time

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.generation.modes import GenerationMode

from catalogue.models import InterventionPage
from tests.factories import CaseStudyPageFactory, GuidancePageFactory, InterventionPageFactory

pytestmark = pytest.mark.django_db

CASES = 150  # per mode (valid and invalid input): a few hundred requests in all, well under a minute
FUZZ = settings(
    max_examples=CASES,
    derandomize=True,  # the same cases on every run
    database=None,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture
def api_schema(catalogue):
    """The description as served, over a small catalogue so that list, detail and filters all have answers."""
    InterventionPageFactory(parent=catalogue, title="Parent advocacy", regions=["london"], topics=["fathers"])
    GuidancePageFactory(parent=catalogue, title="Pre-birth assessment procedure", regions=["wales"])
    CaseStudyPageFactory(parent=catalogue, title="Recovery court pathway", evidence="practice-informed")
    # As Django's own test client does: the WSGI handler would otherwise close the database connection at
    # each request's start and end, which inside the test's transaction (PostgreSQL) loses it.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_the_api_keeps_to_its_openapi_description(api_schema, mode):
    @FUZZ
    @given(case=api_schema.as_strategy(generation_mode=mode))
    def call_and_validate(case):
        # Werkzeug's test client, which schemathesis drives the WSGI app with, does not undo gzip.
        case.call_and_validate(headers={"Accept-Encoding": "identity"})

    started = time.perf_counter()
    call_and_validate()
    print(f"{mode}: {time.perf_counter() - started:.1f} s")


def test_an_undocumented_method_is_a_405_that_names_the_documented_ones(client, api_schema):
    for result in api_schema.get_all_operations():
        operation = result.ok()
        path = operation.path.replace("{entry_id}", str(InterventionPage.objects.get().pk)).replace("{param}", "region")
        documented = {method.upper() for method in api_schema.raw_schema["paths"][operation.path]}
        assert documented == {"GET"}
        for method in ("POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"):
            response = client.generic(method, path)
            assert response.status_code == 405, (method, path)
            assert response["Allow"] == "GET, HEAD", (method, path)
        # HEAD, which HTTP requires wherever GET works, is the GET's headers without its body.
        got, head = client.get(path), client.head(path)
        assert (got.status_code, head.status_code) == (200, 200), path
        assert head.content == b"" and head["Content-Length"] == str(len(got.content))
