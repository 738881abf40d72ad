"""
The data wing's figures are worked out once per data version in each process (explorer/figures/versioned.py):
a second request reads none of the figure tables again, a publish in the catalogue leaves them as they were, and a
changed figure shows on the very next request.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalogue.caches import reset_process_caches
from catalogue.models import ContentVersion, LocalAuthority, Region
from explorer.figures.versioned import kept_for_recent_arguments
from explorer.loading import load_all
from explorer.models import ContextFigure, DataVersion, Deprivation, DfjArea, TrendEvent
from tests.data_urls import reverse
from tests.factories import CaseStudyPageFactory

# The tables of thousands of rows that every page reads, now kept per data version. Others may still be read
# per request (a profile looks up its one authority's Ofsted judgement, deprivation and spend by key).
KEPT_TABLES = (
    "explorer_infantcarefigure",
    "explorer_livebirths",
    "explorer_contextfigure",
    "familyjustice_legalstatusfigure",
)


@pytest.fixture
def all_data(all_data_once):
    """Every dataset, loaded once for every test that only reads it (tests/shared_builds.py)."""
    return all_data_once


def pages():
    area = DfjArea.objects.exclude(code="HIGH_COURT").order_by("name").first()
    return [
        reverse("explorer:relationships"),
        reverse("explorer:relationship", args=["under1-vs-imd"]),
        reverse("explorer:questions"),
        reverse("explorer:area_index"),
        reverse("explorer:area_detail", args=[area.slug]),
        reverse("explorer:local_authority", args=["E06000009"]),
        reverse("explorer:funnel"),
        reverse("explorer:board_report", args=[area.slug]),
    ]


def figure_queries(client, url) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in queries if any(f'"{table}"' in query["sql"] for table in KEPT_TABLES)]


def test_a_second_request_reads_no_figure_table_again(client, all_data):
    for url in pages():
        reset_process_caches()  # each page on its own: another page may have worked out the figures it shares
        assert figure_queries(client, url), f"{url} read no figure table on its first request: nothing to keep"
        assert figure_queries(client, url) == [], url


def test_an_unknown_parameter_is_answered_from_the_kept_figures(client, all_data):
    url = reverse("explorer:relationships")
    client.get(url)
    assert figure_queries(client, url + "?from=newsletter&year=%C2%B2") == []


def imd_cell(client, code: str) -> str:
    """The deprivation score the IMD relationship's table shows for one authority."""
    page = client.get(reverse("explorer:relationship", args=["under1-vs-imd"])).content.decode()
    section = page[page.index('id="chart-under1-vs-imd"') :]
    section = section[: section.index("</section>")]
    return re.search(rf'<td class="govuk-table__cell">{code}</td><td class="govuk-table__cell">([^<]+)</td>', section)[
        1
    ]


def test_a_changed_figure_shows_on_the_next_request(client, all_data, django_capture_on_commit_callbacks):
    page = client.get(reverse("explorer:relationship", args=["under1-vs-imd"])).content.decode()
    row = next(
        row
        for row in Deprivation.objects.select_related("local_authority").order_by("local_authority__name")
        if f">{row.local_authority.ons_code}</td>" in page
    )
    code = row.local_authority.ons_code
    assert imd_cell(client, code) == f"{float(row.imd_average_score):,.2f}"
    changed = float(row.imd_average_score) + 1.5
    with django_capture_on_commit_callbacks(execute=True):  # a save moves the content version on commit
        row.imd_average_score = changed
        row.save()
    assert imd_cell(client, code) == f"{changed:,.2f}"


def test_a_changed_context_figure_shows_on_the_next_profile(client, all_data, django_capture_on_commit_callbacks):
    url = reverse("explorer:local_authority", args=["E06000009"])
    figure = (
        ContextFigure.objects.filter(area_code="E06000009", measure="cpp_rate_per_10000_at_31_march")
        .exclude(value=None)
        .order_by("-year")
        .first()
    )
    before = client.get(url).content.decode()
    new_value = float(figure.value) + 1000  # far above any published rate, so it appears nowhere else
    assert f"{new_value:,.1f}" not in before
    with django_capture_on_commit_callbacks(execute=True):
        figure.value = new_value
        figure.save()
    assert f"{new_value:,.1f}" in client.get(url).content.decode()


@pytest.mark.django_db
def test_pages_drawn_per_place_keep_only_the_most_recent(django_capture_on_commit_callbacks):
    worked_out = []

    @kept_for_recent_arguments(2)
    def square(number):
        worked_out.append(number)
        return number * number

    assert [square(1), square(2), square(1), square(3), square(2)] == [1, 4, 1, 9, 4]
    assert worked_out == [1, 2, 3, 2]  # 3 pushed out 2, the least recently asked for
    with django_capture_on_commit_callbacks(execute=True):
        ContentVersion.bump()  # a publish: the data are as they were
    assert square(3) == 9 and worked_out == [1, 2, 3, 2]
    with django_capture_on_commit_callbacks(execute=True):
        DataVersion.move_on()
        ContentVersion.bump()
    assert square(3) == 9 and worked_out == [1, 2, 3, 2, 3]  # a new data version keeps nothing of the last


def test_a_new_comparison_works_out_again_only_what_follows_the_comparators(client, all_data):
    """A reader's own comparators change the profile's charts and nothing else: its Ofsted judgement, deprivation,
    spend, neighbours, family justice area and family centres are the default profile's, not read again."""
    from explorer.models import (
        AuthorityArea,
        ChildrensServicesSpend,
        OfstedJudgement,
        ResidentialFamilyCentre,
        StatisticalNeighbour,
    )

    profile = reverse("explorer:local_authority", args=["E06000009"])
    default = client.get(profile).content.decode()  # as most visitors see it
    tables = [
        model._meta.db_table
        for model in (
            OfstedJudgement,
            Deprivation,
            ChildrensServicesSpend,
            StatisticalNeighbour,
            AuthorityArea,
            ResidentialFamilyCentre,
        )
    ]
    with CaptureQueriesContext(connection) as queries:
        chosen = client.get(profile, {"compare": "E06000003,E06000004"}).content.decode()
    assert [query["sql"] for query in queries if any(f'"{table}"' in query["sql"] for table in tables)] == []
    assert "Your comparators" in chosen and "Your comparators" not in default
    # The Ofsted section and the deprivation paragraph, as the default profile gave them.
    sections = re.compile(r'id="ofsted">.*?id="deprivation">.*?</p>', re.S)
    shown = sections.findall(chosen)
    assert "Overall effectiveness" in shown[0] and shown == sections.findall(default)


def test_a_publish_in_the_catalogue_leaves_the_data_wings_figures_as_they_were(
    client, all_data, catalogue, django_capture_on_commit_callbacks
):
    """A publish moves the content version on; the data wing's figures do not change with it, so the first request
    after one reads no figure table (it took a board report 1.3 s to work them out again)."""
    authority = LocalAuthority.objects.get(ons_code="E06000009")
    for url in pages():
        client.get(url)
    version, data = ContentVersion.current(), DataVersion.current()
    with django_capture_on_commit_callbacks(execute=True):
        entry = CaseStudyPageFactory(parent=catalogue, title="A pre-birth pathway in this place", publish=False)
        entry.local_authorities.set([authority])
        entry.save_revision().publish()
    assert ContentVersion.current() > version and DataVersion.current() == data
    for url in pages():
        assert figure_queries(client, url) == [], url
    # What the profile shows from the catalogue is read per request, not kept with the figures.
    profile = client.get(reverse("explorer:local_authority", args=["E06000009"])).content.decode()
    assert "A pre-birth pathway in this place" in profile


def test_every_save_of_the_data_moves_the_data_version_and_a_load_moves_it_once(
    all_data, django_capture_on_commit_callbacks
):
    for row in (
        Deprivation.objects.first(),
        TrendEvent.objects.first(),
        LocalAuthority.objects.first(),
        Region.objects.first(),
    ):
        before = DataVersion.current()
        row.save()
        assert DataVersion.current() == before + 1, row._meta.label  # in the same transaction as the change
    before = DataVersion.current()
    load_all(["statistical neighbours"])  # about 1,500 rows deleted and written again
    assert DataVersion.current() == before + 1


def test_a_renamed_data_page_is_a_new_data_version(client, all_data, data_page, django_capture_on_commit_callbacks):
    """Kept charts hold links beneath the data page (a family justice panel's CSVs): a new address, new charts."""
    url = reverse("explorer:local_authority", args=["E06000009"])
    table = "family-justice/local-authorities/E06000009/"
    assert f'href="{data_page.url}{table}' in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        data_page.slug = "figures"
        data_page.save_revision().publish()
    data_page.refresh_from_db()
    moved = client.get(data_page.url + "local-authorities/E06000009/").content.decode()
    assert data_page.url.endswith("/figures/") and f'href="{data_page.url}{table}' in moved
