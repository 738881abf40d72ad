"""'Examine your own data': all-or-nothing, beside the real figures, nothing stored; pages work with no data."""

import io
from html import unescape

import pytest

from catalogue.io.importing import MAX_LISTED_PROBLEMS
from explorer.models import InfantCareFigure, NewbornCount, NewbornDataset
from explorer.pages.your_data import OWN_FORMAT
from explorer.uploads import read_figures
from tests.data_urls import reverse

from .conftest import make_figures

BIRMINGHAM = "E08000025"


def post(client, content: bytes):
    upload = io.BytesIO(content)
    upload.name = "ours.csv"
    response = client.post(reverse("explorer:your_data"), {"file": upload})
    assert response.status_code == 200
    return unescape(response.content.decode())


@pytest.fixture
def published(db):
    make_figures([(BIRMINGHAM, 120), ("E06000001", 20), ("E06000002", 30)], year=2020, births=5000)


def test_your_figures_sit_beside_the_published_ones_and_nothing_is_stored(client, published):
    before = (InfantCareFigure.objects.count(), NewbornDataset.objects.count(), NewbornCount.objects.count())
    html = post(client, b"la_code,year,starts_under1\nE08000025,2019 to 2020,150\n")
    assert "1 row read" in html and "problem" not in html.split("What we could read")[1].split("</p>")[0]
    assert "Birmingham (your figures)" in html  # on the same funnel plot as the published figures
    assert "Birmingham: published" in html and "data:text/csv" in html
    assert (InfantCareFigure.objects.count(), NewbornDataset.objects.count(), NewbornCount.objects.count()) == before


def test_a_file_with_any_bad_row_is_not_plotted_at_all(client, published):
    html = post(client, b"la_code,year,starts_under1\nE08000025,2020,150\nE08000025,2021,oops\nE06000001,\xc2\xb2,3\n")
    assert "1 row read; 2 problems found" in html and "Nothing has been plotted" in html
    assert "'oops' is not a whole number" in html and "'²' is not a year" in html
    assert "your figures" not in html and "<svg" not in html


def test_at_most_a_hundred_problems_are_listed_with_a_count_of_the_rest(client, db):
    rows = "".join(f"E08000025,{2000 + i % 50},x{i}\n" for i in range(MAX_LISTED_PROBLEMS + 37))
    html = post(client, ("la_code,year,starts_under1\n" + rows).encode())
    assert html.count("is not a whole number") == MAX_LISTED_PROBLEMS
    assert "And 37 more problems not listed." in html


def test_the_example_file_is_accepted_and_plots_only_fictional_areas(client, published):
    response = client.get(reverse("explorer:example_file"))
    assert "fictional" in response["Content-Disposition"]
    report = read_figures(response.content, OWN_FORMAT)
    assert report.is_valid and {row.local_authority.ons_code for row in report.rows} == {"X99000001", "X99000002"}
    html = post(client, response.content)
    assert "Exampleton (fictional)" in html


def test_the_example_codes_are_refused_by_the_editors_upload(db):
    report = read_figures(b"la_code,year,babies_under_one_week\nX99000001,2020,3\n")
    assert not report.is_valid and "not a known local authority code" in report.errors[0].message


@pytest.mark.parametrize(
    "name,args",
    [
        ("explorer:overview", []),
        ("explorer:regions", []),
        ("explorer:funnel", []),
        ("explorer:relationships", []),
        ("explorer:local_authority", ["E06000001"]),
        ("explorer:local_authority", ["W06000015"]),
        ("explorer:sources", []),
        ("explorer:datasets", []),
        ("explorer:your_data", []),
    ],
)
def test_pages_work_before_the_open_data_is_loaded(client, db, name, args):
    response = client.get(reverse(name, args=args), {"year": "²"})
    assert response.status_code == 200
