"""
The context measures (children in need and child protection rates, the social work workforce, children in
low-income families) as the rest of the site reads them. None is about infants alone.

Public entry points:

    context_series(ons_code, measure) -> {year: ContextValue}   one area's published values, by year
    context_values(measure, year) -> {ons_code: ContextValue}    every local authority's value in one year
    MEASURES[measure]                                           what it is, its unit, its source and its years

Every value is one DfE publishes; no rate is computed here. `under_one_year(measure, year)` gives the
reporting year (April to March) of the under-1 figures that a context year falls in, for pairing.
"""

import sys
from dataclasses import dataclass

from django.db.models import FloatField
from django.db.models.functions import Cast

from ..models import ENGLAND_CODE, ContextFigure
from ..sources import CIN_RATES, CLA_CHARACTERISTICS, LOW_INCOME, WORKFORCE, Source
from . import cla_characteristics as cla
from .versioned import kept_per_data_version


@dataclass(frozen=True)
class ContextMeasure:
    key: str
    name: str  # as a chart title says it
    short: str  # as a table column says it
    unit: str
    source: Source
    timing: str  # "at 31 March", "in the year", "workforce" or "financial year"

    def period(self, year: int) -> str:
        """The source's own period for one year, in plain words."""
        if self.timing == "at 31 March":
            return f"at 31 March {year}"
        if self.timing == "workforce":
            return f"at 30 September {year}"
        return f"{year - 1} to {year} (April to March)"

    def span(self, first: int, last: int) -> str:
        """The years a series covers, in plain words: 'at 31 March, 2016 to 2025'."""
        if self.timing == "at 31 March":
            return f"at 31 March, {first} to {last}"
        if self.timing == "workforce":
            return f"at 30 September, {first} to {last}"
        return f"years ending 31 March {first} to {last}"


def _measure(key, name, short, unit, source, timing):
    return key, ContextMeasure(key, name, short, unit, source, timing)


PER_CHILDREN = "per 10,000 children aged under 18"
MEASURES = dict(
    [
        _measure(
            "cpp_rate_per_10000_at_31_march",
            "Children on a child protection plan at 31 March",
            "Child protection plan rate",
            PER_CHILDREN,
            CIN_RATES,
            "at 31 March",
        ),
        _measure(
            "cpp_starts_rate_per_10000_in_year",
            "Child protection plans starting in the year",
            "Plans starting (rate)",
            PER_CHILDREN,
            CIN_RATES,
            "in the year",
        ),
        _measure(
            "cin_rate_per_10000_at_31_march",
            "Children in need at 31 March",
            "Children in need rate",
            PER_CHILDREN,
            CIN_RATES,
            "at 31 March",
        ),
        _measure(
            "s47_enquiries_rate_per_10000_in_year",
            "Section 47 enquiries in the year",
            "Section 47 enquiry rate",
            PER_CHILDREN,
            CIN_RATES,
            "in the year",
        ),
        _measure(
            "referrals_rate_per_10000_in_year",
            "Referrals to children's social care in the year",
            "Referral rate",
            PER_CHILDREN,
            CIN_RATES,
            "in the year",
        ),
        _measure(
            "turnover_rate_fte_pct",
            "Children and family social worker turnover",
            "Social worker turnover (%)",
            "% of FTE in post (leavers in the year to 30 September)",
            WORKFORCE,
            "workforce",
        ),
        _measure(
            "agency_worker_rate_fte_pct",
            "Agency children and family social workers",
            "Agency worker rate (%)",
            "% of FTE (agency over agency plus employed)",
            WORKFORCE,
            "workforce",
        ),
        _measure(
            "vacancy_rate_fte_pct",
            "Children and family social worker vacancies",
            "Vacancy rate (%)",
            "% of FTE posts (vacancies over vacancies plus in post)",
            WORKFORCE,
            "workforce",
        ),
        _measure(
            "average_caseload_fte",
            "Average caseload of children and family social workers",
            "Average caseload",
            "cases per case-holding FTE (agency included)",
            WORKFORCE,
            "workforce",
        ),
        _measure(
            "children_in_low_income_families_pct",
            "Children aged under 16 in low income families (before housing costs)",
            "Children in low income families (%)",
            "% of children aged under 16",
            LOW_INCOME,
            "financial year",
        ),
    ]
)

# Children looked after at 31 March by placement type and by ethnicity: DfE's own percentages, all ages.
CLA_SHARE = "% of the authority's children looked after at 31 March (all ages)"
MEASURES.update(
    _measure(item.key, f"Children looked after: {item.name}", item.name, CLA_SHARE, CLA_CHARACTERISTICS, "at 31 March")
    for item in (*cla.PLACEMENT_TYPES, *cla.ETHNIC_GROUPS)
)
MEASURES.update(
    [
        _measure(
            cla.ALL_CHILDREN_KEY,
            "Children looked after at 31 March (all ages)",
            "Children looked after",
            "children (count)",
            CLA_CHARACTERISTICS,
            "at 31 March",
        )
    ]
)


@dataclass(frozen=True, slots=True)  # slots: each process keeps every measure's values (about 30,000)
class ContextValue:
    """One published value (None where the source shows a flag instead) for one area and year."""

    area_code: str
    area_name: str
    year: int
    value: float | None
    flag: str
    joint_return: bool = False
    area_code_as_published: str = ""

    @property
    def shown(self) -> str:
        """The value to one decimal place, or the source's flag in brackets: never 0 for a missing figure."""
        if self.value is None:
            return f"[{self.flag}]" if self.flag else ""
        return f"{self.value:,.1f}"


# A ContextValue's columns, read as plain rows in its fields' order: a profile's measures are tens of thousands of
# rows, and a model instance each took most of the time of working them out. The value is read as the float it is
# shown as rather than made a Decimal first (at most 12 digits: the same float either way).
_VALUE_COLUMNS = (
    "area_code",
    "area_name",
    "year",
    Cast("value", FloatField()),
    "flag",
    "joint_return",
    "area_code_as_published",
)


def _value(row: tuple) -> ContextValue:
    area_code, area_name, year, value, flag, joint_return, area_code_as_published = row
    return ContextValue(
        sys.intern(area_code),  # one string per area, not per row, in the tables kept per version
        sys.intern(area_name),
        year,
        value,
        sys.intern(flag),
        joint_return,
        sys.intern(area_code_as_published),
    )


def context_series(ons_code: str, measure: str) -> dict[int, ContextValue]:
    """{year: value} of one area (an authority, a region E12..., or England E92000001) for one measure."""
    return dict(sorted(_measure_table(measure).get(ons_code, {}).items()))


def context_table(codes, measure: str) -> dict[str, dict[int, ContextValue]]:
    """{code: {year: value}} for several areas (a profile's authority, region, England, comparators)."""
    whole = _measure_table(measure)
    return {code: dict(whole[code]) for code in dict.fromkeys(codes) if code in whole}


def values_by_area(measure: str) -> dict[str, dict[int, ContextValue]]:
    """{code: {year: value}} of every area for one measure, as kept for the data version: read it, never change it."""
    return _measure_table(measure)


def context_values(measure: str, year: int) -> dict[str, ContextValue]:
    """{ONS code: value} of every local authority for one measure and year."""
    rows = ContextFigure.objects.filter(measure=measure, year=year, geographic_level="Local authority")
    return {value.area_code: value for value in map(_value, rows.values_list(*_VALUE_COLUMNS))}


@kept_per_data_version
def _measure_table(measure: str) -> dict[str, dict[int, ContextValue]]:
    """{code: {year: value}} of every area for one measure: a profile reads about 35 measures' worth of a few areas
    each, which were 35 queries a request; a measure is at most a few thousand rows."""
    table: dict[str, dict[int, ContextValue]] = {}
    rows = ContextFigure.objects.filter(measure=measure).order_by("area_code", "year")
    for value in map(_value, rows.values_list(*_VALUE_COLUMNS)):
        table.setdefault(value.area_code, {})[value.year] = value
    return table


def years(measure: str) -> list[int]:
    """The years the source covers for this measure (England's row)."""
    return sorted(_measure_table(measure).get(ENGLAND_CODE, {}))


def under_one_year(measure: str, year: int) -> int:
    """
    The reporting year (ending 31 March) of the under-1 figures that a context year is paired with. The children
    in need census and LAIT's low-income figure use the same April-to-March year. The workforce census is taken
    on 30 September, which falls in the reporting year ending the next 31 March (30 September 2022 is in April
    2022 to March 2023), so workforce year Y is paired with reporting year Y + 1.
    """
    return year + 1 if MEASURES[measure].timing == "workforce" else year


def context_year(measure: str, under_one: int) -> int:
    """The inverse of `under_one_year`: the context year paired with an under-1 reporting year."""
    return under_one - 1 if MEASURES[measure].timing == "workforce" else under_one
