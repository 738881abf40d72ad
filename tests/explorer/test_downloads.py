"""The tidy downloads and their data package: figures read back against the fixture CSVs, the package
validated by the `frictionless` library, every file's Link header, and bad file names answered with a 404.
(Loading every dataset is the slow part, so each test checks several things on one load.)"""

import csv
import io
import json

import frictionless
import pytest
from django.conf import settings

from explorer.downloads.registry import DOWNLOADS
from explorer.figures.context import MEASURES
from explorer.figures.statistics import rate_per_10000
from explorer.figures.under_one import DERIVED_BIRTHS
from explorer.models import DfjArea
from tests.data_urls import reverse

from .conftest import fixture_rows


@pytest.fixture
def all_data(all_data_once):
    """Every dataset, loaded once for every test that only reads it (tests/shared_builds.py)."""
    return all_data_once


STARTS_STEM = "under-1-children-starting-to-be-looked-after-by-local-authority"
BAD_NAMES = [
    "no-such-file.csv",
    f"{STARTS_STEM}-1999-2000.csv",
    "été٢٠٢٣.csv",
    "x" * 600 + ".csv",
    "%00.csv",
    "..%2fsettings.py",
]


def tidy_rows(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))


def package(client) -> dict:
    response = client.get(reverse("explorer:datapackage"))
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    return json.loads(response.content)


def download(client, resource: dict):
    folder, file_name = resource["path"].split("/")
    assert folder == "downloads"
    response = client.get(reverse("explorer:download_file", args=[file_name]))
    assert response.status_code == 200, file_name
    return response


def paired_births() -> dict:
    births = {(row["area_code"], row["year"]): int(row["live_births"]) for row in fixture_rows("live_births_by_la.csv")}
    for whole, parts in DERIVED_BIRTHS.items():  # the one documented derived denominator (Northamptonshire)
        for year in {year for code, year in births if code == parts[0]}:
            births[(whole, year)] = sum(births[(part, year)] for part in parts)
    return births


def check_under_1_starts(rows: dict) -> None:
    published = [
        row for row in fixture_rows("england_cla_starts_under1.csv") if row["geographic_level"] == "Local authority"
    ]
    births = paired_births()
    assert len({row["la_code_current"] for row in published}) > 150
    for row in published:
        tidy = rows[(row["la_code_current"], row["year"], "started_under_1")]
        assert tidy["geographic_level"] == "Local authority"
        if row["starts_under1_flag"]:
            assert tidy["value"] == "" and tidy["suppression_flag"] == f"[{row['starts_under1_flag']}]"
            continue
        assert tidy["value"] == row["starts_under1"] and tidy["suppression_flag"] == ""
        paired = births.get((row["la_code_current"], str(int(row["year"]) - 1)))
        rate = rows.get((row["la_code_current"], row["year"], "started_under_1_per_10000_live_births"))
        if paired:
            assert float(rate["value"]) == round(rate_per_10000(int(row["starts_under1"]), paired), 1)
        else:
            assert rate is None  # no births paired, no rate: never a made-up denominator


def test_every_authoritys_under_1_starts_are_one_tidy_csv_and_wales_keeps_its_markers(all_data, client):
    resources = {item["name"]: item for item in package(client)["resources"]}
    years = sorted({int(row["year"]) for row in fixture_rows("england_cla_starts_under1.csv")})
    assert resources[STARTS_STEM]["path"] == f"downloads/{STARTS_STEM}-{years[0]}-{years[-1]}.csv"
    response = download(client, resources[STARTS_STEM])
    rows = {(row["area_code"], row["year"], row["measure"]): row for row in tidy_rows(response)}
    check_under_1_starts(rows)
    assert any(row["suppression_flag"] == "[c]" for row in rows.values())
    assert all("," not in row["value"] for row in rows.values())  # numbers as numbers
    assert "Source" not in response.content.decode()  # no source notes as rows: they are in the Link header

    wales = next(item for name, item in resources.items() if name.endswith("31-march-wales"))
    shown = {(row["area_code"], row["year"]): row for row in tidy_rows(download(client, wales))}
    for row in fixture_rows("wales_cla_at31march_under1_la.csv"):
        if row["geographic_level"] != "Local authority":
            continue
        tidy = shown[(row["la_code"], row["year"])]
        if row["under1_boys_plus_girls_sum_of_rounded"]:
            assert tidy["value"] == row["under1_boys_plus_girls_sum_of_rounded"]
        else:
            assert tidy["value"] == "" and tidy["suppression_flag"] == "[*]"


def test_the_data_package_is_valid_and_every_file_names_its_source_and_licence(all_data, client, tmp_path):
    described = package(client)
    assert [resource["name"] for resource in described["resources"]] == [item.stem for item in DOWNLOADS]
    (tmp_path / "downloads").mkdir()
    for resource in described["resources"]:
        response = download(client, resource)
        (tmp_path / resource["path"]).write_bytes(response.content)
        assert resource["sources"] and resource["licenses"] and all("path" in item for item in resource["licenses"])
        links = response["Link"]
        assert 'rel="license"' in links and "open-government-licence" in links
        assert all(source.get("path", "") in links for source in resource["sources"])
    (tmp_path / "datapackage.json").write_text(json.dumps(described), encoding="utf-8")
    report = frictionless.validate(tmp_path / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
    assert len(report.tasks) == len(DOWNLOADS)

    page = client.get(reverse("explorer:downloads")).content.decode()
    assert reverse("explorer:datapackage") in page
    assert all(resource["path"].split("/")[1] in page for resource in described["resources"])
    assert reverse("explorer:downloads") in client.get(reverse("explorer:sources")).content.decode()
    for name in BAD_NAMES:
        response = client.get(reverse("explorer:downloads") + name)
        if "%" in name:  # an escaped NUL is refused (400) by the site before any view; a slash is no file
            assert response.status_code in (400, 404), name
        else:
            assert response.status_code == 404, name
            assert "There is no download called" in response.content.decode()


def test_the_context_measures_download_as_tidy_files_with_every_published_value(all_data, client):
    """Each context publication is one tidy file; its values are the fixture's, read here, as plain numbers."""
    published = fixture_rows("context-measures", "england_cin_cpp_rates_la_lait.csv")
    resources = {resource["name"]: resource for resource in package(client)["resources"]}
    resource = next(r for name, r in resources.items() if name.startswith("children-in-need-and-child-protection"))
    rows = {(row["area_code"], row["year"], row["measure"]): row for row in tidy_rows(download(client, resource))}
    checked = 0
    for row in published:
        if row["measure"] not in MEASURES:
            continue  # the file holds more measures than the site shows
        for code in row["la_code_current"].split(" / "):  # a joint return counts for each of its authorities
            tidy = rows.get((code, row["year"], row["measure"]))
            if row["value"] == "":
                assert tidy is None or (tidy["value"] == "" and tidy["suppression_flag"])
                continue
            assert tidy is not None, row
            assert float(tidy["value"]) == float(row["value"]) and tidy["suppression_flag"] == ""
            checked += 1
    assert checked > 1000


def test_addresses_in_link_headers_and_the_package_come_from_the_configured_site_never_the_host(all_data, client):
    # Django accepts any port with an allowed host name, so a visitor could steer addresses built from the request.
    hostile = {"HTTP_HOST": "testserver:1"}
    site = settings.SITE_BASE_URL.rstrip("/")
    described = json.loads(client.get(reverse("explorer:datapackage"), **hostile).content)
    assert described["homepage"] == site + reverse("explorer:downloads")
    first_file = described["resources"][0]["path"].split("/")[1]
    tidy = client.get(reverse("explorer:download_file", args=[first_file]), **hostile)
    chart = client.get(reverse("explorer:funnel"), {"download": "funnel"}, **hostile)
    for response in (tidy, chart):
        assert response.status_code == 200 and "testserver:1" not in response["Link"]
    assert f"<{site}{reverse('explorer:datapackage')}>" in tidy["Link"]
    assert f"<{site}{reverse('explorer:sources')}>" in chart["Link"]
    area = reverse("explorer:area_detail", args=[DfjArea.objects.order_by("slug").first().slug])
    printed = client.get(area, {"year": "2020"}, **hostile).content.decode()
    assert f"Printed from the Born into Care data explorer: {site}{area}?year=2020<" in printed
