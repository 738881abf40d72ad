"""Property-based fuzzing of every public URL's query parameters: no response is ever a 5xx."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import CaseStudyPageFactory, InterventionPageFactory

PUBLIC_URLS = [
    "/",
    "/catalogue/",
    "/catalogue/export.csv",
    "/catalogue/export.json",
    "/catalogue/feed/",
    "/compare/",
    "/api/v1/entries/",
    "/api/v1/taxonomies/",
    "/api/v1/taxonomies/region/",
    "/sitemap.xml",
    "/robots.txt",
    "/data/",
    "/data/regions/",
    "/data/outliers/",
    "/data/relationships/",
    "/data/relationships/under1-vs-imd/",
    "/data/local-authorities/",
    "/data/local-authorities/E08000003/",
    "/data/your-data/",
    "/data/datasets/",
    "/data/sources/",
    "/data/downloads/",
    "/data/datapackage.json",
    "/evidence-map/",
    "/evidence-map/table/",
    "/evidence-map/evidence-map.csv",
    "/evidence-map/references/",
    "/how-we-rate-evidence/",
    "/no-such-page/",
]
PARAM_NAMES = st.sampled_from(
    [
        "q",
        "area",
        "stage",
        "type",
        "evidence",
        "region",
        "topic",
        "sort",
        "page",
        "page_size",
        "limit",
        "offset",
        "entry",
        "year",
        "measure",
        "la",
        "design",
        "country",
        "intervention",
        "outcome",
        "format",
        "dataset",
        "x",
    ]
)
VALUES = st.one_of(
    st.text(max_size=200),
    st.sampled_from(
        [
            "london",
            "strong",
            "post-removal-support",
            "E08000003",
            "2",
            "-1",
            "0",
            "1e9",
            "99999999999999999999",
            "%",
            "\x00",
            "<script>",
            "' OR 1=1 --",
            "∞",
            "NaN",
        ]
    ),
)


@pytest.fixture
def populated_site(catalogue):
    InterventionPageFactory(parent=catalogue, title="Intervention", regions=["london"], topics=["fathers"])
    CaseStudyPageFactory(parent=catalogue, title="Case study", evidence="practice-informed")


@pytest.mark.django_db
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(url=st.sampled_from(PUBLIC_URLS), params=st.lists(st.tuples(PARAM_NAMES, VALUES), max_size=6))
def test_no_public_url_errors_on_any_parameters(client, populated_site, immediate_tasks, url, params):
    response = client.get(url, params)
    assert response.status_code < 500, (url, params)
    if response.status_code == 400:
        assert response.content, "a 400 must say what was wrong"
