"""
What every chart carries: a title, a plain-English summary, the SVG, the table of exactly what is
plotted (which is also the CSV download), and the source, licence and definition of its data.
"""

import csv
import io
from dataclasses import dataclass, field

from catalogue.io.spreadsheets import safe_row

OGL = "Open Government Licence v3.0"
OGL_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
OGL_STATEMENT = "Contains public sector information licensed under the Open Government Licence v3.0."
SUPPRESSED_NOTE = (
    "[c] and [x]: suppressed by DfE to protect confidentiality; [*]: not shown by StatsWales. "
    "Suppressed figures are left out of charts, never drawn as 0."
)


@dataclass(frozen=True)
class Source:
    """Where a chart's data came from, under what licence, and what exactly is counted."""

    title: str
    licence: str
    definition: str = ""
    url: str = ""


DFE_STARTS = Source(
    "Department for Education: Children looked after in England including adoptions, years ending 31 March "
    "2011 to 2025 (SFR 2011-2017; releases 2022, 2024 and 2025)",
    OGL,
    "Children who started to be looked after during the year aged under 1 (age on starting; first start in the "
    "year only; children looked after only under a series of short-term placements excluded). These are infants "
    "entering care, not newborns in care proceedings: a baby can be accommodated under section 20 without "
    "proceedings. Local authority figures are unrounded; England and regional figures are rounded to the nearest "
    "10 by DfE, so they need not equal the sum of local authorities.",
    "https://explore-education-statistics.service.gov.uk/find-statistics/children-looked-after-in-england-including-adoptions",
)
DFE_AT_31_MARCH = Source(
    "Department for Education: Children looked after in England including adoptions, 31 March 2011 to 2025",
    OGL,
    "Children looked after on 31 March aged under 1. Local authority figures 2011-2017 and 2020-2025 (2018 and "
    "2019 England only); England and regional figures rounded to the nearest 10.",
    DFE_STARTS.url,
)
STATSWALES = Source(
    "Welsh Government, StatsWales: Children looked after at 31 March by local authority, gender and age, 2003 to 2018",
    OGL,
    "Children looked after on 31 March aged under 1: boys plus girls, each rounded to the nearest 5 by "
    "StatsWales (so the total may differ from the true figure by up to 4). Cells StatsWales did not show are "
    "suppressed.",
)
CAFCASS = Source(
    "Cafcass: care applications per 10,000 children aged 0-17, via DfE Local Authority Interactive Tool (LAIT), "
    "2015-16 to 2024-25",
    OGL + " (as republished by DfE in LAIT; Cafcass's own reuse terms not verified)",
    "Care applications (care orders only) per 10,000 children aged 0-17 in the financial year: children of "
    "all ages, not infants, and applications, not children in care.",
    "https://www.gov.uk/government/publications/local-authority-interactive-tool-lait",
)
BIRTHS = Source(
    "Office for National Statistics: live births by area of usual residence of mother, 2013-2022",
    OGL,
    "Live births in the calendar year, by the mother's local authority of usual residence.",
)
IMD = Source(
    "Ministry of Housing, Communities and Local Government: English Indices of Deprivation 2019, "
    "upper-tier local authority summaries",
    OGL,
    "IMD average score (population-weighted; higher is more deprived). England only; mostly 2015/16 data.",
)
SPEND = Source(
    "MHCLG: Revenue Outturn 2024-25 (RO3), children's social care; DfE 2025 population aged 0-17",
    OGL,
    "Total gross expenditure on children's social care (RO3 line 30) divided by children aged 0-17.",
)
OFSTED = Source(
    "Ofsted: Local authority inspection outcomes as at 31 March 2025",
    OGL,
    "Overall effectiveness at the latest ILACS inspection: 1 Outstanding, 2 Good, "
    "3 Requires improvement to be good, 4 Inadequate.",
)
NEIGHBOURS = Source(
    "Department for Education: statistical neighbour groupings, April 2021",
    OGL,
    "The ten local authorities most similar on DfE's socio-economic model.",
)


def own_data_source() -> Source:
    return Source(
        "Figures you uploaded (not stored on this site)",
        "Yours",
        "As you supplied them: children who started to be looked after aged under 1 in the year.",
    )


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
    def has_ogl_source(self) -> bool:
        return any(source.licence.startswith(OGL) for source in self.sources)

    @property
    def table_columns(self) -> list[str]:
        return self.columns

    @property
    def table_rows(self) -> list[list[str]]:
        return self.rows

    def csv_text(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(safe_row(self.table_columns))
        writer.writerows(safe_row(row) for row in self.table_rows)
        writer.writerow([])
        for source in self.sources:
            writer.writerow(
                safe_row([f"Source: {source.title}. Licence: {source.licence}. Definition: {source.definition}"])
            )
        return out.getvalue()

    def csv_filename(self) -> str:
        return f"born-into-care-{self.slug}.csv"


def fmt_rate(value) -> str:
    return "" if value is None else f"{value:,.1f}"


def fmt_share(value) -> str:
    return "" if value is None else f"{value:.1f}%"


def fmt_count(count, flag="") -> str:
    """A published count with thousands separators; a suppressed one shows its flag, e.g. [c], never 0."""
    if count is None:
        return f"[{flag}]" if flag else ""
    return f"{count:,}"
