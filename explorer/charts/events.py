"""Dated, sourced events in law and guidance, numbered for a trend chart (drawn by `line_svg(events=...)`)."""

from ..figures.versioned import kept_per_data_version
from ..models import TrendEvent


def numbered_events(years: list[int]) -> list[tuple[int, TrendEvent]]:
    """(number, event) for every event inside the charted years, numbered in date order."""
    if not years:
        return []
    first, last = min(years), max(years)
    shown = [event for event in _events_in_date_order() if first <= event.reporting_year <= last]
    return list(enumerate(shown, start=1))


@kept_per_data_version
def _events_in_date_order() -> tuple[TrendEvent, ...]:
    """Every event, read once per content version (an edit to one moves the version on): a profile's four
    legal-status trends each asked the database again."""
    return tuple(TrendEvent.objects.order_by("date", "pk"))
