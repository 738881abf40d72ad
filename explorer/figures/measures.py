"""
Pooling the under-1 figures over groups of areas (statistical neighbours, several years of one LA)
and the explanatory measures (spend per child, statistical neighbours) the charts set beside them.

A pooled rate is the group's total count over its total live births, counting only the areas that
have both a published count and a births figure; a suppressed area is left out of both sides (never
counted as 0), and the tables say how many areas each figure covers.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from ..models import ChildrenLookedAfter, ChildrensServicesSpend, StatisticalNeighbour
from . import statistics
from .under_one import UnderOneFigure
from .versioned import kept_per_data_version


@dataclass
class PooledFigure:
    """Sums over a group of areas: counts paired with births (for the rate) and with all ages (for the share)."""

    label: str
    year: int
    rate_count: int = 0
    births: int = 0
    share_count: int = 0
    all_ages: int = 0
    areas: int = 0
    suppressed_areas: int = 0
    rate_years: list[int] = field(default_factory=list)  # the years whose counts and births are in the rate

    @property
    def rate(self) -> float | None:
        return statistics.rate_per_10000(self.rate_count, self.births) if self.births else None

    @property
    def share_of_all_ages(self) -> float | None:
        return self.share_count / self.all_ages * 100 if self.all_ages else None

    def add(self, figure: UnderOneFigure) -> None:
        self.areas += 1
        if figure.suppressed:
            self.suppressed_areas += 1
            return
        if figure.births:
            self.rate_count += figure.count
            self.births += figure.births
            self.rate_years.append(figure.year)
        if figure.all_ages_count:
            self.share_count += figure.count
            self.all_ages += figure.all_ages_count


def pooled(figures: list[UnderOneFigure], label_of) -> dict[tuple[str, int], PooledFigure]:
    """Group figures by (label_of(figure), year) and pool them; label None leaves a figure out."""
    groups: dict[tuple[str, int], PooledFigure] = {}
    for figure in figures:
        label = label_of(figure)
        if label is None:
            continue
        groups.setdefault((label, figure.year), PooledFigure(label, figure.year)).add(figure)
    return groups


def pooled_over_years(figures: list[UnderOneFigure], years: list[int]) -> dict[str, PooledFigure]:
    """{area code: its figures pooled over `years`} (rate = total count / total births of those years)."""
    result: dict[str, PooledFigure] = {}
    for figure in figures:
        if figure.year in years:
            result.setdefault(figure.area_code, PooledFigure(figure.area_code, years[-1])).add(figure)
    return result


def years_pooled(years) -> str:
    """The years a pooled figure covers, as runs: "2019 to 2023", or "2019 to 2020, 2023" where one is missing."""
    runs: list[list[int]] = []
    for year in sorted(set(years)):
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(f"{run[0]} to {run[-1]}" if len(run) > 1 else str(run[0]) for run in runs)


def cla_rates(measure=ChildrenLookedAfter.Measure.STARTING, year=None, level="Local authority"):
    """{area_code: ChildrenLookedAfter} for one measure and year (the latest if none is given)."""
    rows = ChildrenLookedAfter.objects.filter(measure=measure, geographic_level=level)
    if year is None:
        year = rows.order_by("-year").values_list("year", flat=True).first()
    return year, {row.area_code: row for row in rows.filter(year=year)}


def spend_per_child() -> dict[str, float]:
    """2024-25 children's social care spend (£) per child aged 0-17 (DfE 2025 population), by ONS code."""
    return dict(_spend_per_child())


@kept_per_data_version  # every profile asks for its authority's, from every authority's (25 ms)
def _spend_per_child() -> dict[str, float]:
    _, population = cla_rates(ChildrenLookedAfter.Measure.LOOKED_AFTER, 2025)
    result = {}
    for spend in ChildrensServicesSpend.objects.select_related("local_authority"):
        code = spend.local_authority.ons_code
        row = population.get(code)
        if spend.total_childrens_social_care is not None and row and row.population_estimate:
            result[code] = float(spend.total_childrens_social_care) * 1000 / row.population_estimate
    return result


def neighbour_codes() -> dict[str, list[str]]:
    """{ONS code: its DfE statistical neighbours' ONS codes, closest first}."""
    groups = defaultdict(list)
    for code, neighbour in StatisticalNeighbour.objects.order_by("rank").values_list(
        "local_authority__ons_code", "neighbour__ons_code"
    ):
        groups[code].append(neighbour)
    return groups
