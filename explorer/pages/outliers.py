"""
/data/outliers/: a funnel plot of English local authorities' rates of infants entering care against their
live births, with exact Poisson limits around England's rate.
"""

import math

from catalogue.models import LocalAuthority

from ..charts.chart import Chart
from ..charts.plots import FunnelPoint, funnel_svg
from ..figures import statistics, under_one
from ..figures.boundaries import former_authority_names
from ..figures.under_one import PAIRING, UnderOneFigure
from ..formatting import fmt_count, fmt_rate, year_label
from ..models import ENGLAND_CODE
from ..sources import BIRTHS, DFE_STARTS
from .overview import RATE_LABEL, STARTS
from .state import PageState, chart_page


def outliers(request):
    state = PageState(request, under_one.years_with_births())
    year = state.year
    charts = []
    if year:
        figures = under_one.figures(STARTS, year=year)
        names = {**former_authority_names(), **dict(LocalAuthority.objects.values_list("ons_code", "name"))}
        english = LocalAuthority.objects.filter(country="England").values_list("ons_code", flat=True)
        charts = [funnel(figures, year, names=names, expected_codes=list(english))]
    return chart_page(request, state, charts, "Outlier local authorities")


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
