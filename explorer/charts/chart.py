"""
What every chart and table of the data wing carries: a title, a plain-English summary, the SVG, the
table of exactly what is plotted (which is also the CSV download), the source, licence and definition
of its data, and any dated events drawn on it. One class for every page; one include draws it
(templates/explorer/includes/chart.html).
"""

import csv
import io
from dataclasses import dataclass, field

from catalogue.io.spreadsheets import safe_row

from ..sources import OGL, Source


@dataclass
class Chart:
    """A chart (or a table with no SVG) ready for the chart include and for CSV download."""

    slug: str
    title: str
    summary: str
    svg: str
    columns: list[str]
    rows: list[list[str]]
    sources: list[Source] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    download_href: str = ""  # set where the CSV is not `?download=<slug>` of the page showing it
    events: list = field(default_factory=list)  # (number, TrendEvent) drawn on the chart

    @property
    def has_ogl_source(self) -> bool:
        return any(source.licence.startswith(OGL) for source in self.sources)

    @property
    def table_columns(self) -> list[str]:
        return self.columns

    @property
    def table_rows(self) -> list[list[str]]:
        return self.rows

    def csv_text(self) -> str:
        """The table only, every cell through safe_cell (no spreadsheet formula from any text). Its sources and
        licence travel as metadata (the response's Link header, a pack's README), never as rows of data."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(safe_row(self.table_columns))
        writer.writerows(safe_row(row) for row in self.table_rows)
        return out.getvalue()

    def csv_filename(self) -> str:
        return f"born-into-care-{self.slug}.csv"


def table(slug, title, summary, columns, rows, sources, notes=None, svg="") -> Chart:
    """A table (a chart with no drawing, unless `svg` is given)."""
    return Chart(slug, title, summary, svg, columns, rows, list(sources), list(notes or []))
