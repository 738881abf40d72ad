"""
The explorer's charts of newborn care proceedings, each with its summary written from the
numbers it plots. (The open-data-only charts and the LA profile are in profile_charts.py.)
"""

import math

from . import statistics
from .chart import BIRTHS, Chart, Source, fmt_count, fmt_rate, newborn_source
from .measures import AreaRate, country_rates, national_target, region_rates, year_label
from .plots import FunnelPoint, Series, bar_svg, funnel_svg, line_svg

RATE_LABEL = "Rate per 10,000 live births"


def national_trend(dataset, rates: list[AreaRate]) -> Chart:
    groups = country_rates(rates)
    countries = sorted({country for country, _ in groups}, key=lambda c: (c != "England", c))
    years = sorted({year for _, year in groups})
    series = [Series(country, [(year, groups[(country, year)].rate) for year in years if (country, year) in groups])
              for country in countries]
    rows = [[year_label(dataset, year), country, fmt_count(groups[(country, year)].count,
                                                          groups[(country, year)].suppressed),
             f"{groups[(country, year)].births}", fmt_rate(groups[(country, year)].rate),
             f"{groups[(country, year)].areas}"]
            for year in years for country in countries if (country, year) in groups]
    england = [groups[("England", year)] for year in years
               if ("England", year) in groups and groups[("England", year)].rate is not None]
    if len(england) >= 2:
        first, last = england[0], england[-1]
        summary = (f"Across the local authorities in this dataset, the rate in England went from "
                   f"{first.rate:.1f} per 10,000 live births in {year_label(dataset, first.year)} to "
                   f"{last.rate:.1f} in {year_label(dataset, last.year)} "
                   f"({first.count:,} and {last.count:,} babies under one week old). ")
        peak = max(england, key=lambda group: group.rate)
        summary += f"The highest rate was {peak.rate:.1f}, in {year_label(dataset, peak.year)}."
    else:
        summary = "This dataset does not cover two or more years for England, so no trend can be shown."
    title = "Newborns in care proceedings per 10,000 live births, by year"
    svg = line_svg(title, summary, series, x_labels={y: year_label(dataset, y) for y in years}, y_label=RATE_LABEL)
    return Chart("national-trend", title, summary, svg,
                 ["Year", "Country", "Babies under one week in proceedings", "Live births", RATE_LABEL,
                  "Local authorities included"], rows, [newborn_source(dataset), BIRTHS])


def regions_compared(dataset, rates: list[AreaRate], year: int) -> Chart:
    groups = region_rates([item for item in rates if item.year == year])
    england = national_target(rates, year)
    ordered = sorted(groups.values(), key=lambda group: -(group.rate or 0))
    bars = [(group.label, group.rate, group.areas < 3) for group in ordered]
    rows = [[group.label, fmt_count(group.count, group.suppressed), f"{group.births}", fmt_rate(group.rate),
             f"{group.areas}"]
            for group in ordered]
    label = year_label(dataset, year)
    shown = [group for group in ordered if group.rate is not None]
    if shown:
        high, low = shown[0], shown[-1]
        summary = (f"In {label} the rate ranged from {high.rate:.1f} per 10,000 live births in {high.label} to "
                   f"{low.rate:.1f} in {low.label}"
                   + (f"; the England rate was {england:.1f}." if england is not None else "."))
        summary += (" Hatched bars are regions where fewer than three local authorities have figures."
                    if any(flag for _, _, flag in bars) else "")
    else:
        summary = f"There are no figures for {label}."
    title = f"Newborns in care proceedings per 10,000 live births, by region, {label}"
    svg = bar_svg(title, summary, bars, x_label=RATE_LABEL, reference=("England", england) if england else None)
    return Chart("regions", title, summary, svg,
                 ["Region", "Babies under one week in proceedings", "Live births", RATE_LABEL,
                  "Local authorities included"], rows, [newborn_source(dataset), BIRTHS])


def limit_curve(target: float, births: list[int], points=60):
    """Limits at evenly spaced births on a log scale, from the smallest to the largest area."""
    low, high = max(1, min(births) * 0.9), max(births) * 1.1
    return [statistics.funnel_limits(target, int(round(math.exp(math.log(low) + (math.log(high) - math.log(low))
                                                                   * i / (points - 1)))))
            for i in range(points)]


def funnel(dataset, rates: list[AreaRate], year: int, *, sources=None, own_label="") -> Chart:
    """LA rates against live births with exact Poisson 95% and 99.8% limits around England's rate."""
    label = year_label(dataset, year)
    in_year = [item for item in rates if item.year == year]
    target = national_target([item for item in rates if not item.own_data], year)
    plotted = [item for item in in_year if item.births and item.rate is not None and item.local_authority.country
               == "England"]
    title = f"Funnel plot: local authority rates against live births, {label}"
    if target is None or not plotted:
        summary = f"There are not enough figures for England in {label} to draw a funnel plot."
        return Chart("funnel", title, summary, "", [], [], sources or [newborn_source(dataset), BIRTHS])
    rows, points, outside = [], [], []
    for item in sorted(plotted, key=lambda i: i.local_authority.name):
        limits = statistics.funnel_limits(target, item.births)
        position = statistics.funnel_position(item.rate, limits)
        name = item.local_authority.name + (f" ({own_label})" if item.own_data and own_label else "")
        points.append(FunnelPoint(name, item.births, item.rate, position, highlighted=item.own_data))
        if position in statistics.FunnelPosition.OUTSIDE:
            outside.append((name, position))
        rows.append([name, item.local_authority.region.name, fmt_count(item.count), f"{item.births}",
                     fmt_rate(item.rate), fmt_rate(limits.lower_998), fmt_rate(limits.lower_95),
                     fmt_rate(limits.upper_95), fmt_rate(limits.upper_998), position])
    summary = _funnel_summary(label, target, len(points), outside)
    suppressed = sorted(item.local_authority.name for item in in_year if item.suppressed)
    notes = []
    if suppressed:
        notes.append("Not plotted because the count is fewer than 5 (suppressed): " + ", ".join(suppressed) + ".")
    no_births = sorted(item.local_authority.name for item in in_year if not item.births)
    if no_births:
        notes.append("Not plotted because there is no live-births figure for that year: " + ", ".join(no_births) + ".")
    svg = funnel_svg(title, summary, points, target=target, curve=limit_curve(target, [p.births for p in points]))
    return Chart("funnel", title, summary, svg,
                 ["Local authority", "Region", "Babies under one week in proceedings", "Live births", RATE_LABEL,
                  "Lower 99.8% limit", "Lower 95% limit", "Upper 95% limit", "Upper 99.8% limit", "Position"],
                 rows, sources or [newborn_source(dataset), BIRTHS], notes)


def _funnel_summary(label, target, count, outside) -> str:
    text = (f"Each mark is one of {count} English local authorities in {label}: its rate against its number of live "
            f"births. The lines show where 95% and 99.8% of areas would fall if every area had England's rate "
            f"of {target:.1f} per 10,000 and differed only by chance (exact Poisson limits). ")
    if not outside:
        return text + "No local authority lies outside the 95% limits."
    groups = {}
    for name, position in outside:
        groups.setdefault(position, []).append(name)
    parts = [f"{position}: {', '.join(names)}" for position, names in groups.items()]
    return (text + f"{len(outside)} lie outside the limits ({'; '.join(parts)}). An area outside the 99.8% limits "
            "is unlikely to differ by chance alone, but may differ in how figures are counted or in its population.")


PUBLISHED_LICENCE = "Not Crown copyright, not OGL: quoted with attribution; see the publisher's terms"


def published_rates(figures) -> Chart | None:
    """The published rates per 10,000 live births by calendar year, values exactly as published."""
    rows = [figure for figure in figures if figure.unit == "per 10,000 live births" and figure.value
            and figure.period.isdigit()]
    if not rows:
        return None
    lines = {}
    for figure in rows:
        age = "under 7 days" if "7_days" in figure.figure else "under 2 weeks"
        lines.setdefault(f"{figure.geography} (babies {age})", []).append((int(figure.period), float(figure.value)))
    years = sorted({int(figure.period) for figure in rows})
    parts = [f"{name}: {' then '.join(f'{value:g} in {year}' for year, value in points)}"
             for name, points in lines.items()]
    summary = ("As published, newborns in care proceedings per 10,000 live births rose in both countries ("
               + "; ".join(parts) + "). England's figures count babies under 7 days old and Wales's babies "
               "under 2 weeks old, so the two countries cannot be compared directly. Each line only joins the "
               "published years; the years in between are not shown here.")
    title = "Published rates of newborns in care proceedings per 10,000 live births"
    svg = line_svg(title, summary, [Series(name, points) for name, points in lines.items()],
                   x_labels={year: str(year) for year in range(years[0], years[-1] + 1)}, y_label=RATE_LABEL)
    sources = list({figure.source_title: Source(figure.source_title, PUBLISHED_LICENCE, figure.definition,
                                                figure.source_url) for figure in rows}.values())
    return Chart("published-rates", title, summary, svg,
                 ["Geography", "Year", "Value as published", "Unit", "Definition"],
                 [[f.geography, f.period, f.value, f.unit, f.definition] for f in rows], sources)
