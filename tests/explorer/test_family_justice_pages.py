"""The family-justice pages, their downloads and the hooks on the explorer's pages."""

import csv
import io
import zipfile

import pytest
from django.core.exceptions import ValidationError

from explorer.figures import family_justice as measures
from explorer.figures import statistics
from explorer.figures import under_one as under1
from explorer.loading import load_all as load_open_data
from explorer.models import (
    AuthorityArea,
    DfjArea,
    ResidentialFamilyCentre,
    TrendEvent,
)
from explorer.pages.family_justice_areas import area_context
from explorer.sources import DERIVED_LINKS_CAVEAT
from tests.data_urls import reverse

from .conftest import fixture_rows

AREA = "cleveland-and-south-durham"


def read_csv(response) -> list[list[str]]:
    """The table of a CSV download: data rows only; its sources and licences are in its Link header."""
    links = response["Link"]
    assert 'rel="license"' in links and 'rel="via"' in links and 'rel="describedby"' in links
    text = response.content.decode("utf-8")
    assert "Source: " not in text and "\n\n" not in text  # no source notes appended as rows
    return list(csv.reader(io.StringIO(text)))


@pytest.mark.django_db
class TestOnAllTheData:
    """The tests that only read every dataset, loaded once (tests/shared_builds.py); the two after want none."""

    @pytest.fixture
    def all_data(self, all_data_once):
        return all_data_once

    def test_every_page_renders_with_its_caveat_sources_and_links(self, all_data, client):
        for name in ("area_index", "legal_status", "centres", "questions"):
            assert client.get(reverse(f"explorer:{name}")).status_code == 200
        area = DfjArea.objects.get(slug=AREA)
        page = client.get(reverse("explorer:area_detail", args=[AREA])).content.decode()
        assert "not an official list of Local Family Justice Board membership" in page
        assert reverse("explorer:area_pack", args=[AREA]) in page
        for link in AuthorityArea.objects.filter(area=area):
            assert reverse("explorer:local_authority", args=[link.la_code]) in page
        assert "Open Government Licence" in page and "MIT licence" in page

    def test_bad_input_is_a_404_or_a_notice_never_an_error(self, all_data, client):
        assert client.get(reverse("explorer:area_detail", args=["no-such-area"])).status_code == 404
        assert client.get(reverse("explorer:area_detail", args=["high-court"])).status_code == 404
        assert client.get(reverse("explorer:area_pack", args=["no-such-area"])).status_code == 404
        detail = reverse("explorer:area_detail", args=[AREA])
        for query in ("?year=²", "?year=1999", "?year=" + "9" * 40, "?year=2020.5"):
            response = client.get(detail + query)
            assert response.status_code == 200
            assert "There are no figures for the year" in response.content.decode()
        response = client.get(detail + "?colour=red")
        assert "Ignored unknown parameter(s): colour" in response.content.decode()
        assert client.get(detail + "?download=no-such-table").status_code == 404
        assert client.get(reverse("explorer:area_pack", args=[AREA]) + "?year=²").status_code == 200
        assert client.get(reverse("explorer:la_table", args=["E06000009", "nothing"])).status_code == 404
        assert client.get(reverse("explorer:la_table", args=["X99999999", "section-20-x99999999"])).status_code == 404

    def test_downloads_are_the_page_tables_and_the_pack_holds_every_one(self, all_data, client):
        area = DfjArea.objects.get(slug=AREA)
        year = under1.years_with_births()[-1]
        _, _, charts = area_context(area, year)
        detail = reverse("explorer:area_detail", args=[AREA])
        pack = zipfile.ZipFile(io.BytesIO(client.get(reverse("explorer:area_pack", args=[AREA])).content))
        for chart in charts:
            download = client.get(f"{detail}?download={chart.slug}")
            assert read_csv(download) == [chart.table_columns, *chart.table_rows]
            assert pack.read(chart.csv_filename()) == download.content
        readme = pack.read("README.txt").decode()
        assert DERIVED_LINKS_CAVEAT in readme and "Open Government Licence" in readme

    def test_text_that_a_spreadsheet_would_run_is_written_as_text(self, all_data, client):
        link = AuthorityArea.objects.filter(area__slug=AREA).first()
        link.la_name = '=HYPERLINK("http://example.org","x")'
        link.save()
        rows = read_csv(client.get(reverse("explorer:area_detail", args=[AREA]) + "?download=area-authorities"))
        assert ["'" + link.la_name] in [row[:1] for row in rows]

    def test_local_authority_profile_shows_area_candidates_legal_status_and_centres(self, all_data, client):
        durham = AuthorityArea.objects.get(la_code="E06000047")
        page = client.get(reverse("explorer:local_authority", args=["E06000047"])).content.decode()
        assert durham.candidates.count() > 1
        for area in durham.candidates.all():
            assert reverse("explorer:area_detail", args=[area.slug]) in page
        latest = max(measures.centre_years())
        with_centre = ResidentialFamilyCentre.objects.filter(year=latest).exclude(name="").first()
        page = client.get(reverse("explorer:local_authority", args=[with_centre.la_code])).content.decode()
        assert with_centre.name in page and "Family justice area" in page
        welsh = client.get(reverse("explorer:local_authority", args=["W06000015"]))
        assert welsh.status_code == 200 and "Care Inspectorate Wales" in welsh.content.decode()

    def test_section_20_share_on_a_profile_is_count_over_total_from_the_published_file(self, all_data, client):
        rows = [
            row
            for row in fixture_rows("seed-questions", "england_cla_starts_legal_status_wide.csv")
            if row["la_code_current"] == "E06000009" and row["starts_s20"] and row["starts_total"]
        ]
        latest = max(rows, key=lambda row: int(row["year"]))
        table = read_csv(client.get(reverse("explorer:la_table", args=["E06000009", "section-20-e06000009"])))
        by_year = {row[0]: row for row in table[1:]}
        shown = by_year[f"{int(latest['year']) - 1} to {latest['year']}"]
        assert shown[1] == f"{int(latest['starts_s20']) / int(latest['starts_total']) * 100:.1f}%"

    def test_questions_page_covers_every_question_with_honest_statistics(self, all_data, client):
        page = client.get(reverse("explorer:questions")).content.decode()
        for words in (
            "cultures of practice",
            "courts and family justice areas",
            "section 20",
            "care orders at home",
            "parent-and-baby assessment units",
            "young parents",
            "Ofsted ratings",
        ):
            assert words in page
        assert "no open data on them" in page  # parent-and-baby foster placements
        from explorer.pages.family_justice_scatters import all_scatters

        year = under1.years_with_births()[-1]
        for chart in all_scatters(year):
            assert chart.summary.endswith(
                "Correlation is not causation: both may reflect other differences between areas."
            )
            xs = [float(row[1]) for row in chart.rows]
            ys = [float(row[2]) for row in chart.rows]
            expected = statistics.spearman(xs, ys)
            assert chart.correlation.n == len(chart.rows)
            assert chart.correlation.r == pytest.approx(expected.r, abs=0.01)  # table values are rounded
        relationships = client.get(reverse("explorer:relationships")).content.decode()
        section_20 = reverse("explorer:relationship", args=["under1-vs-section-20"])
        assert f'href="{section_20}"' in relationships
        assert "Infants entering care against the section 20 share" in client.get(section_20).content.decode()
        # The question with no chart of its own links to the relationships that answer it, each to its own page.
        deprivation = page.split('id="deprivation"')[1].split("</section>")[0]
        for slug in ("under1-vs-imd", "under1-vs-spend", "under1-vs-ofsted"):
            address = reverse("explorer:relationship", args=[slug])
            assert f'href="{address}"' in deprivation and client.get(address).status_code == 200


def test_events_need_a_source_and_appear_beside_the_trends(db, client):
    events = list(TrendEvent.objects.all())
    assert events and all(event.source_url.startswith("https://") for event in events)
    unsourced = TrendEvent(date=events[0].date, title="No source", source_title="", source_url="")
    with pytest.raises(ValidationError):
        unsourced.full_clean()
    overview = client.get(reverse("explorer:overview")).content.decode()
    for event in events:
        assert event.title.replace("'", "&#x27;") in overview and event.source_url in overview


def test_pages_work_before_any_data_is_loaded(db, client):
    """A fresh database (migrated, nothing loaded) gives pages that say so, never a 500."""
    for name in ("area_index", "legal_status", "centres", "questions"):
        assert client.get(reverse(f"explorer:{name}")).status_code == 200
    for url in (
        reverse("explorer:relationships"),
        reverse("explorer:overview"),
        reverse("explorer:local_authority", args=["E06000009"]),
    ):
        assert client.get(url).status_code == 200
    load_open_data()  # the explorer's data without this app's: the relationships page must still work
    assert client.get(reverse("explorer:relationships")).status_code == 200
    assert client.get(reverse("explorer:questions")).status_code == 200
