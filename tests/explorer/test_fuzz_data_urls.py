"""
Property-based fuzzing of the data wing's URLs with every dataset loaded (tests/test_fuzz_public_urls.py
fuzzes them on an empty database, where most pages take their "no figures yet" path): no response is
ever a 5xx, and a 400 says what was wrong.
"""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalogue.models import LocalAuthority
from explorer.models import DfjArea, LegalStatusFigure
from explorer.pages.authority_panel import legal_status_charts
from tests.data_urls import reverse


@pytest.fixture
def data_urls(all_data_once):
    """
    Every page of /data/, with a real area, an English and a Welsh authority, and a table of one; every dataset
    loaded once for every test that only reads it (tests/shared_builds.py).
    """
    area = DfjArea.objects.order_by("slug").first()
    with_figures = LocalAuthority.objects.filter(ons_code__in=LegalStatusFigure.objects.values("la_code")).order_by(
        "ons_code"
    )[0]
    table = next(chart for chart in legal_status_charts(with_figures) if chart.rows)
    urls = [reverse(f"explorer:{name}") for name in ("overview", "regions", "funnel", "relationships")]
    urls += [reverse(f"explorer:{name}") for name in ("local_authorities", "datasets", "sources", "questions")]
    urls += [reverse(f"explorer:{name}") for name in ("area_index", "legal_status", "centres", "your_data")]
    urls += [reverse("explorer:local_authority", args=[code]) for code in ("E06000009", "W06000015")]
    urls += [reverse("explorer:area_detail", args=[area.slug]), reverse("explorer:area_pack", args=[area.slug])]
    urls += [reverse("explorer:la_table", args=[with_figures.ons_code, table.slug])]
    urls += [reverse("explorer:relationship", args=["under1-vs-imd"])]
    return urls


PARAMS = st.sampled_from(["year", "measure", "la", "area", "download", "x", "y", "compare", "format", "q"])
VALUES = st.one_of(
    st.text(max_size=120),
    st.sampled_from(["2023", "2024", "1900", "-1", "0", "E06000009", "W06000015", "\x00", "٢٠٢٣", "NaN", "<b>"]),
)


@pytest.mark.django_db
# 40 cases: these pages are heavy with the data loaded (about 0.5 s each on a quiet machine); the empty-database
# fuzz covers the parameter space more widely.
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(choice=st.integers(min_value=0, max_value=100), params=st.lists(st.tuples(PARAMS, VALUES), max_size=5))
def test_no_data_url_errors_on_any_parameters_with_the_data_loaded(client, data_urls, choice, params):
    url = data_urls[choice % len(data_urls)]
    response = client.get(url, params)
    assert response.status_code < 500, (url, params)
    if response.status_code == 400:
        assert response.content, "a 400 must say what was wrong"
