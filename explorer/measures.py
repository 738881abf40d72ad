"""
Assembling the figures the charts show, from the database: newborn rates per 10,000 live births
by LA, region and England; children-looked-after rates; deprivation, spend and Ofsted per LA.

Year pairing (said on every page that uses it): financial year 2016/17 of care proceedings is
paired with live births in calendar year 2016, the year it starts in; calendar-year uploads are
paired with the same calendar year. Births are by the mother's area of usual residence.
"""

from collections import defaultdict
from dataclasses import dataclass

from catalogue.models import LocalAuthority

from . import statistics
from .models import ChildrenLookedAfter, ChildrensServicesSpend, LiveBirths, NewbornCount, NewbornDataset


@dataclass
class AreaRate:
    """One area's newborn count, live births and rate for one year (rate None if not shown)."""

    local_authority: LocalAuthority
    year: int
    count: int
    births: int | None
    suppressed: bool = False
    own_data: bool = False

    @property
    def rate(self):
        if self.suppressed:
            return None
        return statistics.rate_per_10000(self.count, self.births)


def births_by_code_year() -> dict[tuple[str, int], int]:
    return {(code, year): births for code, year, births in
            LiveBirths.objects.values_list("area_code", "year", "live_births")}


def year_label(dataset: NewbornDataset, year: int) -> str:
    if dataset.period_type == NewbornDataset.PeriodType.FINANCIAL:
        return f"{year}/{(year + 1) % 100:02d}"
    return str(year)


def area_rates(dataset: NewbornDataset, births=None, *, suppress=True) -> list[AreaRate]:
    """Every LA-year of the dataset, joined to its live births; counts 1-4 suppressed if asked."""
    births = births_by_code_year() if births is None else births
    counts = NewbornCount.objects.filter(dataset=dataset).select_related("local_authority__region")
    return [
        AreaRate(count.local_authority, count.year, count.babies_under_one_week,
                 births.get((count.local_authority.ons_code, count.year)),
                 suppressed=suppress and statistics.is_suppressed(count.babies_under_one_week))
        for count in counts
    ]


def dataset_years(rates: list[AreaRate]) -> list[int]:
    return sorted({rate.year for rate in rates if rate.births})


@dataclass
class PooledRate:
    """A rate pooled over several areas: total count over total live births (areas with births only)."""

    label: str
    year: int
    count: int
    births: int
    areas: int

    @property
    def suppressed(self) -> bool:
        return statistics.is_suppressed(self.count)

    @property
    def rate(self):
        """None when the pooled count is 1-4: small totals are suppressed like single areas."""
        return None if self.suppressed else statistics.rate_per_10000(self.count, self.births)


def pooled(rates, label_of) -> dict[tuple[str, int], PooledRate]:
    """Group area rates by (label_of(area), year) and pool them. Suppressed counts still add up."""
    groups: dict[tuple[str, int], PooledRate] = {}
    for item in rates:
        if not item.births:
            continue
        label = label_of(item)
        if label is None:
            continue
        group = groups.setdefault((label, item.year), PooledRate(label, item.year, 0, 0, 0))
        group.count += item.count
        group.births += item.births
        group.areas += 1
    return groups


def country_rates(rates) -> dict[tuple[str, int], PooledRate]:
    return pooled(rates, lambda item: item.local_authority.country)


def region_rates(rates) -> dict[tuple[str, int], PooledRate]:
    return pooled(rates, lambda item: item.local_authority.region.name)


def national_target(rates, year: int, country="England") -> float | None:
    group = country_rates([item for item in rates if item.year == year]).get((country, year))
    return group.rate if group else None


def cla_rates(measure=ChildrenLookedAfter.Measure.STARTING, year=None, level="Local authority"):
    """{area_code: ChildrenLookedAfter} for one measure and year (the latest if none is given)."""
    rows = ChildrenLookedAfter.objects.filter(measure=measure, geographic_level=level)
    if year is None:
        year = rows.order_by("-year").values_list("year", flat=True).first()
    return year, {row.area_code: row for row in rows.filter(year=year)}


def spend_per_child() -> dict[int, float]:
    """2024-25 children's social care spend (£) per child aged 0-17 (DfE 2025 population), by LA id."""
    _, population = cla_rates(ChildrenLookedAfter.Measure.LOOKED_AFTER, 2025)
    result = {}
    for spend in ChildrensServicesSpend.objects.select_related("local_authority"):
        row = population.get(spend.local_authority.ons_code)
        if spend.total_childrens_social_care is not None and row and row.population_estimate:
            result[spend.local_authority_id] = float(spend.total_childrens_social_care) * 1000 / row.population_estimate
    return result


def neighbour_groups() -> dict[int, list[int]]:
    from .models import StatisticalNeighbour

    groups = defaultdict(list)
    for la_id, neighbour_id in StatisticalNeighbour.objects.order_by("rank").values_list(
            "local_authority_id", "neighbour_id"):
        groups[la_id].append(neighbour_id)
    return groups
