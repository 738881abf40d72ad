"""
Infants (under 1) starting to be looked after, by English LA, and their rate per 10,000 live births:
the one measure the family-justice pages borrow from the explorer's subject.

Read from fixtures/seed-questions/england_cla_starts_under1.csv (a copy of the infant-care package's
file; DfE, OGL v3.0) and joined to ONS live births loaded by the explorer (`LiveBirths`).

Year pairing, stated on every page that shows a rate: the reporting year ending 31 March Y (April Y-1
to March Y) is paired with live births in calendar year Y-1, the calendar year holding nine of its
twelve months. No denominator is extrapolated: years without births for Y-1 have no rate.
"""

import csv
import functools
from dataclasses import dataclass

from explorer import statistics
from explorer.models import LiveBirths

from .loading import SEED_QUESTIONS, FixtureError, Row

UNDER1_FILE = "england_cla_starts_under1.csv"
ENGLAND_CODE = "E92000001"


@dataclass(frozen=True)
class Under1Figure:
    """One area's infants starting to be looked after in a reporting year, with paired births."""

    la_code: str
    la_name: str
    year: int
    count: int | None  # None where DfE suppressed (c) or did not publish (x) the count
    flag: str
    births: int | None

    @property
    def births_year(self) -> int:
        return self.year - 1

    @property
    def rate(self) -> float | None:
        return statistics.rate_per_10000(self.count, self.births)


@functools.lru_cache(maxsize=1)
def _counts() -> dict[tuple[str, int], tuple[str, int | None, str]]:
    """{(current LA code, year): (name, count, flag)} for LAs and England, read once per process."""
    path = SEED_QUESTIONS / UNDER1_FILE
    try:
        handle = open(path, encoding="utf-8", newline="")
    except FileNotFoundError:
        raise FixtureError(f"{UNDER1_FILE}: file not found in {SEED_QUESTIONS}") from None
    result = {}
    with handle:
        for line, values in enumerate(csv.DictReader(handle), start=2):
            row = Row(UNDER1_FILE, line, values)
            if row.text("geographic_level") not in ("Local authority", "National"):
                continue
            result[(row.text("la_code_current"), row.year())] = (
                row.text("la_name"), row.integer("starts_under1"), row.flag("starts_under1_flag"))
    return result


def births_by_code_year() -> dict[tuple[str, int], int]:
    return {(code, year): births for code, year, births in
            LiveBirths.objects.values_list("area_code", "year", "live_births")}


def under1_figures(year: int, births=None) -> dict[str, Under1Figure]:
    """{LA code: figure} for one reporting year, England included under its own code."""
    births = births_by_code_year() if births is None else births
    return {code: Under1Figure(code, name, year, count, flag, births.get((code, year - 1)))
            for (code, figure_year), (name, count, flag) in _counts().items() if figure_year == year}


def years_with_rates(births=None) -> list[int]:
    """Reporting years whose paired births year has figures (for England)."""
    births = births_by_code_year() if births is None else births
    return sorted({year for (code, year) in _counts() if code == ENGLAND_CODE and (code, year - 1) in births})


def latest_year_with_rates(births=None) -> int | None:
    years = years_with_rates(births)
    return years[-1] if years else None


def series(code: str, births=None) -> list[Under1Figure]:
    births = births_by_code_year() if births is None else births
    return [Under1Figure(code, name, year, count, flag, births.get((code, year - 1)))
            for (figure_code, year), (name, count, flag) in sorted(_counts().items(), key=lambda kv: kv[0][1])
            if figure_code == code]
