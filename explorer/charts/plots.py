"""The four kinds of chart the explorer draws, as SVG markup: trend lines, bars, funnel, scatter."""

import math
from collections import defaultdict
from dataclasses import dataclass

from ..figures.statistics import ControlLimits, FunnelPosition
from .svg import DASHES, EVENT_INK, HIGHLIGHT, INK, MARKERS, MUTED, Canvas, nice_ticks


@dataclass
class Series:
    name: str
    points: list[tuple[float, float]]


def _runs(points, xs):
    """Split a series into runs of consecutive x values, so a missing or suppressed year breaks the line."""
    values = dict(points)
    runs, current = [], []
    for x in xs:
        if values.get(x) is None:
            if current:
                runs.append(current)
            current = []
        else:
            current.append((x, values[x]))
    if current:
        runs.append(current)
    return runs


def _label_step(labels: list[str], width: float) -> int:
    """Show every n-th x label so that labels as long as "2024 to 2025" do not overlap."""
    if not labels:
        return 1
    needed = max(len(label) for label in labels) * 7 + 12
    return max(1, math.ceil(needed * len(labels) / max(width, 1)))


def line_svg(
    title,
    description,
    series: list[Series],
    *,
    x_labels: dict,
    y_label: str,
    x_label="Year (April to March)",
    y_format="{:,.1f}",
    events=(),
) -> str:
    """
    One line per series over the years of `x_labels`; a missing or suppressed year breaks the line. `events`,
    (number, TrendEvent) pairs, are drawn as numbered dashed vertical lines at the reporting year of each.
    """
    xs = sorted(x_labels)
    values = [y for line in series for _, y in line.points if y is not None]
    y_ticks = nice_ticks(0, max(values, default=1) * 1.1)
    canvas = Canvas(
        title=title,
        description=description,
        x_range=(xs[0] - 0.5, xs[-1] + 0.5) if xs else (0, 1),
        y_range=(0, y_ticks[-1]),
        margin=((48 if events else 30) + 18 * len(series), 30, 60, 70),
    )
    step = _label_step([x_labels[x] for x in xs], canvas.width - canvas.left - canvas.right)
    canvas.axes(
        x_label=x_label,
        y_label=y_label,
        x_ticks=xs[::step],
        y_ticks=y_ticks,
        x_tick_labels=[x_labels[x] for x in xs[::step]],
    )
    _draw_events(canvas, events)
    legend = []
    for i, line in enumerate(series):
        shape, dash = MARKERS[i % len(MARKERS)], DASHES[i % len(DASHES)]
        stroke = INK if i == 0 else MUTED
        for run in _runs(line.points, xs):
            canvas.polyline(run, dash=dash, stroke=stroke)
            for x, y in run:
                canvas.marker(
                    canvas.x(x),
                    canvas.y(y),
                    shape,
                    size=4,
                    filled=i % 2 == 0,
                    stroke=stroke,
                    label=f"{line.name}, {x_labels.get(x, x)}: {y_format.format(y)}",
                )
        legend.append((line.name, "series", (dash, shape, i % 2 == 0, stroke)))
    canvas.legend(legend, y=8)
    return canvas.render()


def _draw_events(canvas: Canvas, events) -> None:
    """Each event year as a dashed vertical line, numbered at the top with the events that fall in it."""
    by_year = defaultdict(list)
    for number, event in events:
        by_year[event.reporting_year].append(str(number))
    for year, numbers in by_year.items():
        x = canvas.x(year)
        canvas.line(x, canvas.top - 6, x, canvas.height - canvas.bottom, stroke=EVENT_INK, dash="3 3")
        canvas.text(x, canvas.top - 10, ", ".join(numbers), anchor="middle", size=12, weight="bold", fill=EVENT_INK)


def bar_svg(
    title,
    description,
    bars: list[tuple[str, float | None, bool]],
    *,
    x_label: str,
    reference: tuple[str, float] | None = None,
    value_format: str = "{:,.1f}",
    missing_text: dict[str, str] | None = None,
) -> str:
    """Horizontal bars with their values printed; flagged bars are hatched, missing ones say so (by default
    "no figure"; `missing_text` gives a bar's own words, e.g. the publisher's symbol)."""
    height = 70 + 26 * len(bars)
    top_value = max([value for _, value, _ in bars if value is not None] + [reference[1] if reference else 0, 1])
    ticks = nice_ticks(0, top_value * 1.1)
    canvas = Canvas(
        title=title,
        description=description,
        height=height,
        margin=(20, 60, 50, 190),
        x_range=(0, ticks[-1]),
        y_range=(0, len(bars)),
    )
    canvas.axes(x_label=x_label, y_label="", x_ticks=ticks, y_ticks=[])
    for i, (label, value, flagged) in enumerate(bars):
        y_top = canvas.top + i * 26 + 4
        canvas.text(canvas.left - 8, y_top + 14, label, anchor="end", size=12)
        if value is None:
            words = (missing_text or {}).get(label, "no figure")
            canvas.text(canvas.left + 6, y_top + 14, words, size=12, fill=MUTED)
            continue
        canvas.rect(canvas.left, y_top, canvas.x(value) - canvas.left, 18, fill=MUTED, pattern=flagged)
        canvas.text(canvas.x(value) + 5, y_top + 14, value_format.format(value), size=12)
    if reference:
        ref_x = canvas.x(reference[1])
        canvas.line(ref_x, canvas.top, ref_x, canvas.height - canvas.bottom, width=2, dash="6 3")
        canvas.text(ref_x, canvas.top - 6, f"{reference[0]} {reference[1]:.1f}", anchor="middle", size=12)
    return canvas.render()


def free_label_y(placed: list[tuple[float, float]], x: float, y: float, width=130, height=13, step=1) -> float:
    """Move a label down (step 1) or up (step -1) until it overlaps no label placed nearby; remember it."""
    while any(abs(x - px) < width and abs(y - py) < height for px, py in placed):
        y += height * step
    placed.append((x, y))
    return y


def label_x(canvas: Canvas, x: float, label: str) -> tuple[float, str]:
    """Labels go right of their point, or left of it if they would run off the chart."""
    if x + 8 + 6.5 * len(label) > canvas.width - 2:
        return x - 8, "end"
    return x + 8, "start"


def leader(canvas: Canvas, x1, y1, x2, y2, *, moved: bool) -> None:
    """A thin line from a point to its label when the label had to move away from it."""
    if moved:
        canvas.line(x1, y1, x2, y2, stroke=MUTED, width=0.8)


@dataclass
class FunnelPoint:
    label: str
    births: int
    rate: float
    position: str
    highlighted: bool = False  # e.g. the user's own figures


POSITION_MARKERS = {
    FunnelPosition.ABOVE_998: ("triangle-up", True),
    FunnelPosition.ABOVE_95: ("triangle-up", False),
    FunnelPosition.WITHIN: ("circle", False),
    FunnelPosition.BELOW_95: ("triangle-down", False),
    FunnelPosition.BELOW_998: ("triangle-down", True),
}


def funnel_svg(
    title,
    description,
    points: list[FunnelPoint],
    *,
    target: float,
    curve: list[ControlLimits],
    chance_curve: list[ControlLimits] | None = None,
    x_label="Live births (paired calendar year)",
    y_label="Rate per 10,000 live births",
) -> str:
    """Points by live births (log scale) against rate; limits dashed (95%) and dotted (99.8%)."""
    max_births = max([p.births for p in points] + [c.denominator for c in curve] + [10])
    min_births = max(1, min([p.births for p in points] + [c.denominator for c in curve] + [max_births]))
    y_top = max([p.rate for p in points] + [target * 2.2])
    ticks = nice_ticks(0, y_top * 1.05)
    canvas = Canvas(
        title=title,
        description=description,
        height=480,
        margin=(100, 30, 60, 70),
        x_range=(min_births * 0.9, max_births * 1.1),
        y_range=(0, ticks[-1]),
        x_log=True,
    )
    x_ticks = [
        t
        for t in (100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000)
        if min_births * 0.9 <= t <= max_births * 1.1
    ]
    canvas.axes(x_label=x_label + " (logarithmic scale)", y_label=y_label, x_ticks=x_ticks, y_ticks=ticks)
    clip = ticks[-1]
    limit_lines = (("upper_95", "6 3"), ("lower_95", "6 3"), ("upper_998", "2 3"), ("lower_998", "2 3"))
    # The chance-only limits, when the drawn limits are widened for over-dispersion, are thin and grey.
    for attr, dash in limit_lines if chance_curve else ():
        canvas.polyline(
            [(c.denominator, min(getattr(c, attr), clip)) for c in chance_curve], dash=dash, width=1, stroke=MUTED
        )
    for attr, dash in limit_lines:
        canvas.polyline([(c.denominator, min(getattr(c, attr), clip)) for c in curve], dash=dash, width=1.5)
    canvas.polyline([(min_births * 0.9, target), (max_births * 1.1, target)], width=1.5, stroke=MUTED)
    placed: list[tuple[float, float]] = []
    for point in sorted(points, key=lambda p: p.highlighted):
        shape, filled = ("diamond", True) if point.highlighted else POSITION_MARKERS[point.position]
        cx, cy = canvas.x(point.births), canvas.y(min(point.rate, clip))
        canvas.marker(
            cx,
            cy,
            shape,
            size=6 if point.highlighted else 4.5,
            filled=filled,
            stroke=HIGHLIGHT if point.highlighted else INK,
            label=f"{point.label}: {point.rate:,.1f} per 10,000, {point.births:,} births ({point.position})",
        )
        # Only areas above the 99.8% limit (and your own) are named on the chart: low outliers crowd near the
        # axis, where their labels would run off the plot. All are named in the summary and the table.
        if point.highlighted or point.position == FunnelPosition.ABOVE_998:
            # High outliers sit in the emptier top of the plot, so their labels move up, away from the cloud.
            label_y = free_label_y(placed, cx, cy + 4, step=-1)
            if label_y < canvas.top:
                continue
            x, anchor = label_x(canvas, cx, point.label)
            leader(canvas, cx, cy, x, label_y - 4, moved=label_y != cy + 4)
            canvas.text(
                x,
                label_y,
                point.label,
                size=11,
                anchor=anchor,
                weight="bold" if point.highlighted else "normal",
                halo=True,
            )
    legend = [
        (f"England rate {target:.1f}", "line", ""),
        ("95% limits" + (" (over-dispersion)" if chance_curve else ""), "line", "6 3"),
        ("99.8% limits" + (" (over-dispersion)" if chance_curve else ""), "line", "2 3"),
        ("Within limits", "marker", ("circle", False)),
        ("Above 95% (hollow) / 99.8% (filled)", "marker", ("triangle-up", True)),
        ("Below 95% (hollow) / 99.8% (filled)", "marker", ("triangle-down", True)),
    ]
    if any(p.highlighted for p in points):
        legend.append(("Your figures", "marker", ("diamond", True)))
    left = legend[:3] + ([("Chance-only limits", "line", ("6 3", MUTED))] if chance_curve else [])
    canvas.legend(left, y=6)
    canvas.legend(legend[3:], x=canvas.width / 2, y=6)
    return canvas.render()


@dataclass
class ScatterPoint:
    x: float
    y: float
    label: str
    show_label: bool = False


def scatter_svg(
    title,
    description,
    points: list[ScatterPoint],
    *,
    x_label: str,
    y_label: str,
    categories: dict[int, str] | None = None,
) -> str:
    """A scatter plot; with `categories`, x is an ordered grade and points are spread sideways."""
    xs = [p.x for p in points] or [0, 1]
    ys = [p.y for p in points] or [0, 1]
    y_ticks = nice_ticks(0, max(ys) * 1.05)
    if categories:
        x_range, x_ticks = (min(categories) - 0.6, max(categories) + 0.6), sorted(categories)
        tick_labels = [categories[k] for k in x_ticks]
    else:
        x_ticks = nice_ticks(min(xs), max(xs))
        x_range, tick_labels = (x_ticks[0], x_ticks[-1]), None
    canvas = Canvas(title=title, description=description, x_range=x_range, y_range=(0, y_ticks[-1]))
    canvas.axes(x_label=x_label, y_label=y_label, x_ticks=x_ticks, y_ticks=y_ticks, x_tick_labels=tick_labels)
    placed: list[tuple[float, float]] = []
    for index, point in enumerate(points):
        x = point.x
        if categories:
            # Spread points in a category sideways, deterministically, so they do not hide each other.
            x += ((index * 37) % 21 - 10) / 40
        cx, cy = canvas.x(x), canvas.y(point.y)
        canvas.marker(cx, cy, "circle", size=3.5, filled=False, label=f"{point.label}: {point.x:g}, {point.y:.1f}")
        if point.show_label:
            x, anchor = label_x(canvas, cx, point.label)
            label_y = free_label_y(placed, cx, cy - 5)
            leader(canvas, cx, cy, x, label_y - 4, moved=label_y != cy - 5)
            canvas.text(x, label_y, point.label, size=11, anchor=anchor)
    return canvas.render()
