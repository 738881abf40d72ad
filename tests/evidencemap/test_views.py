"""The public map pages: cells link to exactly what they count; CSV; questions; bad input."""

import csv
import io
import re
from html import unescape

from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalogue.models import Outcome
from evidencemap.filters import MapFilters
from evidencemap.matrix import build_matrix
from evidencemap.models import ResearchQuestion, ResearchQuestionEntry
from tests.factories import InterventionPageFactory

from .helpers import cite, make_reference


def csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


def small_map(catalogue):
    trial = make_reference(
        "A trial", design="rct", country="England", findings={"recurrence-avoided": "benefit", "cost": "harm"}
    )
    audit = make_reference("An audit", design="audit", country="Wales", findings={"recurrence-avoided": "mixed"})
    pause = cite(
        InterventionPageFactory(
            parent=catalogue, title="Pause-like service", areas=["post-removal-support"], stages=["after-removal"]
        ),
        trial,
        audit,
    )
    other = InterventionPageFactory(parent=catalogue, title="Unstudied service", areas=["peri-natal-intervention"])
    return pause, other


def test_the_map_shows_counts_gaps_hierarchy_and_questions(client, catalogue):
    small_map(catalogue)
    response = client.get("/evidence-map/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Pause-like service" in html and "Unstudied service" in html
    assert html.count("evidence-map__cell--gap") == 2 * Outcome.objects.count() - 2
    assert 'title="Randomised controlled trial">RCT</abbr>' in html
    hierarchy = re.findall(r'<li><abbr class="evidence-map__tier">(\w+)</abbr>', html)
    assert hierarchy == ["SR", "RCT", "QE", "PP", "PQA", "O"]
    for question in ResearchQuestion.objects.all():  # seeded by the data migration
        assert unescape(question.title) in unescape(html)
    assert ResearchQuestion.objects.count() >= 6
    assert 'style="' not in html, "the public site's CSP forbids inline styles"


def test_every_cell_link_lists_exactly_the_studies_it_counts(client, catalogue):
    small_map(catalogue)
    html = client.get("/evidence-map/?design=rct&design=audit").content.decode()
    links = re.findall(r'class="evidence-map__cell-link" href="([^"]+)"><span class="evidence-map__count">(\d+)', html)
    assert len(links) == 2
    for href, count in links:
        response = client.get(unescape(href))
        assert response.status_code == 200
        assert len(response.context["references"]) == int(count)
    recurrence = [href for href, _ in links if "recurrence-avoided" in href][0]
    listed = client.get(unescape(recurrence)).context["references"]
    assert [ref.title for ref in listed] == ["A trial", "An audit"]  # strongest design first


def test_filters_carry_into_cell_links_and_narrow_the_list(client, catalogue):
    pause, _ = small_map(catalogue)
    response = client.get(f"/evidence-map/references/?intervention={pause.pk}&outcome=recurrence-avoided&country=Wales")
    assert [ref.title for ref in response.context["references"]] == ["An audit"]
    assert "Filtered, as on the map, by country: Wales." in response.content.decode()
    html = client.get("/evidence-map/?country=Wales").content.decode()
    assert "country=Wales" in unescape(html)


def test_bad_input_gets_a_clear_message_not_a_500(client, catalogue):
    pause, other = small_map(catalogue)
    assert client.get("/evidence-map/references/?intervention=abc").status_code == 400
    assert client.get("/evidence-map/references/?intervention=" + "9" * 40).status_code == 400
    assert client.get("/evidence-map/references/?intervention=999999").status_code == 404
    assert client.get("/evidence-map/references/?outcome=no-such-outcome").status_code == 404
    # An intervention outside the filters is not quietly widened to the whole column.
    assert client.get(f"/evidence-map/references/?intervention={other.pk}&area=post-removal-support").status_code == 404
    response = client.get("/evidence-map/?area=nowhere&design=astrology&stage=")
    assert response.status_code == 200
    html = unescape(response.content.decode())
    assert "Ignored unknown area of practice: nowhere." in html and "Ignored unknown study design: astrology." in html
    assert response.headers.get("X-Robots-Tag") is None  # nothing valid was applied
    assert client.get("/evidence-map/?design=rct").headers["X-Robots-Tag"] == "noindex"


def test_csv_download_is_the_matrix(immediate_tasks, client, catalogue):
    pause, other = small_map(catalogue)
    response = client.get("/evidence-map/evidence-map.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = csv_rows(response)
    outcomes = list(Outcome.objects.all())
    assert rows[0][:3] == ["intervention", "areas of practice", "url"]
    assert len(rows[0]) == 3 + 2 * len(outcomes)
    by_title = {row[0]: row for row in rows[1:]}
    assert set(by_title) == {"Pause-like service", "Unstudied service"}
    matrix = build_matrix(MapFilters())
    for title, page in (("Pause-like service", pause), ("Unstudied service", other)):
        for index, outcome in enumerate(outcomes):
            cell = matrix.cell(page.pk, outcome.pk)
            assert by_title[title][3 + 2 * index] == str(cell.count)
            assert by_title[title][4 + 2 * index] == (cell.tier.name if cell.tier else "")


def test_data_table_lists_studied_cells_and_gaps(client, catalogue):
    small_map(catalogue)
    html = unescape(client.get("/evidence-map/table/").content.decode())
    assert "Benefit: 1; Mixed: 1" in html
    assert "No studies of:" in html
    assert "Every outcome has at least one study." not in html
    studied = {"recurrence-avoided", "cost"}  # what small_map's two studies of the Pause-like service measured
    gaps = [outcome.name for outcome in Outcome.objects.all() if outcome.slug not in studied]
    assert f"No studies of: {'; '.join(gaps)}</td>" in html  # in column order, no separator after the last


def test_the_map_query_count_does_not_grow_with_rows(
    client, catalogue, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    small_map(catalogue)
    with CaptureQueriesContext(connection) as first:
        client.get("/evidence-map/")
    with django_capture_on_commit_callbacks(execute=True):  # published: the version moves on, the page is built again
        for n in range(8):
            cite(
                InterventionPageFactory(parent=catalogue, title=f"More {n}"),
                make_reference(f"More study {n}", design="pre_post", findings={"cost": "benefit"}),
            )
    with django_assert_max_num_queries(len(first.captured_queries)):
        response = client.get("/evidence-map/")
    assert response.status_code == 200
    assert all(f"More {n}<" in response.content.decode() for n in range(8))


def test_entry_pages_show_their_research_questions(client, catalogue):
    pause, other = small_map(catalogue)
    question = ResearchQuestion.objects.get(title__startswith="What support after removal")
    ResearchQuestionEntry.objects.create(question=question, entry=pause)
    html = unescape(client.get(pause.url).content.decode())
    assert question.title in html and f"/evidence-map/#question-{question.pk}" in html
    assert question.title not in unescape(client.get(other.url).content.decode())
    map_html = unescape(client.get("/evidence-map/").content.decode())
    assert "Related entries:" in map_html and "Pause-like service" in map_html


def test_research_questions_mark_their_map_cells(client, catalogue):
    small_map(catalogue)
    question = ResearchQuestion.objects.get(title__startswith="What support after removal")
    html = client.get("/evidence-map/").content.decode()
    marks = re.findall(rf'href="#question-{question.pk}"[^>]*>Q(\d+)</a>', html)
    assert len(marks) == question.outcomes.count()  # once per outcome, in the post-removal heading row


def test_csv_titles_never_run_as_spreadsheet_formulas(immediate_tasks, client, catalogue):
    InterventionPageFactory(parent=catalogue, title='=HYPERLINK("http://example.org")')
    rows = csv_rows(client.get("/evidence-map/evidence-map.csv"))
    assert rows[1][0] == '\'=HYPERLINK("http://example.org")'


def test_questions_about_deprivation_spend_and_ofsted_link_to_the_data_explorer(client, db):
    linked = ResearchQuestion.objects.filter(data_explorer_path="/data/relationships/")
    assert linked.count() == 3
    assert 'href="/data/relationships/"' in client.get("/evidence-map/").content.decode()


def test_csv_titles_starting_with_a_tab_are_quoted_too(immediate_tasks, client, catalogue):
    InterventionPageFactory(parent=catalogue, title="\t=1+1")
    rows = csv_rows(client.get("/evidence-map/evidence-map.csv"))
    assert rows[1][0] == "'\t=1+1"


def test_csv_refuses_unknown_filters_instead_of_guessing(immediate_tasks, client, catalogue):
    """A program has no page to read "ignored" on: an unknown value is a 400 that names it, not a whole map."""
    small_map(catalogue)
    response = client.get("/evidence-map/evidence-map.csv", {"area": "nowhere", "design": ["rct", "astrology"]})
    assert response.status_code == 400 and response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Unknown area of practice (area): nowhere." in body and "Unknown study design (design): astrology." in body
    assert "rct" not in body  # a known value is not reported
    # The map page drops the unknown value, so its own download link never meets the 400.
    html = client.get("/evidence-map/", {"area": "nowhere", "design": "rct"}).content.decode()
    links = re.findall(r'href="(/evidence-map/evidence-map\.csv[^"]*)"', html)
    assert links and all(client.get(unescape(link)).status_code == 200 for link in links)
