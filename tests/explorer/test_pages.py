"""The explorer's public pages: headline figures verbatim, charts complete, synthetic labelled, catalogue links."""

import csv
import io
from html import unescape

import pytest
from django.urls import reverse

from catalogue.models import LocalAuthority
from explorer.models import NewbornCount, NewbornDataset
from explorer.open_data import OPEN_DATA
from tests.factories import CaseStudyPageFactory

REAL_DATA_CHARTS = {"published-rates", "cla-vs-imd", "cla-vs-spend", "cla-vs-ofsted"}
CHART_PAGES = ["explorer:overview", "explorer:regions", "explorer:funnel", "explorer:relationships"]


def page(client, name, *args, **params):
    response = client.get(reverse(name, args=args), params)
    assert response.status_code == 200
    return unescape(response.content.decode())


def test_headline_figures_appear_exactly_as_published(client, open_data):
    html = page(client, "explorer:overview")
    with open(OPEN_DATA / "born_into_care_headlines.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 20
    for position, row in enumerate(rows, start=1):
        start = html.index(f'id="headline-{position}"')
        cells = html[start:html.index("</tr>", start)]
        if row["value"]:
            assert f'<span class="explorer-headline-value">{row["value"]}</span>' in cells
        else:
            assert "not published as a number" in cells
        for key in ("geography", "period", "unit", "source_title"):
            assert row[key] in cells
    assert "not Crown copyright" in html
    # The published rates are also charted, with the values in its table exactly as in the file.
    response = client.get(reverse("explorer:overview"), {"download": "published-rates"})
    plotted = list(csv.reader(io.StringIO(response.content.decode())))[1:]
    published = [row for row in rows if row["unit"] == "per 10,000 live births" and row["period"].isdigit()]
    assert [(r[0], r[1], r[2]) for r in plotted] == [(r["geography"], r["period"], r["value"]) for r in published]


@pytest.mark.parametrize("name", CHART_PAGES)
def test_every_chart_has_svg_summary_table_csv_and_synthetic_label(client, synthetic, name):
    html = page(client, name)
    charts = html.split('<figure class="explorer-chart"')[1:]
    assert charts
    for chart in charts:
        assert "<svg" in chart and "<title>" in chart
        assert 'class="govuk-table"' in chart and "Download this data as CSV" in chart
        assert "Source, licence and definition" in chart
        slug = chart.split('id="chart-', 1)[1].split('"', 1)[0]
        if slug in REAL_DATA_CHARTS:
            assert "Synthetic</strong>" not in chart and "SYNTHETIC" not in chart
        else:
            assert "Synthetic</strong>" in chart and "SYNTHETIC DATA – invented figures" in chart


@pytest.mark.parametrize("name", CHART_PAGES)
def test_csv_download_is_exactly_the_table(client, synthetic, name):
    html = page(client, name)
    slugs = [part.split('"')[0] for part in html.split('id="chart-')[1:] if not part.split('"')[0].endswith("title")]
    for slug in slugs:
        response = client.get(reverse(name), {"download": slug})
        assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
        rows = list(csv.reader(io.StringIO(response.content.decode())))
        figure = html[html.index(f'id="chart-{slug}"'):]
        table = figure[figure.index("<tbody"):figure.index("</tbody>")]
        assert table.count("<tr") == len(rows) - 1
        for row in rows[1:4]:
            for cell in row:
                assert f">{cell}<" in table
        if slug not in REAL_DATA_CHARTS:
            assert all(row[-1] == "SYNTHETIC (invented figures)" for row in rows[1:])
            assert "SYNTHETIC" in response["Content-Disposition"]
        else:
            assert "SYNTHETIC" not in response.content.decode()


def test_cla_and_deprivation_finding_is_real_data_with_interval(client, synthetic):
    html = page(client, "explorer:relationships")
    chart = html[html.index('id="chart-cla-vs-imd"'):]
    chart = chart[:chart.index("</figure>")]
    assert "Synthetic</strong>" not in chart and "Real published data" in chart
    assert "Pearson correlation r = " in chart and "95% confidence interval" in chart
    assert "Correlation is not causation" in chart


def test_bad_parameters_are_ignored_with_a_notice(client, synthetic):
    html = page(client, "explorer:funnel", year="1066", dataset="abc")
    assert "no figures for the year '1066'" in html and "There is no dataset 'abc'" in html
    assert client.get(reverse("explorer:funnel"), {"download": "nonsense"}).status_code == 404
    assert client.get(reverse("explorer:local_authority", args=["E99999999"])).status_code == 404


def test_profile_shows_measures_and_links_to_the_catalogue(client, synthetic, catalogue):
    authority = LocalAuthority.objects.get(ons_code="E08000025")
    entry = CaseStudyPageFactory(parent=catalogue, title="Birmingham pre-birth pathway", publish=False)
    entry.local_authorities.set([authority])
    entry.save_revision().publish()
    html = page(client, "explorer:local_authority", "E08000025")
    for text in ("Birmingham", "Ofsted judgement", "Index of Multiple Deprivation 2019", "Statistical neighbours",
                 "Children starting to be looked after per 10,000 children: Birmingham compared",
                 "Newborns in care proceedings per 10,000 live births: Birmingham compared",
                 "Birmingham pre-birth pathway", "/catalogue/?region=", "return was not received"):
        assert text in html, text


def test_welsh_and_split_authorities_say_what_is_missing(client, synthetic):
    html = page(client, "explorer:local_authority", "W06000015")
    assert "Ofsted inspects English authorities only" in html
    html = page(client, "explorer:local_authority", "E06000063")
    assert "Created on 1 April 2023 when Cumbria" in html and "no IMD 2019 summary" in html


def test_earlier_versions_stay_viewable(client, synthetic):
    newer = NewbornDataset.objects.create(title="Real upload", source="s", licence="l", definition="d")
    assert NewbornDataset.current() == newer
    html = page(client, "explorer:overview", dataset=str(synthetic.pk))
    assert "This is an earlier version, superseded" in html and "SYNTHETIC DATA" in html


def test_examine_your_own_data_plots_it_and_stores_nothing(client, synthetic):
    before = (NewbornDataset.objects.count(), NewbornCount.objects.count())
    upload = io.BytesIO(b"la_code,year,babies_under_one_week\nE08000025,2022/23,300\nE08000025,2021,oops\n")
    upload.name = "ours.csv"
    response = client.post(reverse("explorer:your_data"), {"file": upload})
    html = unescape(response.content.decode())
    assert response.status_code == 200
    assert "1 row read; 1 problem found" in html and '<td class="govuk-table__cell">3</td>' in html and "'oops' is not a whole number" in html
    assert "Birmingham (your figures)" in html  # named on the funnel plot
    assert "data:text/csv" in html  # the download travels in the link: nothing kept on the server
    assert (NewbornDataset.objects.count(), NewbornCount.objects.count()) == before


def test_examine_your_own_data_reports_an_unreadable_file(client, synthetic):
    upload = io.BytesIO("la_code,year,babies_under_one_week\nE08000025,2022,caf\xe9\n".encode("cp1252"))
    upload.name = "ours.csv"
    html = unescape(client.post(reverse("explorer:your_data"), {"file": upload}).content.decode())
    assert "not UTF-8 text" in html and "whole file" in html and "0 rows read" in html


def test_load_open_data_is_idempotent(db):
    from django.core.management import call_command

    call_command("load_open_data", stdout=io.StringIO())
    call_command("load_open_data", stdout=io.StringIO())
    assert NewbornDataset.objects.count() == 1 and NewbornDataset.current().is_synthetic
    assert NewbornCount.objects.count() > 1000


@pytest.mark.parametrize("name,args", [("explorer:overview", []), ("explorer:regions", []), ("explorer:funnel", []),
                                       ("explorer:relationships", []), ("explorer:local_authority", ["E06000001"]),
                                       ("explorer:datasets", []), ("explorer:your_data", [])])
def test_pages_work_before_any_newborn_data_is_uploaded(client, open_data, name, args):
    assert NewbornDataset.objects.count() == 0
    page(client, name, *args)


@pytest.mark.parametrize("name,args", [("explorer:overview", []), ("explorer:regions", []), ("explorer:funnel", []),
                                       ("explorer:relationships", []), ("explorer:local_authority", ["E06000001"]),
                                       ("explorer:sources", [])])
def test_pages_work_before_the_open_data_is_loaded(client, db, name, args):
    page(client, name, *args)


def test_examine_your_own_data_without_a_file_or_with_a_binary_file(client, synthetic):
    html = unescape(client.post(reverse("explorer:your_data"), {}).content.decode())
    assert "This field is required" in html
    upload = io.BytesIO(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    upload.name = "picture.csv"
    html = unescape(client.post(reverse("explorer:your_data"), {"file": upload}).content.decode())
    assert "not UTF-8 text" in html


def test_the_example_file_is_accepted_by_the_upload_checks(client, db):
    from explorer.uploads import read_csv_bytes

    response = client.get(reverse("explorer:example_file"))
    assert response.status_code == 200 and "invented" in response["Content-Disposition"]
    report = read_csv_bytes(response.content)
    assert report.is_valid and len(report.rows) == 3
