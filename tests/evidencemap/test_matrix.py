"""The evidence map's matrix: counts against a brute force, visibility, known gaps, filters, query count."""

import csv
import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from catalogue.indexing import index_once_at_the_end
from catalogue.models import InterventionPage, Outcome, Reference
from demo.site_tree import ensure_site_tree
from evidencemap.downloads import matrix_csv_lines
from evidencemap.filters import MapFilters
from evidencemap.hierarchy import TIER_BY_DESIGN, strongest
from evidencemap.matrix import build_matrix, map_rows, references_for_cell
from tests.conftest import built_once_for_the_module
from tests.factories import GuidancePageFactory, InterventionPageFactory

from .helpers import cite, make_reference

AREAS = ["pre-birth-assessment", "peri-natal-intervention", "post-removal-support"]
STAGES = ["pregnancy", "at-birth", "after-removal"]
COUNTRIES = ["England", "Wales", "United States"]
DIRECTIONS = ["benefit", "no_difference", "harm", "mixed", "not_recorded"]


def filters(**values) -> MapFilters:
    return MapFilters(**{key: tuple(value) for key, value in values.items()})


def build_random_catalogue():
    """Seeded random studies over published, unpublished and private entries of several types."""
    # Each entry is saved three times or more on its way: indexed once, when the catalogue is built.
    with index_once_at_the_end():
        return _random_studies_and_entries()


def _random_studies_and_entries():
    _, catalogue = ensure_site_tree()
    rng = random.Random(7)
    outcome_slugs = list(Outcome.objects.values_list("slug", flat=True))
    studies = [
        make_reference(
            f"Study {n}",
            design=rng.choice(Reference.Design.values),
            country=rng.choice(COUNTRIES),
            findings={slug: rng.choice(DIRECTIONS) for slug in rng.sample(outcome_slugs, rng.randint(0, 4))},
        )
        for n in range(30)
    ]
    pages = [
        InterventionPageFactory(
            parent=catalogue,
            title=f"Intervention {n}",
            areas=rng.sample(AREAS, rng.randint(1, 2)),
            stages=rng.sample(STAGES, 1),
        )
        for n in range(7)
    ]
    pages.append(GuidancePageFactory(parent=catalogue, title="Guidance that cites studies"))
    for page in pages:
        cite(page, *rng.sample(studies, rng.randint(0, 8)))
    draft = InterventionPageFactory(parent=catalogue, title="Never published", live=False, publish=False)
    cite(draft, *studies[:10], publish=False)
    draft.references = studies[:10]
    draft.save()  # the link rows exist, but the page is not live
    private = InterventionPageFactory(parent=catalogue, title="Private")
    cite(private, *studies[:10])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    return studies


@pytest.fixture(scope="class")
def random_catalogue_for_the_class(django_db_setup, django_db_blocker):
    """Built once for `TestOnARandomCatalogue`, whose tests only read it (the others build their own entries)."""
    yield from built_once_for_the_module(django_db_blocker, build_random_catalogue)


def brute_force(flt: MapFilters):
    """Count by walking every public intervention's studies in Python: no aggregation at all."""
    expected = {}
    for page in InterventionPage.objects.live().public():
        if flt.area and not set(page.areas.values_list("slug", flat=True)) & set(flt.area):
            continue
        if flt.stage and not set(page.stages.values_list("slug", flat=True)) & set(flt.stage):
            continue
        for outcome in Outcome.objects.all():
            counted = [
                ref
                for ref in page.references.all()
                if outcome in ref.outcomes.all()
                and (not flt.design or ref.design in flt.design)
                and (not flt.country or ref.country in flt.country)
            ]
            expected[(page.pk, outcome.pk)] = (len(counted), strongest(ref.design for ref in counted))
    return expected


@pytest.mark.django_db
class TestOnARandomCatalogue:
    """The tests that only read the seeded random catalogue, built once for the class."""

    @pytest.fixture
    def random_catalogue(self, random_catalogue_for_the_class, db):
        return random_catalogue_for_the_class

    @pytest.mark.parametrize(
        "flt",
        [
            filters(),
            filters(design=["rct", "quasi"]),
            filters(country=["Wales"]),
            filters(area=["post-removal-support"]),
            filters(stage=["pregnancy", "after-removal"]),
            filters(area=["peri-natal-intervention"], design=["qualitative", "audit", "process"], country=["England"]),
        ],
    )
    def test_cell_counts_and_strongest_design_match_a_brute_force_count(self, random_catalogue, flt):
        matrix = build_matrix(flt)
        expected = brute_force(flt)
        assert {key: (cell.count, cell.tier) for key, cell in matrix.cells.items()} == expected
        assert sum(count for count, _ in expected.values()) > 0, "the dataset should exercise non-empty cells"
        assert matrix.page.total == len(matrix.interventions), "the whole map is on this page"
        assert matrix.studied_cells == sum(1 for count, _ in expected.values() if count)
        for (intervention_id, outcome_id), (count, _) in expected.items():
            listed = references_for_cell(flt, intervention_id, Outcome.objects.get(pk=outcome_id))
            assert listed.count() == count

    def test_unpublished_private_and_non_intervention_entries_are_not_on_the_map(self, random_catalogue):
        titles = {page.title for page in build_matrix(filters()).interventions}
        assert "Never published" not in titles
        assert "Private" not in titles
        assert "Guidance that cites studies" not in titles
        assert titles == {f"Intervention {n}" for n in range(7)}

    def test_filters_narrow_rows_and_counts(self, random_catalogue):
        everything = build_matrix(filters())
        for flt in [filters(area=["pre-birth-assessment"]), filters(stage=["at-birth"])]:
            narrowed = build_matrix(flt)
            assert {p.pk for p in narrowed.interventions} < {p.pk for p in everything.interventions}
            for page in narrowed.interventions:
                param, values = ("area", page.areas) if flt.area else ("stage", page.stages)
                assert set(values.values_list("slug", flat=True)) & set(getattr(flt, param))
        area_only = build_matrix(filters(area=["pre-birth-assessment"]))
        assert [group.area.slug for group in area_only.groups] == ["pre-birth-assessment"]
        trials = build_matrix(filters(design=["rct"]))
        assert {p.pk for p in trials.interventions} == {p.pk for p in everything.interventions}
        assert all(trials.cells[key].count <= cell.count for key, cell in everything.cells.items())
        assert sum(c.count for c in trials.cells.values()) < sum(c.count for c in everything.cells.values())
        assert all(cell.tier is None or cell.tier.symbol == "RCT" for cell in trials.cells.values())


def test_a_constructed_catalogue_shows_exactly_its_known_gaps(catalogue):
    trial = make_reference("Trial", design="rct", findings={"recurrence-avoided": "benefit", "cost": "mixed"})
    interviews = make_reference("Interviews", design="qualitative", findings={"parents-experience": "benefit"})
    review = make_reference("Review", design="review", findings={"recurrence-avoided": "no_difference"})
    studied = cite(
        InterventionPageFactory(parent=catalogue, title="Studied", areas=["post-removal-support"]),
        trial,
        interviews,
        review,
    )
    unstudied = InterventionPageFactory(parent=catalogue, title="Unstudied", areas=["post-removal-support"])

    matrix = build_matrix(filters())
    outcomes = {outcome.slug: outcome.pk for outcome in Outcome.objects.all()}
    known = {"recurrence-avoided": (2, "SR"), "cost": (1, "RCT"), "parents-experience": (1, "PQA")}
    for slug, pk in outcomes.items():
        cell = matrix.cell(studied.pk, pk)
        assert (cell.count, cell.tier.symbol if cell.tier else None) == known.get(slug, (0, None))
        assert matrix.cell(unstudied.pk, pk).is_gap
    assert matrix.gap_count == 2 * len(outcomes) - len(known)
    recurrence = matrix.cell(studied.pk, outcomes["recurrence-avoided"])
    assert recurrence.direction_summary() == [("Benefit", 1), ("No difference", 1)]


def test_an_intervention_in_two_areas_appears_under_both(catalogue):
    page = InterventionPageFactory(
        parent=catalogue, title="Both", areas=["pre-birth-assessment", "post-removal-support"]
    )
    groups = build_matrix(filters()).groups
    assert [g.area.slug for g in groups if any(r.intervention.pk == page.pk for r in g.rows)] == [
        "pre-birth-assessment",
        "post-removal-support",
    ]


def test_every_design_has_a_place_in_the_documented_hierarchy():
    assert set(TIER_BY_DESIGN) == set(Reference.Design.values)
    assert strongest(["qualitative", "rct", "pre_post"]).symbol == "RCT"
    assert strongest(["rct", "review"]).symbol == "SR"
    assert strongest([]) is None


def test_building_the_matrix_costs_the_same_queries_for_more_rows_and_studies(
    catalogue, django_assert_num_queries, django_capture_on_commit_callbacks
):
    def grow(n):
        with django_capture_on_commit_callbacks(execute=True):  # publishing moves the version on
            for i in range(n):
                study = make_reference(
                    f"Grow {n}-{i}", design="rct", findings={"cost": "benefit", "safe-reunification": "harm"}
                )
                cite(InterventionPageFactory(parent=catalogue, title=f"Grow {n}-{i}"), study)

    grow(1)
    build_matrix(filters(design=["rct"]))  # the first build of a version orders and counts the rows
    with CaptureQueriesContext(connection) as small:
        build_matrix(filters(design=["rct"]))
    grow(6)
    assert len(build_matrix(filters(design=["rct"])).interventions) == 7  # the new version's rows
    with django_assert_num_queries(len(small.captured_queries)):
        matrix = build_matrix(filters(design=["rct"]))
    assert len(matrix.interventions) == 7


def test_rows_are_in_a_to_z_order_whatever_the_case_on_the_map_and_in_its_csv(catalogue):
    titles = ["bravo service", "Alpha service", "Charlie service", "alpha programme"]  # bytewise: A, C, a, b
    for title in titles:
        InterventionPageFactory(parent=catalogue, title=title, areas=["post-removal-support"])
    a_to_z = ["alpha programme", "Alpha service", "bravo service", "Charlie service"]
    rows, _ = map_rows(filters())
    by_id = dict(InterventionPage.objects.values_list("pk", "title"))
    assert [by_id[pk] for pk in rows.tolist()] == a_to_z
    lines = list(csv.reader(matrix_csv_lines(filters(), "https://example.org", None)))
    assert [line[0] for line in lines[1:]] == a_to_z
