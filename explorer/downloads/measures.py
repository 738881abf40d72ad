"""
The rows of each tidy download, read from the tables `load_open_data` fills. Each builder returns
`TidyRow`s: published figures as numbers, suppressed ones with their marker and no value, and nothing
for a figure that was never published (so an empty value always has a marker beside it).
"""

from ..figures import statistics
from ..figures.under_one import births_by_code_year, births_year_for
from ..models import (
    CafcassRate,
    ChildrenLookedAfter,
    InfantCareFigure,
    LegalStatusFigure,
    LiveBirths,
    Under18Conception,
)
from .tidy import Measure, TidyRow, figure_row, reporting_year

UNDER_1_STARTS = Measure(
    "started_under_1", "Children who started to be looked after during the year, aged under 1 on starting", "children"
)
ALL_AGES_STARTS = Measure(
    "started_all_ages", "Children of all ages who started to be looked after during the year", "children"
)
UNDER_1_BIRTHS = Measure(
    "live_births_paired",
    "ONS live births in the calendar year the reporting year starts in (the denominator of the rate)",
    "live births",
)
UNDER_1_RATE = Measure(
    "started_under_1_per_10000_live_births",
    "Under-1 starts per 10,000 live births of the paired calendar year (computed by this site, 1 decimal place)",
    "per 10,000 live births",
)
UNDER_1_AT_31_MARCH = Measure("looked_after_under_1", "Children looked after on 31 March aged under 1", "children")
ALL_AGES_AT_31_MARCH = Measure("looked_after_all_ages", "Children of all ages looked after on 31 March", "children")
CARE_APPLICATIONS = Measure(
    "care_applications_per_10000_children",
    "Cafcass care applications per 10,000 children aged 0-17 in the financial year",
    "per 10,000 children aged 0-17",
)
LIVE_BIRTHS = Measure(
    "live_births", "Live births in the calendar year, by mother's area of usual residence", "live births"
)
CONCEPTIONS = Measure(
    "under_18_conceptions_per_1000", "Under-18 conceptions per 1,000 girls aged 15 to 17", "per 1,000 girls aged 15-17"
)


def _base(code, name, level, year, period=None) -> dict:
    return {
        "area_code": code,
        "area_name": name,
        "geographic_level": level,
        "year": year,
        "period": reporting_year(year) if period is None else period,
    }


def _kept(rows):
    return [row for row in rows if row is not None]


def under_1_starts() -> list[TidyRow]:
    """Every area's under-1 starts, all-age starts, paired live births and the rate, for every year."""
    births = births_by_code_year()
    rows = []
    for figure in InfantCareFigure.objects.filter(measure=InfantCareFigure.Measure.STARTS).order_by(
        "area_code", "year"
    ):
        base = _base(figure.area_code, figure.area_name, figure.geographic_level, figure.year)
        paired = births.get((figure.area_code, births_year_for(figure.year)))
        rate = statistics.rate_per_10000(figure.count, paired)
        rows += [
            figure_row(base, UNDER_1_STARTS, figure.count, figure.flag),
            figure_row(base, ALL_AGES_STARTS, figure.all_ages_count, figure.all_ages_flag),
            figure_row(base, UNDER_1_BIRTHS, paired) if paired else None,
            figure_row(base, UNDER_1_RATE, None if rate is None else round(rate, 1), figure.flag) if paired else None,
        ]
    return _kept(rows)


def under_1_at_31_march(country: str):
    """Children looked after on 31 March aged under 1 (and all ages), in one country."""

    def rows() -> list[TidyRow]:
        found = []
        figures = InfantCareFigure.objects.filter(measure=InfantCareFigure.Measure.AT_31_MARCH, country=country)
        for figure in figures.order_by("area_code", "year"):
            base = _base(figure.area_code, figure.area_name, figure.geographic_level, figure.year)
            found += [
                figure_row(base, UNDER_1_AT_31_MARCH, figure.count, figure.flag),
                figure_row(base, ALL_AGES_AT_31_MARCH, figure.all_ages_count, figure.all_ages_flag),
            ]
        return _kept(found)

    return rows


def care_applications() -> list[TidyRow]:
    rows = CafcassRate.objects.order_by("area_code", "year")
    return [
        figure_row(
            _base(row.area_code, row.area_name, row.geographic_level, row.year, row.financial_year),
            CARE_APPLICATIONS,
            row.rate_per_10000_children,
        )
        for row in rows
    ]


def live_births() -> list[TidyRow]:
    rows = LiveBirths.objects.order_by("area_code", "year")
    return [
        figure_row(
            _base(row.area_code, row.area_name, _level(row.area_code), row.year, str(row.year)),
            LIVE_BIRTHS,
            row.live_births,
        )
        for row in rows
    ]


def _level(code: str) -> str:
    """The level of an ONS code: E92/W92 countries, E12 regions, anything else a local authority."""
    if code[:3] in ("E92", "W92", "K04"):
        return "National"
    return "Regional" if code.startswith("E12") else "Local authority"


CLA_MEASURES = {
    choice: (
        Measure(f"{choice}_all_ages", label, "children"),
        Measure(
            f"{choice}_per_10000_children", label + ", per 10,000 children aged 0-17", "per 10,000 children aged 0-17"
        ),
    )
    for choice, label in ChildrenLookedAfter.Measure.choices
}


def children_looked_after() -> list[TidyRow]:
    """DfE's published counts and rates per 10,000 children of all ages: starting, on 31 March, ceasing."""
    rows = []
    for row in ChildrenLookedAfter.objects.order_by("area_code", "year", "measure"):
        count, rate = CLA_MEASURES[row.measure]
        base = _base(row.area_code, row.area_name, row.geographic_level, row.year)
        rows += [
            figure_row(base, count, row.children_count, row.symbol),
            figure_row(base, rate, row.rate_per_10000, row.symbol),
        ]
    return _kept(rows)


LEGAL_STATUS_FIELDS = (
    "section_20",
    "interim_care_order",
    "full_care_order",
    "placement_order",
    "placed_with_parents",
    "total",
)
LEGAL_STATUS_MEASURES = {
    (measure, name): Measure(
        f"{measure}_{name}",
        f"{label}, all ages: {name.replace('_', ' ')}",
        "children",
    )
    for measure, label in LegalStatusFigure.Measure.choices
    for name in LEGAL_STATUS_FIELDS
}


def legal_status() -> list[TidyRow]:
    """Children of all ages by legal status on starting to be looked after, and at 31 March."""
    rows = []
    for figure in LegalStatusFigure.objects.order_by("la_code", "year", "measure"):
        base = _base(figure.la_code, figure.la_name, figure.geographic_level, figure.year)
        for name in LEGAL_STATUS_FIELDS:
            measure = LEGAL_STATUS_MEASURES[(figure.measure, name)]
            rows.append(figure_row(base, measure, getattr(figure, name), getattr(figure, f"{name}_flag")))
    return _kept(rows)


def conceptions() -> list[TidyRow]:
    rows = Under18Conception.objects.order_by("la_code", "year")
    return _kept(
        figure_row(
            _base(row.la_code, row.la_name, row.geographic_level, row.year, str(row.year)),
            CONCEPTIONS,
            row.rate_per_1000,
            row.flag,
        )
        for row in rows
    )
