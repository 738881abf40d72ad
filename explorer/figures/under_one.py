"""
The real under-1 figures as the rest of the site uses them: counts of infants entering care (or in
care on 31 March), their live births, rate per 10,000 live births and share of all ages.

Public entry point for other apps and the family justice pages:

    under_one_figures(la_codes, year, measure="starts") -> dict[str, UnderOneFigure]

Honest denominators:
- **Births pairing.** A reporting year ends on 31 March: year 2023 is April 2022 to March 2023. It is
  paired with ONS live births in the calendar year it starts in (2023 -> births in 2022), by the
  mother's area of usual residence. Births exist for 2013-2022, so rates exist for reporting years
  2014-2023 only; no denominator is ever extrapolated to other years.
- **Births by today's boundaries.** ONS births are on current LA boundaries. An authority whose
  boundary changed (Bournemouth, Poole, old Dorset county) has no births figure of its own, so no rate.
  The one exception is Northamptonshire county (to 2021): its area is exactly North plus West
  Northamptonshire, so its births are their sum (`DERIVED_BIRTHS`).
- Where there is no births figure the share of all children of all ages in the same publication
  is the fallback measure.
"""

import sys
from collections.abc import Iterable
from dataclasses import dataclass

from ..models import ENGLAND_CODE, InfantCareFigure, LiveBirths
from . import statistics
from .versioned import kept_per_data_version

BIRTHS_LAG = 1
PAIRING = (
    "Each reporting year (April to March) is paired with ONS live births in the calendar year it starts "
    "in: for example, the year ending 31 March 2023 with births in 2022."
)
DERIVED_BIRTHS = {"E10000021": ("E06000061", "E06000062")}  # Northamptonshire = North + West Northamptonshire


def births_year_for(year: int) -> int:
    """The calendar year of live births paired with a reporting year ending 31 March `year`."""
    return year - BIRTHS_LAG


@dataclass(frozen=True, slots=True)  # shared by every request until the content version moves (figures() below)
class UnderOneFigure:
    """One area's published under-1 figure for one reporting year, with its paired births."""

    area_code: str
    area_name: str
    year: int
    measure: str
    count: int | None  # None = suppressed (see flag), never 0
    flag: str
    births: int | None
    all_ages_count: int | None
    country: str = "England"
    geographic_level: str = "Local authority"
    region_code: str = ""
    rounding: str = ""
    area_code_as_published: str = ""
    own_data: bool = False
    all_ages_flag: str = ""

    @property
    def suppressed(self) -> bool:
        return self.count is None

    @property
    def births_year(self) -> int:
        return births_year_for(self.year)

    @property
    def rate(self) -> float | None:
        """Per 10,000 live births; None when suppressed or when there are no births for the paired year."""
        return None if self.suppressed else statistics.rate_per_10000(self.count, self.births)

    @property
    def share_of_all_ages(self) -> float | None:
        """Under-1 count as a percentage of all ages in the same publication."""
        if self.suppressed or not self.all_ages_count:
            return None
        return self.count / self.all_ages_count * 100


def births_by_code_year() -> dict[tuple[str, int], int]:
    """{(ONS code, calendar year): live births}, with the births of authorities ONS publishes only in parts."""
    return dict(_births())


@kept_per_data_version
def _births() -> dict[tuple[str, int], int]:
    births = {
        (code, year): value for code, year, value in LiveBirths.objects.values_list("area_code", "year", "live_births")
    }
    for whole, parts in DERIVED_BIRTHS.items():
        for year in {year for code, year in births if code == parts[0]}:
            if all((part, year) in births for part in parts):
                births[(whole, year)] = sum(births[(part, year)] for part in parts)
    return births


# What an UnderOneFigure is made of, read as plain rows rather than model instances (a few thousand a measure).
_FIGURE_FIELDS = (
    "area_code",
    "area_name",
    "year",
    "measure",
    "count",
    "flag",
    "all_ages_count",
    "country",
    "geographic_level",
    "region_code",
    "rounding",
    "area_code_as_published",
    "all_ages_flag",
)


def _figure(row, births) -> UnderOneFigure:
    return UnderOneFigure(
        sys.intern(row.area_code),  # one string per area, not per row, in the figures kept per version
        sys.intern(row.area_name),
        row.year,
        sys.intern(row.measure),
        row.count,
        sys.intern(row.flag),
        births.get((row.area_code, births_year_for(row.year))),
        row.all_ages_count,
        sys.intern(row.country),
        sys.intern(row.geographic_level),
        sys.intern(row.region_code),
        sys.intern(row.rounding),
        sys.intern(row.area_code_as_published),
        all_ages_flag=sys.intern(row.all_ages_flag),
    )


def figures(
    measure=InfantCareFigure.Measure.STARTS,
    *,
    codes: Iterable[str] | None = None,
    year: int | None = None,
    level: str | None = None,
) -> list[UnderOneFigure]:
    """Every published figure for the measure, optionally for some areas, one year or one level, in code and year
    order, each with its paired births."""
    if codes is None:
        rows = _published(measure)
    else:  # a profile asks for a dozen areas several times a request: only their rows are read
        by_area = _published_by_area(measure)
        rows = [figure for code in sorted(set(codes)) for figure in by_area.get(code, ())]
    return [
        figure
        for figure in rows
        if (year is None or figure.year == year) and (level is None or figure.geographic_level == level)
    ]


@kept_per_data_version
def _published(measure: str) -> tuple[UnderOneFigure, ...]:
    """Every figure of one measure with its births, once per content version: every page of /data/ reads them,
    several times a request (a few thousand rows a measure)."""
    births = _births()
    rows = InfantCareFigure.objects.filter(measure=measure).order_by("area_code", "year")
    return tuple(_figure(row, births) for row in rows.values_list(*_FIGURE_FIELDS, named=True))


@kept_per_data_version
def _published_by_area(measure: str) -> dict[str, tuple[UnderOneFigure, ...]]:
    """`_published` by area code, each area's figures in year order."""
    by_area = {}
    for figure in _published(measure):
        by_area.setdefault(figure.area_code, []).append(figure)
    return {code: tuple(area_figures) for code, area_figures in by_area.items()}


def under_one_figures(
    la_codes: Iterable[str], year: int, measure: str = InfantCareFigure.Measure.STARTS
) -> dict[str, UnderOneFigure]:
    """
    For the given area codes (today's GSS codes; regions and E92000001 work too) and reporting year
    (ending 31 March), the published under-1 figure of each area that has one: `count` (None if
    suppressed, with `flag`), `births` (paired calendar year, or None), `rate` per 10,000 live births
    and `share_of_all_ages`. Areas without a row that year are absent from the result.
    """
    return {figure.area_code: figure for figure in figures(measure, codes=la_codes, year=year)}


@kept_per_data_version
def years(measure=InfantCareFigure.Measure.STARTS, level="Local authority") -> list[int]:
    return sorted({figure.year for figure in _published(measure) if figure.geographic_level == level})


def years_with_births(measure=InfantCareFigure.Measure.STARTS) -> list[int]:
    birth_years = {year for _, year in _births()}
    return [year for year in years(measure) if births_year_for(year) in birth_years]


def latest_year_with_births(measure=InfantCareFigure.Measure.STARTS) -> int | None:
    candidates = years_with_births(measure)
    return candidates[-1] if candidates else None


def under1_figures(year: int) -> dict[str, UnderOneFigure]:
    """{area code: figure} for every English LA and England in one reporting year (family justice areas)."""
    result = {figure.area_code: figure for figure in figures(year=year, level="Local authority")}
    result.update(under_one_figures([ENGLAND_CODE], year))
    return result
