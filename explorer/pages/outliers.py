"""
/data/outliers/: a funnel plot of English local authorities' rates of infants entering care against their
live births, with exact Poisson limits around England's rate, both for chance alone and widened for the
over-dispersion estimated from the data (figures/overdispersion.py). Outliers are named only against the
widened limits: authorities differ far more than chance alone would make them.
"""

import math

from catalogue.models import LocalAuthority

from ..charts.chart import Chart
from ..charts.plots import FunnelPoint, funnel_svg
from ..figures import overdispersion, statistics, under_one
from ..figures.boundaries import former_authority_names
from ..figures.under_one import PAIRING, UnderOneFigure
from ..figures.versioned import kept_per_data_version
from ..formatting import fmt_count, fmt_rate, year_label
from ..models import ENGLAND_CODE
from ..sources import BIRTHS, DFE_STARTS
from .overview import RATE_LABEL, STARTS
from .state import PageState, chart_page


def outliers(request):
    state = PageState(request, under_one.years_with_births())
    charts = outlier_charts(state.year) if state.year else []
    return chart_page(request, state, charts, "Outlier local authorities")


@kept_per_data_version  # `year` is one the data hold (PageState)
def outlier_charts(year: int) -> list[Chart]:
    figures = under_one.figures(STARTS, year=year)
    names = {**former_authority_names(), **dict(LocalAuthority.objects.values_list("ons_code", "name"))}
    english = LocalAuthority.objects.filter(country="England").values_list("ons_code", flat=True)
    return [funnel(figures, year, names=names, expected_codes=list(english))]


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
    """LA rates against live births with 95% and 99.8% limits around England's rate, chance-only and adjusted."""
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
    dispersion = overdispersion.estimate([(f.rate * f.births / PER, target * f.births / PER) for f in plotted])
    inflation = dispersion.inflation if dispersion else 1.0
    rows, points, outside, outside_by_chance = [], [], [], []
    for f in sorted(plotted, key=lambda f: names.get(f.area_code, f.area_name)):
        chance = statistics.funnel_limits(target, f.births)
        widened = overdispersion.adjusted(chance, target, inflation)
        by_chance, position = statistics.funnel_position(f.rate, chance), statistics.funnel_position(f.rate, widened)
        name = names.get(f.area_code, f.area_name) + (f" ({own_label})" if f.own_data and own_label else "")
        points.append(FunnelPoint(name, f.births, f.rate, position, highlighted=f.own_data))
        if position in statistics.FunnelPosition.OUTSIDE:
            outside.append((name, position))
        if by_chance in statistics.FunnelPosition.OUTSIDE:
            outside_by_chance.append(name)
        rows.append(
            [name, f.area_code, fmt_count(f.count), fmt_count(f.births), fmt_rate(f.rate)]
            + [fmt_rate(getattr(limits, attr)) for limits in (chance, widened) for attr in LIMIT_ORDER]
            + [by_chance, position]
        )
    summary = _funnel_summary(label, target, len(points), outside, len(outside_by_chance), dispersion)
    svg = adjusted_funnel_svg(title, summary, points, target, inflation)
    notes = [overdispersion_note(dispersion), meaning(len(points))] + _funnel_notes(in_year, names, expected_codes)
    return Chart("funnel", title, summary, svg, COLUMNS, rows, sources, notes)


PER = statistics.PER
LIMIT_ORDER = ("lower_998", "lower_95", "upper_95", "upper_998")
# Both funnels' tables (authorities here, family justice areas) end with the same limit and position columns.
LIMIT_COLUMNS = [
    "Lower 99.8% limit (chance only)",
    "Lower 95% limit (chance only)",
    "Upper 95% limit (chance only)",
    "Upper 99.8% limit (chance only)",
    "Lower 99.8% limit (allowing for over-dispersion)",
    "Lower 95% limit (allowing for over-dispersion)",
    "Upper 95% limit (allowing for over-dispersion)",
    "Upper 99.8% limit (allowing for over-dispersion)",
    "Position (chance-only limits)",
    "Position (allowing for over-dispersion)",
]
COLUMNS = [
    "Local authority",
    "ONS code",
    "Under 1 starting to be looked after",
    "Live births (paired year)",
    RATE_LABEL,
    *LIMIT_COLUMNS,
]


def adjusted_funnel_svg(title: str, summary: str, points: list[FunnelPoint], target, inflation: float, **options):
    """Both funnels' drawing: the limits allowing for over-dispersion, and the chance-only ones where they differ."""
    chance_curve = limit_curve(target, [point.births for point in points])
    return funnel_svg(
        title,
        summary,
        points,
        target=target,
        curve=[overdispersion.adjusted(limits, target, inflation) for limits in chance_curve],
        chance_curve=chance_curve if inflation != 1.0 else None,
        **options,
    )


def meaning(count: int, between: str = "authorities") -> str:
    return (
        "What a limit means: an area outside the limits allowing for over-dispersion has a rate further from "
        f"England's than the usual spread between {between} would give, so it is worth asking why. It does not "
        "mean the area is doing well or badly, or that its practice is the cause: it may count differently, "
        "serve a different population or have had an unusual year. An area inside the limits is "
        "not shown to be the same as England, only not shown to differ. Even if every area differed only by "
        f"chance, about {count * 0.05:.0f} of these {count} would lie outside the 95% limits and "
        f"{count * 0.002:.1f} outside the 99.8% limits."
    )


def overdispersion_note(dispersion) -> str:
    """How the allowance was estimated and what it came to, in words."""
    method = (
        "How the limits allow for over-dispersion (Spiegelhalter 2005, multiplicative method): each area's "
        "z-score is (its count - the count expected at England's rate) / the square root of the expected "
        "count; the z-scores are Winsorised at the 10th and 90th percentiles; the factor phi is the mean "
        "of their squares. If the number of areas times phi exceeds the number of areas minus 1, every "
        "limit lies the square root of phi times further from England's rate than the chance-only limit. "
    )
    if dispersion is None:
        return method + "There are too few areas to estimate it this year."
    found = f"This year phi = {dispersion.phi:.2f} from {dispersion.areas} areas, "
    if dispersion.applies:
        return method + found + f"so the limits are {dispersion.inflation:.2f} times as far from the rate."
    return method + found + "which is no more spread than chance, so the limits are not widened."


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


def _funnel_summary(label, target, count, outside, by_chance_count, dispersion) -> str:
    text = (
        f"Each mark is one of {count} English local authorities in {label}: its rate against its number of live "
        f"births, around England's rate of {target:.1f} per 10,000. {by_chance_count} lie outside the 95% "
        "limits that allow for chance alone (exact Poisson limits), "
    )
    if dispersion and dispersion.applies:
        text += (
            f"but authorities differ by more than chance: allowing for that over-dispersion (phi = "
            f"{dispersion.phi:.2f}, limits {dispersion.inflation:.2f} times as wide), "
        )
    else:
        text += "and the spread between authorities is no more than chance would give, so "
    if not outside:
        return text + "no local authority lies outside the 95% limits."
    groups = {position: [] for position in statistics.FunnelPosition.OUTSIDE}  # highest first
    for name, position in outside:
        groups[position].append(name)
    parts = [f"{position}: {', '.join(names)}" for position, names in groups.items() if names]
    return (
        text + f"{len(outside)} lie outside the limits ({'; '.join(parts)}). Being outside a limit is a reason to "
        "ask why, not a verdict: an area may differ in how figures are counted or in its population."
    )
