"""
What every chart carries: a title, a plain-English summary, the SVG, the table of exactly what is
plotted (which is also the CSV download), and the source, licence and definition of its data.
"""

import csv
import io
from dataclasses import dataclass, field

from .models import NewbornDataset

OGL = "Open Government Licence v3.0"
OGL_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
SYNTHETIC_MARK = "SYNTHETIC (invented figures)"
OGL_STATEMENT = "Contains public sector information licensed under the Open Government Licence v3.0."


@dataclass(frozen=True)
class Source:
    """Where a chart's data came from, under what licence, and what exactly is counted."""

    title: str
    licence: str
    definition: str = ""
    url: str = ""
    synthetic: bool = False


BIRTHS = Source("Office for National Statistics: live births by area of usual residence of mother, 2013-2022",
                OGL, "Live births in the calendar year, by the mother's local authority of usual residence.")
CLA = Source("Department for Education: Children looked after in England including adoptions, reporting year 2025",
             OGL, "Children starting to be looked after in the year ending 31 March, per 10,000 children aged 0-17. "
             "All ages, not newborns.")
IMD = Source("Ministry of Housing, Communities and Local Government: English Indices of Deprivation 2019, "
             "upper-tier local authority summaries", OGL,
             "IMD average score (population-weighted; higher is more deprived). England only; mostly 2015/16 data.")
SPEND = Source("MHCLG: Revenue Outturn 2024-25 (RO3), children's social care; DfE 2025 population aged 0-17",
               OGL, "Total gross expenditure on children's social care (RO3 line 30) divided by children aged 0-17.")
OFSTED = Source("Ofsted: Local authority inspection outcomes as at 31 March 2025", OGL,
                "Overall effectiveness at the latest ILACS inspection: 1 Outstanding, 2 Good, "
                "3 Requires improvement to be good, 4 Inadequate.")
NEIGHBOURS = Source("Department for Education: statistical neighbour groupings, April 2021", OGL,
                    "The ten local authorities most similar on DfE's socio-economic model.")


def newborn_source(dataset: NewbornDataset) -> Source:
    return Source(dataset.title, dataset.licence, dataset.definition, dataset.source_url, dataset.is_synthetic)


def own_data_source() -> Source:
    return Source("Figures you uploaded (not stored on this site)", "Yours",
                  "As you supplied them: babies under one week old subject to care proceedings.")


@dataclass
class Chart:
    """A chart ready for the `explorer/includes/chart.html` template and for CSV download."""

    slug: str
    title: str
    summary: str
    svg: str
    columns: list[str]
    rows: list[list[str]]
    sources: list[Source] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def synthetic(self) -> bool:
        return any(source.synthetic for source in self.sources)

    @property
    def has_ogl_source(self) -> bool:
        return any(source.licence == OGL for source in self.sources)

    @property
    def table_columns(self) -> list[str]:
        return self.columns + (["Data status"] if self.synthetic else [])

    @property
    def table_rows(self) -> list[list[str]]:
        """The rows shown in the table and downloaded as CSV; synthetic rows say so on every line."""
        if self.synthetic:
            return [row + [SYNTHETIC_MARK] for row in self.rows]
        return self.rows

    def csv_text(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(self.table_columns)
        writer.writerows(self.table_rows)
        return out.getvalue()

    def csv_filename(self) -> str:
        return f"born-into-care-{self.slug}{'-SYNTHETIC' if self.synthetic else ''}.csv"


def fmt_rate(value) -> str:
    return "" if value is None else f"{value:.1f}"


def fmt_count(count, suppressed=False) -> str:
    """Counts of 1-4 appear as [c] (suppressed), as in official statistics."""
    if suppressed:
        return "[c]"
    return "" if count is None else f"{count}"
