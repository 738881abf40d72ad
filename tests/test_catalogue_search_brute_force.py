"""The faceted search's results and disjunctive counts against brute force, on one random catalogue per module."""

import itertools
import random

import pytest

from catalogue.indexing import index_once_at_the_end
from catalogue.models import DeliverySetting, EntryPage, Region
from catalogue.search.engine import run_search
from catalogue.search.facets import FACETS
from catalogue.search.query import CatalogueQuery
from catalogue.search.snapshot import get_snapshot
from demo.site_tree import ensure_site_tree
from tests.conftest import built_once_for_the_module
from tests.factories import CaseStudyPageFactory, GuidancePageFactory, InterventionPageFactory

AREAS = ["pre-birth-assessment", "peri-natal-intervention", "post-removal-support"]
STAGES = ["pregnancy", "pre-proceedings", "at-birth", "during-proceedings", "after-removal"]
REGIONS = ["north-west", "london", "wales", "england-wide"]
SETTINGS = ["home", "group", "court"]
TOPICS = ["substance-use", "domestic-abuse", "fathers", "perinatal-mental-health"]
EVIDENCE = ["promising", "practice-informed", "not-yet-rated"]
FACTORIES = {
    "intervention": InterventionPageFactory,
    "guidance": GuidancePageFactory,
    "case-study": CaseStudyPageFactory,
}


def _entry_facts(entry):
    """Each facet's values for one entry, read straight from the database."""
    entry = entry.specific
    tagged_regions = {t.slug for t in entry.regions.all()}
    type_slug = {"InterventionPage": "intervention", "GuidancePage": "guidance", "CaseStudyPage": "case-study"}[
        type(entry).__name__
    ]
    return {
        "area": {t.slug for t in entry.areas.all()},
        "stage": {t.slug for t in entry.stages.all()},
        # Regions mean "applies here": an entry tagged with a wider scope applies in each region it contains.
        "region": {
            region
            for region in Region.objects.values_list("slug", flat=True)
            if Region.slugs_applying_in([region]) & tagged_regions
        },
        "topic": {t.slug for t in entry.topics.all()},
        "type": {type_slug},
        "evidence": {entry.evidence_level.slug},
        "setting": {t.slug for t in entry.delivery_settings.all()},
    }


def _brute_force(facts, filters, skip=None):
    return [
        pk
        for pk, entry in facts.items()
        if all(not values or entry[param] & set(values) for param, values in filters.items() if param != skip)
    ]


@pytest.fixture(scope="module")
def _random_catalogue(django_db_setup, django_db_blocker):
    yield from built_once_for_the_module(django_db_blocker, _build_random_catalogue)


@pytest.fixture
def random_catalogue(db, _random_catalogue):
    return _random_catalogue


def _build_random_catalogue():
    _, catalogue = ensure_site_tree()
    rng = random.Random(20261127)
    # An intervention is saved five times on its way (created, two revisions, two publishes): the indexes are
    # updated once an entry, when the catalogue is built, as the saves one by one would have left them.
    with index_once_at_the_end():
        for n in range(45):
            _add_random_entry(catalogue, rng, n)
    return {entry.pk: _entry_facts(entry) for entry in EntryPage.objects.live()}


def _add_random_entry(catalogue, rng, n):
    kind = rng.choice(list(FACTORIES))
    evidence = rng.choice(EVIDENCE if kind != "case-study" else ["practice-informed", "not-yet-rated"])
    entry = FACTORIES[kind](
        parent=catalogue,
        title=f"Entry {n}",
        areas=rng.sample(AREAS, rng.randint(1, 2)),
        stages=rng.sample(STAGES, rng.randint(0, 2)),
        regions=rng.sample(REGIONS, rng.randint(0, 2)),
        topics=rng.sample(TOPICS, rng.randint(0, 2)),
        evidence=evidence,
    )
    if kind == "intervention":  # delivery settings are programme facts
        entry.delivery_settings = list(DeliverySetting.objects.filter(slug__in=rng.sample(SETTINGS, rng.randint(0, 2))))
        entry.save_revision().publish()


COMBINATIONS = [
    {},
    {"area": ["post-removal-support"]},
    {"area": ["pre-birth-assessment", "post-removal-support"]},
    {"area": ["peri-natal-intervention"], "region": ["london", "wales"]},
    {"stage": ["at-birth"], "topic": ["fathers", "substance-use"], "type": ["intervention", "case-study"]},
    {"evidence": ["promising"], "region": ["north-west"], "area": ["pre-birth-assessment"]},
    {"type": ["guidance"], "evidence": ["not-yet-rated", "practice-informed"], "topic": ["domestic-abuse"]},
    {"setting": ["home", "court"], "region": ["wales"]},
]


@pytest.mark.django_db
@pytest.mark.parametrize("filters", COMBINATIONS)
def test_results_and_facet_counts_match_brute_force(random_catalogue, filters):
    snapshot = get_snapshot()
    query = CatalogueQuery(
        filters={param: tuple(filters.get(param, ())) for param in (f.param for f in FACETS)}, sort="title"
    )
    results = run_search(query, snapshot, page_size=1000)

    assert sorted(int(i) for i in results.ordered_ids) == sorted(_brute_force(random_catalogue, filters))
    for facet in FACETS:
        # Disjunctive: the facet's own selection is left out when counting its values.
        candidates = _brute_force(random_catalogue, filters, skip=facet.param)
        for option in results.facets[facet.param]:
            expected = sum(1 for pk in candidates if option.slug in random_catalogue[pk][facet.param])
            assert option.count == expected, (facet.param, option.slug)


@pytest.mark.django_db
def test_random_catalogue_is_not_trivial(random_catalogue):
    """Guards the brute-force test: the combinations must select something and not everything."""
    sizes = [len(_brute_force(random_catalogue, f)) for f in COMBINATIONS]
    assert sizes[0] == 45 and any(0 < size < 45 for size in sizes[1:])


def test_combinations_cover_every_facet():
    used = set(itertools.chain.from_iterable(COMBINATIONS))
    assert used == {facet.param for facet in FACETS}
