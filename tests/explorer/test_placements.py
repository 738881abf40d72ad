"""
Children looked after at 31 March by placement type and ethnicity (all ages, England): the committed subset
matches its record, the loader keeps every published percentage and DfE's symbols (a bad file stops it), and
the profile, the board report and the tidy download show the fixture's values, read here from the CSV.
"""

import csv
import hashlib
import html
import io
import json
import re
from pathlib import Path

import pytest

from explorer.figures import cla_characteristics as cla
from explorer.loading import FixtureError, context_measures, load_all
from explorer.models import ContextFigure
from tests.data_urls import reverse

from .conftest import fixture_rows
from .test_context_measures import damage, damaged, rows  # noqa: F401 (damaged is a fixture)
from .test_downloads import download, package, tidy_rows

FOLDER = context_measures.CONTEXT_MEASURES
SUBSET = "england_cla_31march_placements_ethnicity_subset.csv"
RECORD = FOLDER / "england_cla_31march_placements_ethnicity_subset.json"
BLACKPOOL = "E06000009"
YEARS = {int(row["year"]) for row in csv.DictReader(open(FOLDER / SUBSET, encoding="utf-8"))}
SHARED = Path("/work/shared/data")  # the project's shared data folder, where the source file was read


def published(code: str, year: int | None = None) -> dict[tuple[int, str], dict]:
    """{(year, site measure key): fixture row} of one area, for the categories the site shows."""
    found = {}
    for row in rows(SUBSET):
        key = cla.BY_SOURCE.get((row["measure"], row["category"]))
        if key and row["la_code_current"] == code and (year is None or row["year"] == str(year)):
            found[(int(row["year"]), key)] = row
    return found


def shown(row: dict) -> str:
    return row["value"] if row["value"] else f"[{row['flag']}]"


def test_the_subset_is_what_its_record_says():
    record = json.loads(RECORD.read_text(encoding="utf-8"))
    data = (FOLDER / SUBSET).read_bytes()
    assert hashlib.sha256(data).hexdigest() == record["subset_sha256"]
    assert len(rows(SUBSET)) == record["rows_kept"]
    assert {row["measure"] for row in rows(SUBSET)} <= {kept.split(" / ")[0] for kept in record["kept"]}
    source = SHARED / record["source_file"]
    if not source.exists():
        pytest.skip("the project's shared context-measures folder is not on this machine")
    raw = source.read_bytes()
    assert hashlib.sha256(raw).hexdigest() == record["source_sha256"]
    source_lines = set(raw.decode("utf-8").splitlines(keepends=True))
    assert all(line in source_lines for line in data.decode("utf-8").splitlines(keepends=True))


def test_every_shown_category_is_loaded_with_its_value_or_its_symbol(db):
    load_all(["context measures"])
    expected = [row for row in rows(SUBSET) if (row["measure"], row["category"]) in cla.BY_SOURCE]
    stored = ContextFigure.objects.filter(measure__in=[item.key for item in cla.CATEGORIES])
    assert stored.count() == len(expected)
    flagged = [row for row in expected if row["flag"]]
    assert {row["flag"] for row in flagged} >= {"c", "k"}
    for row in flagged[:200] + expected[:200]:
        figure = stored.get(
            measure=cla.BY_SOURCE[(row["measure"], row["category"])], year=row["year"], area_code=row["la_code_current"]
        )
        assert figure.flag == row["flag"]
        assert (figure.value is None) == (row["value"] == "")  # a symbol is never stored as 0
        if row["value"]:
            assert float(figure.value) == float(row["value"])


# The data a bad load must keep: every dataset, loaded once for the tests that only read it (tests/shared_builds.py),
# from the same files as the copy below before it is damaged; what a test changes is rolled back after it.
def test_a_malformed_placement_row_stops_the_load_naming_file_and_line_and_keeps_the_data(
    all_data_once,
    damaged,  # noqa: F811
):
    before = ContextFigure.objects.count()
    assert before  # the data to keep, loaded from the undamaged files
    line = next(i for i, row in enumerate(rows(SUBSET, damaged), start=2) if row["measure"] == cla.PLACEMENT_PCT) + 5
    damage(damaged, SUBSET, line, "value", "6,5")
    with pytest.raises(FixtureError) as error:
        load_all(["context measures"])
    assert SUBSET in str(error.value) and f"line {line}" in str(error.value)
    assert ContextFigure.objects.count() == before


def latest_year(code: str) -> int:
    return max(year for (year, key), row in published(code).items() if row["value"] and key.startswith("cla_placement"))


@pytest.mark.django_db
class TestOnAllTheData:
    """Tests that only read all the data, loaded once (tests/shared_builds.py); the loading test above loads its own."""

    @pytest.fixture
    def all_data(self, all_data_once):
        return all_data_once

    def test_blackpools_profile_shows_its_placement_and_ethnicity_shares(self, all_data, client):
        year = latest_year(BLACKPOOL)
        page = client.get(reverse("explorer:local_authority", args=[BLACKPOOL]))
        assert page.status_code == 200
        text = html.unescape(page.content.decode())
        assert "Placements and ethnicity of children looked after: all ages, England only" in text
        section = text[text.index(f"Children looked after by placement type at 31 March {year}: Blackpool compared") :]
        table = section[section.index("<table") : section.index("</table>")]
        cells = {}
        for row_html in re.findall(r"<tr.*?</tr>", table, flags=re.S)[1:]:
            values = [
                re.sub(r"<.*?>", "", cell).strip() for cell in re.findall(r"<t[hd].*?</t[hd]>", row_html, flags=re.S)
            ]
            cells[values[0]] = values[1]  # Blackpool's column
        by_key = published(BLACKPOOL, year)
        for item in cla.PLACEMENT_TYPES:
            assert cells[item.name] == shown(by_key[(year, item.key)]), item.name
        csv_text = client.get(
            reverse("explorer:local_authority", args=[BLACKPOOL]), {"download": "la-ethnicity-latest"}
        ).content.decode()
        table_rows = {row[0]: row for row in csv.reader(io.StringIO(csv_text.partition("\n\n")[0]))}
        for item in cla.ETHNIC_GROUPS:
            assert table_rows[item.name][1] == shown(by_key[(year, item.key)]), item.name

    def test_the_board_report_shows_each_authoritys_placements(self, all_data, client):
        links = fixture_rows("seed-questions", "la_dfj_area.csv")
        members = {row["la_code"]: row["la_name"] for row in links if row["dfj_area_code"] == "BLACKBURN_LANCASTER"}
        year = max(int(row["year"]) for row in rows(SUBSET) if row["la_code"] == "E92000001")
        page = html.unescape(
            client.get(reverse("explorer:board_report", args=["blackburn-lancaster"])).content.decode()
        )
        assert f"placement type and ethnicity (all ages), 31 March {year}" in page
        table = page[page.index(f"Children looked after by placement type at 31 March {year} in") :]
        table = table[: table.index("</table>")]
        foster = next(item for item in cla.PLACEMENT_TYPES if item.short == "Foster")
        checked = 0
        for code, name in members.items():
            row = published(code, year)
            if not row:
                continue
            row_html = re.search(rf"<th scope=\"row\">{re.escape(name)}</th>(.*?)</tr>", table, flags=re.S).group(1)
            assert f"<td>{shown(row[(year, foster.key)])}</td>" in row_html, name
            checked += 1
        assert checked == len(members)  # every authority of the area is English and published

    def test_the_placements_download_is_tidy_with_every_published_value_and_dfes_symbols(self, all_data, client):
        resources = {resource["name"]: resource for resource in package(client)["resources"]}
        resource = resources["children-looked-after-by-placement-type-and-ethnicity-by-local-authority"]
        assert resource["path"].endswith(f"-{min(YEARS)}-{max(YEARS)}.csv")
        tidy = {(row["area_code"], row["year"], row["measure"]): row for row in tidy_rows(download(client, resource))}
        checked = symbols = 0
        for row in rows(SUBSET):
            key = cla.BY_SOURCE.get((row["measure"], row["category"]))
            if key is None:
                continue  # Total percentages (always 100) are not offered
            found = tidy.get((row["la_code_current"], row["year"], key))
            if row["value"]:
                assert float(found["value"]) == float(row["value"]) and found["suppression_flag"] == ""
                checked += 1
            elif row["flag"] in ("c", "k", "z", "x"):
                assert found["value"] == "" and found["suppression_flag"] == f"[{row['flag']}]"
                symbols += 1
        assert checked and symbols  # both kinds met (every row of the subset is one or the other)
