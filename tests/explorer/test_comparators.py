"""A profile's chosen comparators (kept in the address) and its thresholds-and-workforce section: every figure
read back against the fixture CSVs; every bad comparator list answered with a message, never an error."""

import csv
from urllib.parse import quote

import pytest

from explorer.loading import context_measures, load_all
from tests.conftest import built_once_for_the_module
from tests.data_urls import reverse

from .conftest import fixture_rows

BLACKPOOL = "E06000009"
GLANCE = ("cpp_rate_per_10000_at_31_march", "turnover_rate_fte_pct", "agency_worker_rate_fte_pct")


def context_rows(filename):
    with open(context_measures.CONTEXT_MEASURES / filename, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def published(measure) -> dict[tuple[str, int], str]:
    """{(code, year): value as the page shows it} for one measure, straight from the fixture file."""
    filename = next(name for name, measures in context_measures.FILES.items() if measure in measures)
    values = {}
    for row in context_rows(filename):
        if row["measure"] == measure:
            shown = f"{float(row['value']):,.1f}" if row["value"] else f"[{row['flag']}]"
            for code in row["la_code_current"].split(" / "):
                values[(code, int(row["year"]))] = shown
    return values


@pytest.fixture(scope="class")
def neighbours_and_context(django_db_setup, django_db_blocker):
    """The statistical neighbours and the context measures, loaded once for the tests that only read them."""
    yield from built_once_for_the_module(
        django_db_blocker, lambda: load_all(["statistical neighbours", "context measures"])
    )


def profile(client, code=BLACKPOOL, query=""):
    """The profile page; `query` is percent-encoded as a browser would send it."""
    response = client.get(reverse("explorer:local_authority", args=[code]) + quote(query, safe="?&=,%"))
    assert response.status_code == 200
    return response


def neighbours_of(code):
    rows = [r for r in fixture_rows("statistical_neighbours_2021.csv") if r["ons_code"] == code]
    return [
        (r["neighbour_ons_code"], r["neighbour_name"]) for r in sorted(rows, key=lambda r: int(r["neighbour_rank"]))
    ]


BAD = [
    ("?compare=E06999999", "No local authority has the code(s) E06999999"),
    ("?compare=E06000008&compare=e06000008", "Listed more than once"),
    ("?compare=W06000015", "English authorities are compared with English authorities only"),
    ("?compare=E0٦000008", "Not an ONS code"),  # an Arabic-Indic digit
    ("?compare=E０6000008", "Not an ONS code"),  # a full-width digit
    ("?compare=%3Cscript%3E", "Not an ONS code"),
    ("?compare=" + "E06000008" * 300, "Not an ONS code"),
    ("?" + "&".join(f"compare=E{n:08d}" for n in range(500)), "More than 50 comparators"),
    ("?compare=" + ",".join(code for code, _ in neighbours_of(BLACKPOOL)) + ",E06000008", "up to 10"),
    ("?compare=E06000009", "not its own comparator"),
]


@pytest.mark.django_db
class TestOnNeighboursAndContext:
    """Every test but the last of the module: they read the same two datasets, loaded once for the class."""

    @pytest.fixture
    def loaded(self, neighbours_and_context, db):
        return neighbours_and_context

    def test_blackpool_shows_its_rates_beside_its_statistical_neighbours(self, client, loaded):
        response = profile(client)
        panel = response.context["context_panel"]
        neighbours = neighbours_of(BLACKPOOL)
        assert [la.ons_code for la in panel.comparators.chosen] == [code for code, _ in neighbours]
        glance = panel.glance
        names = [row[0] for row in glance.rows]
        assert names[: len(neighbours) + 1] == ["Blackpool", *[name for _, name in neighbours]]
        for column, measure in enumerate(GLANCE, start=1):
            values = published(measure)
            latest = max(year for code, year in values if code == BLACKPOOL)
            assert str(latest) in glance.columns[column]
            for row, (code, _) in zip(glance.rows, [(BLACKPOOL, ""), *neighbours], strict=False):
                assert row[column] == values.get((code, latest), "no figure")
        trend = next(c for c in panel.charts if c.slug == "la-context-cpp-rate-per-10000-at-31-march")
        values = published("cpp_rate_per_10000_at_31_march")
        assert [row[1] for row in trend.rows] == [values.get((BLACKPOOL, y), "") for y in range(2016, 2026)]
        html = response.content.decode()
        assert "None of these measures is about infants alone" in html
        assert 'name="compare"' in html and f'value="{neighbours[0][0]}" checked' in html  # the no-JavaScript form

    def test_chosen_comparators_are_kept_in_the_address_and_in_the_download(self, client, loaded):
        query = "?compare=E06000008&compare=E08000012"
        panel = profile(client, query=query).context["context_panel"]
        assert [la.name for la in panel.comparators.chosen] == ["Blackburn with Darwen", "Liverpool"]
        assert panel.comparators.by_reader
        csv_text = client.get(
            reverse("explorer:local_authority", args=[BLACKPOOL]) + query + "&download=la-context-latest"
        )
        assert csv_text.status_code == 200
        assert "Liverpool" in csv_text.content.decode() and "Hartlepool" not in csv_text.content.decode()
        comma = profile(client, query="?compare=E06000008,E08000012").context["context_panel"]
        assert [la.name for la in comma.comparators.chosen] == ["Blackburn with Darwen", "Liverpool"]

    @pytest.mark.parametrize(("query", "message"), BAD)
    def test_a_bad_comparator_list_gets_a_message_not_an_error(self, client, loaded, query, message):
        response = profile(client, query=query)
        notices = " ".join(response.context["notices"])
        assert message in notices
        assert message in response.content.decode().replace("&#x27;", "'")
        assert 0 < len(response.context["context_panel"].comparators.chosen) <= 10

    def test_a_welsh_profile_compares_with_welsh_authorities_and_says_context_is_england_only(self, client, loaded):
        response = profile(client, "W06000015")
        assert response.context["context_panel"].england_only
        html = response.content.decode()
        assert (
            "shown for English authorities only" in html and "DfE publishes statistical neighbours for English" in html
        )
        chosen = profile(client, "W06000015", "?compare=W06000011&compare=E06000009").context
        assert [la.name for la in chosen["context_panel"].comparators.chosen] == ["Swansea"]
        assert any("Welsh authorities are compared with Welsh authorities only" in n for n in chosen["notices"])


def test_legal_status_on_a_profile_uses_the_chosen_comparators(client, db):
    load_all(["statistical neighbours", "family justice data"])
    chosen = ("E06000008", "E08000012")
    rows = [
        row
        for row in fixture_rows("seed-questions", "england_cla_starts_legal_status_wide.csv")
        if row["la_code_current"] in chosen and row["starts_s20"] and row["starts_total"]
    ]
    latest = max(int(row["year"]) for row in rows)
    both = [row for row in rows if int(row["year"]) == latest]
    assert len(both) == 2
    query = "?compare=E06000008&compare=E08000012&download=section-20-e06000009"
    table = list(csv.reader(profile(client, query=query).content.decode().splitlines()))
    column = table[0].index("Your comparators: count / total")
    shown = {row[0]: row[column] for row in table[1:] if len(row) > column}  # not the source lines below
    s20, total = sum(int(row["starts_s20"]) for row in both), sum(int(row["starts_total"]) for row in both)
    assert shown[f"{latest - 1} to {latest}"] == f"{s20:,} / {total:,}"
