"""
The explorer's national, regional and funnel charts of the real under-1 figures, each with its
summary written from the numbers it plots. (LA profiles: profile.py; relationships: relationships.py.)
"""

import math

from . import statistics
from .chart import (
    BIRTHS,
    DFE_AT_31_MARCH,
    DFE_STARTS,
    STATSWALES,
    Chart,
    Source,
    fmt_count,
    fmt_rate,
    fmt_share,
)
from .models import ENGLAND_CODE, WALES_CODE, InfantCareFigure
from .plots import FunnelPoint, Series, bar_svg, funnel_svg, line_svg
from .under_one import PAIRING, UnderOneFigure, year_label

RATE_LABEL = "Rate per 10,000 live births"
STARTS = InfantCareFigure.Measure.STARTS
AT_31_MARCH = InfantCareFigure.Measure.AT_31_MARCH
ROUNDED_NOTE = (
    "England and regional counts are rounded to the nearest 10 by DfE, so they need not equal the sum "
    "of local authorities."
)


def labels(years) -> dict[int, str]:
    return {year: year_label(year) for year in years}


def national_starts(figures: list[UnderOneFigure]) -> Chart:
    """England, every year: under-1 starts, all starts, the under-1 share, and the rate where births exist."""
    england = sorted((f for f in figures if f.area_code == ENGLAND_CODE), key=lambda f: f.year)
    title = "Infants (under 1) starting to be looked after in England, by year"
    rows = [
        [
            year_label(f.year),
            fmt_count(f.count, f.flag),
            fmt_count(f.all_ages_count, f.all_ages_flag),
            fmt_share(f.share_of_all_ages),
            fmt_count(f.births),
            str(f.births_year) if f.births else "",
            fmt_rate(f.rate),
        ]
        for f in england
    ]
    columns = [
        "Year (April to March)",
        "Under 1 starting to be looked after",
        "All ages starting to be looked after",
        "Under-1 share of all starts",
        "Live births (paired year)",
        "Births year",
        RATE_LABEL,
    ]
    if len(england) < 2:
        return Chart("england-starts", title, "The figures have not been loaded.", "", columns, rows, [DFE_STARTS])
    first, last = england[0], england[-1]
    peak = max(england, key=lambda f: f.count or 0)
    summary = (
        f"{first.count:,} infants under 1 started to be looked after in England in {year_label(first.year)} "
        f"and {last.count:,} in {year_label(last.year)}; the most was {peak.count:,} in "
        f"{year_label(peak.year)}. Under-1s were {last.share_of_all_ages:.1f}% of all children starting to "
        f"be looked after in {year_label(last.year)} ({first.share_of_all_ages:.1f}% in "
        f"{year_label(first.year)}). {ROUNDED_NOTE}"
    )
    svg = line_svg(
        title,
        summary,
        [Series("England: infants under 1 starting to be looked after", [(f.year, f.count) for f in england])],
        x_labels=labels(f.year for f in england),
        y_label="Infants under 1",
        y_format="{:,.0f}",
    )
    return Chart("england-starts", title, summary, svg, columns, rows, [DFE_STARTS, BIRTHS])


def national_rate(figures: list[UnderOneFigure]) -> Chart:
    """England's rate per 10,000 live births, only for the years whose paired births are published."""
    england = sorted((f for f in figures if f.area_code == ENGLAND_CODE and f.rate is not None), key=lambda f: f.year)
    title = "Infants (under 1) starting to be looked after per 10,000 live births, England"
    columns = ["Year (April to March)", "Under 1 starting to be looked after", "Live births", "Births year", RATE_LABEL]
    rows = [
        [year_label(f.year), fmt_count(f.count), fmt_count(f.births), str(f.births_year), fmt_rate(f.rate)]
        for f in england
    ]
    if not england:
        return Chart("england-rate", title, "There are no years with both figures.", "", columns, rows, [DFE_STARTS])
    first, last = england[0], england[-1]
    summary = (
        f"The rate was {first.rate:.1f} per 10,000 live births in {year_label(first.year)} and "
        f"{last.rate:.1f} in {year_label(last.year)}. Rates are shown only for the years whose paired live "
        f"births are published (births {england[0].births_year} to {england[-1].births_year}). {PAIRING}"
    )
    svg = line_svg(
        title,
        summary,
        [Series("England", [(f.year, f.rate) for f in england])],
        x_labels=labels(f.year for f in england),
        y_label=RATE_LABEL,
    )
    return Chart("england-rate", title, summary, svg, columns, rows, [DFE_STARTS, BIRTHS])


def in_care_on_31_march(figures: list[UnderOneFigure]) -> Chart:
    """England 2011-2025 and Wales 2003-2018: infants looked after on 31 March (the measure both countries share)."""
    countries = {ENGLAND_CODE: "England", WALES_CODE: "Wales"}
    by_key = {(f.area_code, f.year): f for f in figures if f.area_code in countries}
    years = sorted({year for _, year in by_key})
    title = "Infants (under 1) looked after on 31 March, England and Wales"
    columns = ["Year ending 31 March"] + [
        f"{name}: {part}" for name in countries.values() for part in ("under 1", "all ages", "under-1 share")
    ]
    rows = []
    for year in years:
        row = [str(year)]
        for code in countries:
            f = by_key.get((code, year))
            row += (
                [
                    fmt_count(f.count, f.flag),
                    fmt_count(f.all_ages_count, f.all_ages_flag),
                    fmt_share(f.share_of_all_ages),
                ]
                if f
                else ["", "", ""]
            )
        rows.append(row)
    series = [
        Series(name, [(year, by_key[(code, year)].count) for year in years if (code, year) in by_key])
        for code, name in countries.items()
    ]
    parts = []
    for code, name in countries.items():
        own = sorted((f for (c, _), f in by_key.items() if c == code and f.count is not None), key=lambda f: f.year)
        if own:
            parts.append(
                f"{name}: {own[0].count:,} on 31 March {own[0].year} and {own[-1].count:,} on 31 March {own[-1].year}"
            )
    summary = ("; ".join(parts) + ". " if parts else "") + (
        "England's figures are rounded to the nearest 10 by DfE; Wales's are boys plus girls, each rounded to the "
        "nearest 5 by StatsWales, so may be up to 4 out. Welsh figures by age after 2018 were not found."
    )
    svg = line_svg(
        title,
        summary,
        series,
        x_labels={year: str(year) for year in years},
        y_label="Infants under 1 on 31 March",
        x_label="31 March of year",
        y_format="{:,.0f}",
    )
    return Chart("in-care-31-march", title, summary, svg, columns, rows, [DFE_AT_31_MARCH, STATSWALES])


def regions_compared(figures: list[UnderOneFigure], year: int, region_names: dict[str, str]) -> Chart:
    """Regional rates from DfE's published regional counts (rounded to 10) and regional births."""
    regional = sorted(
        (f for f in figures if f.year == year and f.area_code in region_names), key=lambda f: -(f.rate or 0)
    )
    england = next((f for f in figures if f.year == year and f.area_code == ENGLAND_CODE), None)
    label = year_label(year)
    bars = [(region_names[f.area_code], f.rate, False) for f in regional]
    rows = [
        [
            region_names[f.area_code],
            fmt_count(f.count, f.flag),
            fmt_count(f.births),
            fmt_rate(f.rate),
            fmt_share(f.share_of_all_ages),
        ]
        for f in regional
    ]
    shown = [f for f in regional if f.rate is not None]
    title = f"Infants (under 1) starting to be looked after per 10,000 live births, by region, {label}"
    if shown:
        high, low = shown[0], shown[-1]
        summary = (
            f"In {label} the rate ranged from {high.rate:.1f} per 10,000 live births in "
            f"{region_names[high.area_code]} to {low.rate:.1f} in {region_names[low.area_code]}"
            + (f"; the England rate was {england.rate:.1f}. " if england and england.rate else ". ")
            + ROUNDED_NOTE
            + " "
            + PAIRING
        )
    else:
        summary = f"There are no regional rates for {label}: live births are published for 2013 to 2022 only."
    svg = bar_svg(
        title,
        summary,
        bars,
        x_label=RATE_LABEL,
        reference=("England", england.rate) if england and england.rate else None,
    )
    return Chart(
        "regions",
        title,
        summary,
        svg,
        [
            "Region",
            "Under 1 starting to be looked after (rounded to 10)",
            "Live births",
            RATE_LABEL,
            "Under-1 share of all starts",
        ],
        rows,
        [DFE_STARTS, BIRTHS],
    )


def regions_trend(figures: list[UnderOneFigure], region_names: dict[str, str]) -> Chart:
    """Every region's rate over the years with births: one line each."""
    rated = [f for f in figures if f.area_code in region_names and f.rate is not None]
    years = sorted({f.year for f in rated})
    by_key = {(f.area_code, f.year): f for f in rated}
    codes = sorted(region_names, key=lambda code: region_names[code])
    title = "Infants (under 1) starting to be looked after per 10,000 live births, regions over time"
    rows = [
        [year_label(year), *[fmt_rate(by_key[(code, year)].rate) if (code, year) in by_key else "" for code in codes]]
        for year in years
    ]
    summary = (
        (f"Regional rates for {len(years)} years. " + ROUNDED_NOTE + " " + PAIRING)
        if years
        else "There are no regional rates to show."
    )
    series = [
        Series(region_names[code], [(y, by_key[(code, y)].rate) for y in years if (code, y) in by_key])
        for code in codes
    ]
    svg = line_svg(title, summary, series, x_labels=labels(years), y_label=RATE_LABEL) if years else ""
    return Chart(
        "regions-trend", title, summary, svg, ["Year", *[region_names[c] for c in codes]], rows, [DFE_STARTS, BIRTHS]
    )


def limit_curve(target: float, births: list[int], points=60):
    """Limits at evenly spaced births on a log scale, from the smallest to the largest area."""
    low, high = max(1, min(births) * 0.9), max(births) * 1.1
    return [
        statistics.funnel_limits(
            target, int(round(math.exp(math.log(low) + (math.log(high) - math.log(low)) * i / (points - 1))))
        )
        for i in range(points)
    ]


def funnel_target(figures: list[UnderOneFigure], year: int) -> float | None:
    """England's published count (rounded to 10) over England's births for the paired year."""
    england = next((f for f in figures if f.year == year and f.area_code == ENGLAND_CODE), None)
    return england.rate if england else None


def funnel(
    figures: list[UnderOneFigure], year: int, *, names=None, sources=None, own_label="", expected_codes=()
) -> Chart:
    """LA rates against live births with exact Poisson 95% and 99.8% limits around England's rate."""
    label = year_label(year)
    names = names or {}
    in_year = [
        f for f in figures if f.year == year and f.geographic_level == "Local authority" and f.country == "England"
    ]
    target = funnel_target(figures, year)
    plotted = [f for f in in_year if f.rate is not None]
    title = f"Funnel plot: local authority rates against live births, {label}"
    sources = sources or [DFE_STARTS, BIRTHS]
    if target is None or not plotted:
        summary = f"There are not enough figures for England in {label} to draw a funnel plot."
        return Chart("funnel", title, summary, "", [], [], sources)
    rows, points, outside = [], [], []
    for f in sorted(plotted, key=lambda f: names.get(f.area_code, f.area_name)):
        limits = statistics.funnel_limits(target, f.births)
        position = statistics.funnel_position(f.rate, limits)
        name = names.get(f.area_code, f.area_name) + (f" ({own_label})" if f.own_data and own_label else "")
        points.append(FunnelPoint(name, f.births, f.rate, position, highlighted=f.own_data))
        if position in statistics.FunnelPosition.OUTSIDE:
            outside.append((name, position))
        rows.append(
            [
                name,
                f.area_code,
                fmt_count(f.count),
                fmt_count(f.births),
                fmt_rate(f.rate),
                fmt_rate(limits.lower_998),
                fmt_rate(limits.lower_95),
                fmt_rate(limits.upper_95),
                fmt_rate(limits.upper_998),
                position,
            ]
        )
    summary = _funnel_summary(label, target, len(points), outside)
    svg = funnel_svg(title, summary, points, target=target, curve=limit_curve(target, [p.births for p in points]))
    return Chart(
        "funnel",
        title,
        summary,
        svg,
        [
            "Local authority",
            "ONS code",
            "Under 1 starting to be looked after",
            "Live births (paired year)",
            RATE_LABEL,
            "Lower 99.8% limit",
            "Lower 95% limit",
            "Upper 95% limit",
            "Upper 99.8% limit",
            "Position",
        ],
        rows,
        sources,
        _funnel_notes(in_year, names, expected_codes),
    )


def _funnel_notes(in_year: list[UnderOneFigure], names, expected_codes=()) -> list[str]:
    notes = [PAIRING]
    published = {f.area_code for f in in_year}
    absent = sorted(names.get(code, code) for code in expected_codes if code not in published)
    if absent:
        notes.append(
            "No figure published for this year (so not plotted): " + ", ".join(absent) + ". See the "
            "sources page for why (e.g. Cumbria 2022 to 2023 was not found; new authorities start later)."
        )
    suppressed = sorted(f"{names.get(f.area_code, f.area_name)} [{f.flag}]" for f in in_year if f.suppressed)
    if suppressed:
        notes.append("Not plotted because the figure is suppressed (not 0): " + ", ".join(suppressed) + ".")
    no_births = sorted(names.get(f.area_code, f.area_name) for f in in_year if not f.suppressed and not f.births)
    if no_births:
        notes.append(
            "Not plotted because there is no live-births figure for that area and year (births are "
            "published on today's boundaries for 2013 to 2022): " + ", ".join(no_births) + "."
        )
    return notes


def _funnel_summary(label, target, count, outside) -> str:
    text = (
        f"Each mark is one of {count} English local authorities in {label}: its rate against its number of live "
        f"births. The lines show where 95% and 99.8% of areas would fall if every area had England's rate "
        f"of {target:.1f} per 10,000 and differed only by chance (exact Poisson limits). "
    )
    if not outside:
        return text + "No local authority lies outside the 95% limits."
    groups = {position: [] for position in statistics.FunnelPosition.OUTSIDE}  # highest first
    for name, position in outside:
        groups[position].append(name)
    parts = [f"{position}: {', '.join(names)}" for position, names in groups.items() if names]
    return (
        text + f"{len(outside)} lie outside the limits ({'; '.join(parts)}). An area outside the 99.8% limits "
        "is unlikely to differ by chance alone, but may differ in how figures are counted or in its population."
    )


PUBLISHED_LICENCE = "Not Crown copyright, not OGL: quoted with attribution; see the publisher's terms"


def published_rates(figures) -> Chart | None:
    """The published rates per 10,000 live births by calendar year, values exactly as published."""
    rows = [
        figure
        for figure in figures
        if figure.unit == "per 10,000 live births" and figure.value and figure.period.isdigit()
    ]
    if not rows:
        return None
    lines = {}
    for figure in rows:
        age = "under 7 days" if "7_days" in figure.figure else "under 2 weeks"
        lines.setdefault(f"{figure.geography} (babies {age})", []).append((int(figure.period), float(figure.value)))
    years = sorted({int(figure.period) for figure in rows})
    parts = [
        f"{name}: {' then '.join(f'{value:g} in {year}' for year, value in points)}" for name, points in lines.items()
    ]
    summary = (
        "As published, newborns in care proceedings per 10,000 live births rose in both countries ("
        + "; ".join(parts)
        + "). England's figures count babies under 7 days old and Wales's babies "
        "under 2 weeks old, so the two countries cannot be compared directly. These count babies in care "
        "proceedings, a different measure from the infants entering care charted below."
    )
    title = "Published rates of newborns in care proceedings per 10,000 live births"
    svg = line_svg(
        title,
        summary,
        [Series(name, points) for name, points in lines.items()],
        x_labels={year: str(year) for year in range(years[0], years[-1] + 1)},
        y_label=RATE_LABEL,
        x_label="Calendar year",
    )
    sources = list(
        {
            figure.source_title: Source(figure.source_title, PUBLISHED_LICENCE, figure.definition, figure.source_url)
            for figure in rows
        }.values()
    )
    return Chart(
        "published-rates",
        title,
        summary,
        svg,
        ["Geography", "Year", "Value as published", "Unit", "Definition"],
        [[f.geography, f.period, f.value, f.unit, f.definition] for f in rows],
        sources,
    )
