"""
The family justice board report: the printable page, the PDF the task worker builds (its text read back
with pypdf and checked against the fixture CSVs, read here), the queue, and bad addresses.
"""

import html
import io
import re

import pytest
from django_tasks_db.models import DBTaskResult
from pypdf import PdfReader

from explorer.models import DfjArea, InfantCareFigure
from explorer.reports.board_report import build_report
from tests.data_urls import reverse

from .conftest import fixture_rows


@pytest.fixture
def all_data(all_data_once):
    """Every dataset, loaded once for every test that only reads it (tests/shared_builds.py)."""
    return all_data_once


AREA, AREA_CODE = "blackburn-lancaster", "BLACKBURN_LANCASTER"
TASK = "explorer.reports.tasks.build_board_pdf_task"


def pdf_text(content: bytes) -> str:
    """Every page's text, whitespace folded (a PDF breaks lines where the layout does)."""
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages))


def expected_figures() -> dict:
    """The area's latest pooled figures computed from the fixture CSVs alone (not through the loader)."""
    members = [row for row in fixture_rows("seed-questions", "la_dfj_area.csv") if row["dfj_area_code"] == AREA_CODE]
    assert members and all(row["status"] == "single DFJ area" for row in members)  # all pooled
    births_rows = fixture_rows("live_births_by_la.csv")
    births = {(row["area_code"], int(row["year"])): int(row["live_births"]) for row in births_rows}
    starts = {}  # (code, year) -> count, from the newest publication holding it
    for row in sorted(fixture_rows("england_cla_starts_under1.csv"), key=lambda row: row["publication_year"]):
        if row["starts_under1"]:
            starts[(row["la_code_current"] or row["la_code"], int(row["year"]))] = int(row["starts_under1"])
    year = max(year for code, year in starts if code == "E92000001" and ("E92000001", year - 1) in births)
    by_member = {
        row["la_name"]: (starts[(row["la_code"], year)], births[(row["la_code"], year - 1)]) for row in members
    }
    count = sum(count for count, _ in by_member.values())
    total_births = sum(born for _, born in by_member.values())
    return {"year": year, "members": by_member, "count": count, "births": total_births}


def test_the_report_page_prints_every_section_with_its_years_and_sources(all_data, client):
    area = DfjArea.objects.get(slug=AREA)
    page = html.unescape(client.get(reverse("explorer:board_report", args=[AREA])).content.decode())
    assert "Years each section covers" in page and area.name in page
    report = build_report(area)
    assert [section.slug for section in report.sections] == [
        "trend",
        "authorities",
        "legal-status",
        "placements",
        "centres",
        "context",
    ]
    for section in report.sections:
        assert section.period and section.period in page
        for source in section.sources:
            assert source.title in page
    assert "allowing for over-dispersion" in page and "chance only" in page
    assert reverse("explorer:area_pack", args=[AREA]) in page
    assert reverse("explorer:board_report_pdf", args=[AREA]) in page
    assert "board_report.css" in page
    area_page = client.get(reverse("explorer:area_detail", args=[AREA])).content.decode()
    assert reverse("explorer:board_report", args=[AREA]) in area_page


def test_the_report_is_rendered_once_and_drawn_again_when_its_figures_change(
    all_data, client, django_capture_on_commit_callbacks
):
    url = reverse("explorer:board_report", args=[AREA])
    body = "explorer/family_justice/board_report_body.html"
    first = client.get(url)
    assert [template.name for template in first.templates].count(body) == 1
    again = client.get(url)
    assert body not in [template.name for template in again.templates] and again.content == first.content
    year = build_report(DfjArea.objects.get(slug=AREA)).year  # the authorities' table is of this year's starts
    starts = InfantCareFigure.objects.filter(measure=InfantCareFigure.Measure.STARTS, year=year)
    figure = starts.filter(area_code__in=members_codes()).exclude(count=None).order_by("area_code").first()
    with django_capture_on_commit_callbacks(execute=True):
        figure.count += 1000  # far above any published count: it shows only if the report is drawn again
        figure.save()
    changed = client.get(url)
    assert [template.name for template in changed.templates].count(body) == 1
    assert f"{figure.count:,}" in changed.content.decode()


def members_codes() -> list[str]:
    rows = fixture_rows("seed-questions", "la_dfj_area.csv")
    return [row["la_code"] for row in rows if row["dfj_area_code"] == AREA_CODE]


def test_the_printed_page_gives_every_address_whole(all_data, client, settings):
    """A board prints the page for its papers: "/data/..." on paper leads nowhere, so addresses are written whole."""
    page = html.unescape(client.get(reverse("explorer:board_report", args=[AREA])).content.decode())
    body = page[page.index('<article class="board-report">') :]
    site = settings.SITE_BASE_URL.rstrip("/")
    assert f"This report online: {site}{reverse('explorer:board_report', args=[AREA])}" in body
    assert f"as CSV files: {site}{reverse('explorer:area_pack', args=[AREA])}" in body
    members = re.findall(r'<ul class="br-members">(.*?)</ul>', body, re.S)[0]
    links = re.findall(r'href="([^"]+)"', members)
    assert links, "the area's authorities are linked to their profiles"
    assert all(link.startswith(site + "/") for link in links), links


def test_unknown_and_malformed_areas_are_a_404_that_says_so(all_data, client):
    for name in ("board_report", "board_report_pdf"):
        response = client.get(reverse(f"explorer:{name}", args=["no-such-area"]))
        assert response.status_code == 404
        assert "There is no family justice area called" in response.content.decode()
        assert client.get(reverse(f"explorer:{name}", args=["high-court"])).status_code == 404
    base = reverse("explorer:area_index")
    for slug in ("bl%C3%A4ckburn", "%D9%A2%D9%A0", "Blackburn_Lancaster", "a" * 500, "%00"):
        for tail in ("board-report/", "board-report.pdf"):
            assert client.get(f"{base}{slug}/{tail}").status_code in (400, 404)
    assert not DBTaskResult.objects.filter(task_path=TASK).exists()


def test_a_burst_of_requests_queues_one_build_and_each_is_told_to_come_back(all_data, client):
    url = reverse("explorer:board_report_pdf", args=[AREA])
    responses = [client.get(url) for _ in range(5)]
    for response in responses:
        assert response.status_code == 503 and int(response["Retry-After"]) > 0
        assert "is being prepared" in response.content.decode()
    assert DBTaskResult.objects.filter(task_path=TASK).count() == 1


@pytest.mark.usefixtures("immediate_tasks")
def test_the_pdf_holds_the_area_its_figures_and_sources_and_follows_the_data(
    all_data, client, settings, django_capture_on_commit_callbacks
):
    expected = expected_figures()
    url = reverse("explorer:board_report_pdf", args=[AREA])
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["X-Board-Report"] == "current"
    content = b"".join(response.streaming_content)
    text = pdf_text(content)
    assert "Blackburn/Lancaster family justice area" in text
    assert f"{expected['year'] - 1} to {expected['year']}" in text
    assert f"{expected['count']:,}" in text and f"{expected['births']:,}" in text
    assert f"{expected['count'] / expected['births'] * 10_000:.1f}" in text  # the pooled rate
    for name, (count, births) in expected["members"].items():
        assert f"{name} {count} {births:,} {count / births * 10_000:.1f}" in text  # its row against England
    for source in ("Department for Education", "Office for National Statistics", "Ofsted", "HM Courts & Tribunals"):
        assert source in text
    assert "Open Government Licence v3.0" in text and "MIT licence" in text
    assert "Years each section covers" in text and "allowing for over-dispersion" in text

    # A reload that changes a figure is a new report: the PDF is rebuilt with the new figure.
    blackpool = InfantCareFigure.objects.get(measure="starts", area_code="E06000009", year=expected["year"])
    blackpool.count += 7
    with django_capture_on_commit_callbacks(execute=True):  # committed: the content version moves on
        blackpool.save()
    rebuilt = b"".join(client.get(url).streaming_content)
    new_text = pdf_text(rebuilt)
    assert f"{expected['count'] + 7:,}" in new_text and f"{expected['count']:,} infants" not in new_text

    # With a real queue, a further change queues one build and serves the previous PDF, saying so, meanwhile.
    queue = {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    settings.TASKS = {**settings.TASKS, "background": queue}
    blackpool.count += 1
    with django_capture_on_commit_callbacks(execute=True):
        blackpool.save()
    for _ in range(3):
        meanwhile = client.get(url)
        assert meanwhile.status_code == 200 and meanwhile["X-Board-Report"].startswith("previous")
        assert b"".join(meanwhile.streaming_content) == rebuilt
    assert DBTaskResult.objects.filter(task_path=TASK).count() == 1


@pytest.mark.usefixtures("immediate_tasks")
def test_the_pdf_s_digest_is_worked_out_once_per_content_version(all_data, client, monkeypatch):
    from explorer.pages import board_report

    url = reverse("explorer:board_report_pdf", args=[AREA])
    builds = []
    monkeypatch.setattr(board_report, "build_report", lambda area: builds.append(area) or build_report(area))
    assert client.get(url).status_code == 200
    assert client.get(url).status_code == 200
    assert len(builds) == 1  # the second request reads the kept digest and serves the built file
