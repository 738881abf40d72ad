"""Sources, licences and definitions of the family-justice data, and the CSV writer for every download."""

import csv
import io

from catalogue.io.spreadsheets import safe_row
from explorer.chart import BIRTHS, OGL, Source
from explorer.under_one import PAIRING

HMCTS_LICENCE = "MIT licence, © HM Courts & Tribunals Service"
DERIVED_LINKS_CAVEAT = (
    "Which local authorities belong to each family justice area is derived from HMCTS court reference data "
    "(the courts that Find a Court or Tribunal lists for each authority's children's cases, March 2021, joined to "
    "the Family Public Law service's court-to-area mapping). It is not an official list of Local Family Justice "
    "Board membership, which is a local arrangement."
)

DFJ = Source(
    "HM Courts & Tribunals Service: Family Public Law service configuration (DFJ areas and courts, June "
    "2026) and Find a Court or Tribunal data (court links for children's cases, March 2021)",
    HMCTS_LICENCE,
    "Designated Family Judge areas and the courts where care applications are issued; "
    "the links from local authorities to areas are derived from court data, not an official list of Local "
    "Family Justice Board membership.",
    "https://github.com/hmcts/fpl-ccd-configuration",
)
LEGAL_STATUS = Source(
    "Department for Education: Children looked after in England including adoptions, reporting years 2011 to 2025",
    OGL,
    "Children of all ages (no breakdown for infants is published by LA) starting to be looked "
    "after in the year ending 31 March by legal status on starting, and children looked after at "
    "31 March by legal status and placed with parents. LA figures at 31 March 2018 and 2019 were "
    "not obtainable.",
    "https://explore-education-statistics.service.gov.uk/find-statistics/"
    "children-looked-after-in-england-including-adoptions",
)
UNDER1 = Source(
    "Department for Education: Children looked after in England including adoptions, children "
    "starting to be looked after aged under 1, reporting years 2011 to 2025",
    OGL,
    "Infants under 1 starting to be looked after in the year ending 31 March: infants entering care, "
    "not newborns in care proceedings (a baby can be accommodated under section 20 without "
    "proceedings). [c] suppressed, [x] not available.",
    "https://explore-education-statistics.service.gov.uk/find-statistics/"
    "children-looked-after-in-england-including-adoptions",
)
RFC = Source(
    "Ofsted: Children's social care data in England, provider-level data at 31 March 2015 to 2025",
    OGL,
    "Residential family centres (parent-and-child assessment units) on Ofsted's register at 31 March. A "
    "centre's local authority is where it is, not the authority that places families there. England only.",
    "https://www.gov.uk/government/statistics/childrens-social-care-in-england-2025",
)
CONCEPTIONS = Source(
    "Office for National Statistics: Conceptions in England and Wales, via DfE Local Authority "
    "Interactive Tool (2016 to 2022)",
    OGL,
    "Under-18 conceptions per 1,000 girls aged 15 to 17, calendar year of conception. A proxy for "
    "young parenthood, not births by mother's age: a conception can end in abortion.",
    "https://www.gov.uk/government/publications/local-authority-interactive-tool-lait",
)
PAIRING_NOTE = PAIRING  # the explorer's own words, so both apps state the same pairing

__all__ = ["BIRTHS", "CONCEPTIONS", "DFJ", "LEGAL_STATUS", "RFC", "UNDER1", "csv_text", "reporting_year"]


def reporting_year(year: int) -> str:
    """GOV.UK label for the year ending 31 March `year`: '2024 to 2025'."""
    return f"{year - 1} to {year}"


def csv_text(columns, rows) -> str:
    """A CSV whose every cell went through safe_cell (no spreadsheet formulas from any text)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(safe_row(columns))
    writer.writerows(safe_row(row) for row in rows)
    return out.getvalue()
