"""
The family justice areas' funnel plot: every area's pooled rate against its live births, with England's exact
Poisson limits for chance alone and widened for the over-dispersion estimated from the areas themselves
(Spiegelhalter's method, figures/overdispersion.py, as on the local authority outliers page). Areas are named
as outside a limit only against the widened limits.
"""

from ..charts.chart import Chart, table
from ..charts.plots import FunnelPoint
from ..figures import statistics
from ..figures.areas import PooledArea
from ..figures.under_one import PAIRING
from ..formatting import fmt_count, fmt_rate, year_label
from ..sources import BIRTHS, DFE_STARTS, DFJ
from .outliers import LIMIT_COLUMNS, LIMIT_ORDER, adjusted_funnel_svg, meaning, overdispersion_note

COLUMNS = [
    "Family justice area",
    "Local authorities pooled",
    "Infants starting care aged under 1",
    "Live births, {births_year}",
    "Rate per 10,000 live births",
    *LIMIT_COLUMNS,
]


def funnel_chart(pooled: PooledArea | None, all_areas: list[PooledArea]) -> Chart | None:
    """Every area's pooled rate against its births, both kinds of limits; `pooled` (this page's area) marked."""
    shown = [item for item in all_areas if item.rate is not None and item.adjusted_limits is not None]
    if not shown:
        return None
    target, year, dispersion = shown[0].england_rate, shown[0].year, shown[0].dispersion
    inflation = dispersion.inflation if dispersion else 1.0
    highlight = pooled.area.pk if pooled else None
    points = [
        FunnelPoint(item.area.name, item.births, item.rate, item.adjusted_position, item.area.pk == highlight)
        for item in shown
    ]
    title = f"Family justice areas against England, {year_label(year)}"
    summary = _summary(pooled, shown, target, dispersion)
    svg = adjusted_funnel_svg(title, summary, points, target, inflation, x_label="Live births in the area")
    # The explorer's legend calls the highlighted point "Your figures"; here it is the area of this page.
    svg = svg.replace(">Your figures<", ">This area<")
    columns = [column.format(births_year=year - 1) for column in COLUMNS]
    rows = [_row(item) for item in sorted(shown, key=lambda item: item.area.name)]
    notes = [overdispersion_note(dispersion), meaning(len(shown), between="areas"), PAIRING]
    notes += _area_notes(pooled)
    slug = "area-funnel" if pooled else "areas-funnel"
    return table(slug, title, summary, columns, rows, [DFE_STARTS, BIRTHS, DFJ], notes, svg)


def _row(item: PooledArea) -> list[str]:
    limits = [fmt_rate(getattr(kind, attr)) for kind in (item.limits, item.adjusted_limits) for attr in LIMIT_ORDER]
    return [
        item.area.name,
        str(item.authorities),
        fmt_count(item.count),
        fmt_count(item.births),
        fmt_rate(item.rate),
        *limits,
        item.position,
        item.adjusted_position,
    ]


def outside_adjusted(shown: list[PooledArea]) -> dict[str, list[str]]:
    """Areas outside the widened limits, grouped by position, highest first (the only ones named)."""
    groups = {position: [] for position in statistics.FunnelPosition.OUTSIDE}
    for item in sorted(shown, key=lambda item: item.area.name):
        if item.adjusted_position in groups:
            groups[item.adjusted_position].append(item.area.name)
    return {position: names for position, names in groups.items() if names}


def _summary(pooled, shown, target, dispersion) -> str:
    by_chance = sum(item.position in statistics.FunnelPosition.OUTSIDE for item in shown)
    text = ""
    if pooled is not None and pooled.rate is not None and pooled.adjusted_limits is not None:
        text = (
            f"{pooled.area.name} (diamond) has a pooled rate of {fmt_rate(pooled.rate)} per 10,000 live births "
            f"from {pooled.births:,} births: {pooled.adjusted_position} allowing for over-dispersion "
            f"({pooled.position} on chance alone). "
        )
    text += (
        f"{by_chance} of {len(shown)} areas lie outside the 95% limits for chance alone around England's rate of "
        f"{target:.1f} per 10,000 live births. "
    )
    if dispersion and dispersion.applies:
        text += (
            f"Areas differ by more than chance: allowing for that over-dispersion (phi = {dispersion.phi:.2f}, "
            f"limits {dispersion.inflation:.2f} times as far from England's rate), "
        )
    else:
        text += "The spread between areas is no more than chance would give, so "
    outside = outside_adjusted(shown)
    if not outside:
        return text + "no area lies outside the 95% limits."
    count = sum(len(names) for names in outside.values())
    parts = "; ".join(f"{position}: {', '.join(names)}" for position, names in outside.items())
    return text + (
        f"{count} lie{'s' if count == 1 else ''} outside them ({parts}). Being outside a limit is a reason to ask "
        "why, not a verdict."
    )


def _area_notes(pooled: PooledArea | None) -> list[str]:
    notes = []
    if pooled is not None and pooled.limits and pooled.adjusted_limits:
        chance, wide = pooled.limits, pooled.adjusted_limits
        notes.append(
            f"For {pooled.area.name}'s {pooled.births:,} births: 95% limits {chance.lower_95:.1f} to "
            f"{chance.upper_95:.1f} on chance alone, {wide.lower_95:.1f} to {wide.upper_95:.1f} allowing for "
            f"over-dispersion; 99.8% limits {chance.lower_998:.1f} to {chance.upper_998:.1f}, and "
            f"{wide.lower_998:.1f} to {wide.upper_998:.1f}."
        )
    if pooled is not None and pooled.left_out:
        notes.append(
            "Left out of the pooled figure (no published count or no births): " + ", ".join(pooled.left_out) + "."
        )
    notes.append(
        "England's rate uses DfE's national count, which is rounded to the nearest 10. Authorities whose "
        "courts span several areas are left out of every area's pool."
    )
    return notes
