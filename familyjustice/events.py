"""
Dated, sourced events in law and guidance, drawn on a trend chart as numbered vertical lines at the
reporting year (ending 31 March) each falls in, and listed with their sources beneath it.
"""

from collections import defaultdict

from explorer.plots import Series
from explorer.svg import DASHES, INK, MARKERS, MUTED, Canvas, nice_ticks

from .models import TrendEvent

EVENT_INK = "#1d70b8"


def numbered_events(years: list[int]) -> list[tuple[int, TrendEvent]]:
    """(number, event) for every event inside the charted years, numbered in date order."""
    if not years:
        return []
    first, last = min(years), max(years)
    shown = [event for event in TrendEvent.objects.order_by("date", "pk") if first <= event.reporting_year <= last]
    return list(enumerate(shown, start=1))


def trend_with_events_svg(
    title, description, series: list[Series], *, x_labels: dict, y_label: str, events: list[tuple[int, TrendEvent]]
) -> str:
    """A line chart (as the explorer draws them) with each event as a numbered dashed vertical line."""
    xs = sorted(x_labels)
    values = [y for line in series for _, y in line.points if y is not None]
    y_ticks = nice_ticks(0, max(values, default=1) * 1.1)
    canvas = Canvas(
        title=title,
        description=description,
        x_range=(xs[0] - 0.5, xs[-1] + 0.5),
        y_range=(0, y_ticks[-1]),
        margin=(48 + 18 * len(series), 30, 60, 70),
    )
    # Ticks carry the year the reporting year ends in ("2025"): "2024 to 2025" does not fit under a tick.
    step = max(1, len(xs) // 8)
    canvas.axes(
        x_label="Year ending 31 March",
        y_label=y_label,
        x_ticks=xs[::step],
        y_ticks=y_ticks,
        x_tick_labels=[str(x) for x in xs[::step]],
    )
    by_year = defaultdict(list)
    for number, event in events:
        by_year[event.reporting_year].append(str(number))
    for year, numbers in by_year.items():
        x = canvas.x(year)
        canvas.line(x, canvas.top - 6, x, canvas.height - canvas.bottom, stroke=EVENT_INK, dash="3 3")
        canvas.text(x, canvas.top - 10, ", ".join(numbers), anchor="middle", size=12, weight="bold", fill=EVENT_INK)
    legend = []
    for i, line in enumerate(series):
        shape, dash = MARKERS[i % len(MARKERS)], DASHES[i % len(DASHES)]
        stroke = INK if i == 0 else MUTED
        points = [(x, y) for x, y in line.points if y is not None]
        canvas.polyline(points, dash=dash, stroke=stroke)
        for x, y in points:
            canvas.marker(
                canvas.x(x),
                canvas.y(y),
                shape,
                size=4,
                filled=i % 2 == 0,
                stroke=stroke,
                label=f"{line.name}, {x_labels.get(x, x)}: {y:,.1f}",
            )
        legend.append((line.name, "series", (dash, shape, i % 2 == 0, stroke)))
    canvas.legend(legend, y=6)
    return canvas.render()
