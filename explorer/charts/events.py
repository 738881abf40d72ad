"""Dated, sourced events in law and guidance, numbered for a trend chart (drawn by `line_svg(events=...)`)."""

from ..models import TrendEvent


def numbered_events(years: list[int]) -> list[tuple[int, TrendEvent]]:
    """(number, event) for every event inside the charted years, numbered in date order."""
    if not years:
        return []
    first, last = min(years), max(years)
    shown = [event for event in TrendEvent.objects.order_by("date", "pk") if first <= event.reporting_year <= last]
    return list(enumerate(shown, start=1))
