"""A chart or table as the family-justice pages show and download it: explorer's Chart, written safely."""

from dataclasses import dataclass, field

from explorer.chart import Chart

from .sources import csv_text


@dataclass
class SafeChart(Chart):
    """Explorer's Chart (title, summary, SVG, table, sources, notes) whose CSV cells go through safe_cell."""

    download_href: str = ""
    events: list = field(default_factory=list)  # (number, TrendEvent) drawn on the chart

    def csv_text(self) -> str:
        return csv_text(self.table_columns, self.table_rows)

    def csv_filename(self) -> str:
        return f"born-into-care-{self.slug}.csv"


def table(slug, title, summary, columns, rows, sources, notes=None, svg="") -> SafeChart:
    return SafeChart(slug, title, summary, svg, columns, rows, list(sources), list(notes or []))
