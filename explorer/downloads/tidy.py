"""
One tidy table: a row per area × year × measure, its value a plain number (no thousands separators, no
text) and the publisher's suppression marker, in brackets as published ([c], [x], [z], [*]), in a column
of its own. `Download` is one downloadable file; its name says what it holds and which years.
"""

import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Max, Min

from catalogue.io.spreadsheets import safe_row

from ..formatting import year_label
from ..sources import Source

# The markers publishers use for a figure they hold but withhold: DfE c (suppressed), x (not available),
# z (not applicable); StatsWales * (not shown); DfE k (a percentage under 0.5, not given exactly, in the
# children looked after by placement and ethnicity file). Anything else (an empty cell, "not in same publication",
# LAIT's "-") is no published figure at all, so it has no row.
SUPPRESSION_MARKERS = ("c", "x", "z", "*", "k")

COLUMNS = (
    ("area_code", "string", "ONS (GSS) code of the area, on today's codes (pure re-codes joined into one series)."),
    ("area_name", "string", "Name of the area as published."),
    ("geographic_level", "string", "National, Regional or Local authority, as published."),
    ("year", "integer", "The year the figure belongs to (its meaning is in the file's description)."),
    ("period", "string", "The year in words, e.g. '2024 to 2025' for the year ending 31 March 2025."),
    ("measure", "string", "What the value counts (one of the codes listed in the file's description)."),
    ("value", "number", "The figure as a number; empty where the publisher suppressed it (see suppression_flag)."),
    ("unit", "string", "The unit of the value."),
    (
        "suppression_flag",
        "string",
        "The publisher's marker for a withheld figure ([c], [x], [z] or [*]; [k] a percentage under 0.5); "
        "empty otherwise.",
    ),
)


@dataclass(frozen=True)
class TidyRow:
    area_code: str
    area_name: str
    geographic_level: str
    year: int
    period: str
    measure: str
    value: int | float | Decimal | None
    unit: str
    suppression_flag: str = ""


@dataclass(frozen=True)
class Measure:
    """One measure a file holds: its code (the `measure` column), what it counts and its unit."""

    code: str
    description: str
    unit: str


@dataclass(frozen=True)
class Download:
    """One tidy CSV: a stem naming what it holds (the years are added from the data), its sources, its rows."""

    stem: str
    title: str
    description: str
    year_meaning: str
    sources: tuple[Source, ...]
    measures: tuple[Measure, ...]
    rows: Callable[[], Iterable[TidyRow]]
    # (first, last) year held, read cheaply (e.g. `year_span`), so that listing the files does not build
    # every row; without it the span is read from the rows.
    years: "YearSpan | Callable[[], tuple[int, int] | None] | None" = None

    def table(self) -> list[TidyRow]:
        return sorted(self.rows(), key=lambda row: (row.area_code, row.year, row.measure))

    def span(self) -> tuple[int, int] | None:
        if self.years is not None:
            return self.years()
        years = [row.year for row in self.table()]
        return (min(years), max(years)) if years else None

    def span_for(self, codes) -> tuple[int, int] | None:
        """The years this file holds for some areas (e.g. one Welsh authority), or None if it holds none."""
        if isinstance(self.years, YearSpan):
            return self.years(codes)
        years = [row.year for row in self.table() if row.area_code in set(codes)]
        return (min(years), max(years)) if years else None

    def file_name(self) -> str:
        """e.g. under-1-children-starting-to-be-looked-after-by-local-authority-2011-2025.csv"""
        span = self.span()
        return f"{self.stem}-{span[0]}-{span[1]}.csv" if span else f"{self.stem}.csv"


@dataclass(frozen=True)
class YearSpan:
    """The first and last year a table holds, as one aggregate query; `for_areas` narrows it to some areas."""

    queryset: object
    code_field: str = "area_code"
    year_field: str = "year"

    def __call__(self, codes=None) -> tuple[int, int] | None:
        rows = self.queryset.all()
        if codes is not None:
            rows = rows.filter(**{f"{self.code_field}__in": list(codes)})
        found = rows.aggregate(first=Min(self.year_field), last=Max(self.year_field))
        return (found["first"], found["last"]) if found["first"] is not None else None


def year_span(queryset, code_field="area_code") -> YearSpan:
    return YearSpan(queryset, code_field)


def marker(flag: str) -> str:
    """The published marker in brackets ('c' -> '[c]'), or '' for anything that is not a suppression."""
    flag = (flag or "").strip().strip("[]")
    return f"[{flag}]" if flag in SUPPRESSION_MARKERS else ""


def figure_row(base: dict, measure: Measure, value, flag: str = "") -> TidyRow | None:
    """A row for a published value, or for a suppressed one with its marker; None when there is neither."""
    flagged = marker(flag) if value is None else ""
    if value is None and not flagged:
        return None
    return TidyRow(**base, measure=measure.code, value=value, unit=measure.unit, suppression_flag=flagged)


def reporting_year(year: int) -> str:
    return year_label(year)


def csv_text(rows: Iterable[TidyRow]) -> str:
    """The tidy CSV: a header of the column names, then one row per figure; numbers written plainly."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([name for name, _, _ in COLUMNS])
    for row in rows:
        # Text cells through the CSV-injection guard; numbers are written as plain numbers.
        text = safe_row([row.area_code, row.area_name, row.geographic_level])
        tail = safe_row([row.unit, row.suppression_flag])
        writer.writerow([*text, row.year, row.period, row.measure, _number(row.value), *tail])
    return out.getvalue()


def _number(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)
