"""
Where every figure of the data wing comes from, written once: the licence statements, each chart's
`Source` (publisher and release, licence, definition, address) and, for the sources page, each
dataset's `Dataset` entry (what it measures, its known limits, its fixture files). Provenance
details come from the READMEs of fixtures/open-data/, fixtures/infant-care/ and fixtures/seed-questions/.
"""

from dataclasses import dataclass

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
    "https://www.nomisweb.co.uk/datasets/lebirthsla",  # Nomis: live births in England and Wales by LA
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

CLA_RATES = Source(
    "Department for Education: Children looked after in England including adoptions, 2025 release (years "
    "ending 31 March 2021 to 2025; counts and rates per 10,000 children)",
    OGL,
    "Children of all ages starting, looked after on 31 March and ceasing to be looked after, with DfE's "
    "published rates per 10,000 children aged 0-17. England only.",
    DFE_STARTS.url,
)


def own_data_source() -> Source:
    return Source(
        "Figures you uploaded (not stored on this site)",
        "Yours",
        "As you supplied them: children who started to be looked after aged under 1 in the year.",
    )


HMCTS_LICENCE = "MIT licence, © HM Courts & Tribunals Service"
MIT_URL = "https://opensource.org/licenses/MIT"
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


@dataclass(frozen=True)
class Dataset:
    title: str
    publisher: str
    release: str
    licence: str
    attribution: str
    measures: str
    limits: str
    files: str
    url: str = ""


DATASETS = [
    Dataset(
        "Children who started to be looked after aged under 1, by local authority, England",
        "Department for Education (DfE)",
        "Children looked after in England including adoptions: SFR underlying data 2011 to 2017; releases 2022, "
        "2024 and 2025 (the newest release holding each value is used)",
        OGL,
        OGL_STATEMENT + " Source: Department for Education, Children looked after in England including "
        "adoptions (2011-2025).",
        "Children who started to be looked after during the year ending 31 March, aged under 1 on starting "
        "(first start in the year only; short-term placements excluded), with all-age starts from the same "
        "publication. Infants entering care, not newborns in care proceedings.",
        "LA figures unrounded; England and regional figures rounded to the nearest 10 (so they need not equal the "
        "sum of LAs). Cells suppressed as c (2018+) or x (2011-2017). Cumbria 2022 to 2023 not found. Isles of "
        "Scilly not in 2011-2017 files. Boundary changes (BCP and Dorset 2019, Northamptonshire 2021, Cumbria "
        "2023) are series breaks; pure re-codes (Gateshead, Northumberland, Buckinghamshire, North Yorkshire, "
        "Somerset) joined.",
        "fixtures/infant-care/england_cla_starts_under1.csv",
        "https://explore-education-statistics.service.gov.uk/find-statistics/children-looked-after-in-england-including-adoptions",
    ),
    Dataset(
        "Children looked after on 31 March aged under 1, England",
        "Department for Education (DfE)",
        "As above (SFR 2011-2017; releases 2022 to 2025)",
        OGL,
        OGL_STATEMENT + " Source: Department for Education.",
        "Children looked after on 31 March aged under 1, with all ages from the same publication.",
        "LA level 2011-2017 and 2020-2025 only (2018-2019 England only). Cumbria 2020-2023 and Northamptonshire "
        "2020-2021 missing. National and regional figures rounded to 10.",
        "fixtures/infant-care/england_cla_at31march_under1.csv",
    ),
    Dataset(
        "Children looked after on 31 March by local authority, gender and age, Wales",
        "Welsh Government (StatsWales)",
        "2003 to 2018 exports",
        OGL,
        OGL_STATEMENT + " Source: Welsh Government, StatsWales, Children looked after at 31 March by local "
        "authority, gender and age.",
        "Children looked after on 31 March aged under 1 (boys plus girls), with all ages.",
        "Every cell rounded to the nearest 5 by StatsWales; the under-1 figure adds two rounded numbers, so it can "
        "be up to 4 out. Cells marked * not shown. Nothing found after 2018, and no Welsh starts by age.",
        "fixtures/infant-care/wales_cla_at31march_under1_la.csv",
    ),
    Dataset(
        "Cafcass care applications per 10,000 children aged 0-17, by local authority, England",
        "Cafcass (data owner), republished by DfE in the Local Authority Interactive Tool (LAIT)",
        "LAIT, 2015-16 to 2024-25",
        OGL + " (LAIT); Cafcass's own reuse statement could not be checked",
        "Source: Cafcass, care applications per 10,000 child population, via DfE Local Authority Interactive "
        "Tool. " + OGL_STATEMENT,
        "Care applications (care orders only) per 10,000 children aged 0-17 in the financial year.",
        "Rates for all ages, not counts and not infants. LAIT keeps old Dorset and Northamptonshire labels after "
        "reorganisation and has no values for Cumberland or Westmorland and Furness.",
        "fixtures/infant-care/england_cafcass_care_applications_rate_la.csv",
        "https://www.gov.uk/government/publications/local-authority-interactive-tool-lait",
    ),
    Dataset(
        "Live births by area of usual residence of mother",
        "Office for National Statistics (ONS)",
        "Nomis extract 2013-2022; Births in England and Wales: 2022 (refreshed populations), Table 3",
        OGL,
        "Source: Office for National Statistics licensed under the Open Government Licence v3.0.",
        "Live births in the calendar year by the mother's LA of usual residence: the denominator of every rate.",
        "2013 to 2022 only, on today's boundaries; Welsh LAs 2022 only; no births for Bournemouth, Poole or the old "
        "Dorset county. Reporting year ending March Y is paired with births in calendar year Y-1; no denominator "
        "is extrapolated.",
        "fixtures/open-data/live_births_by_la.csv",
    ),
    Dataset(
        "English Indices of Deprivation 2019, upper-tier summaries",
        "Ministry of Housing, Communities and Local Government",
        "IoD 2019",
        OGL,
        OGL_STATEMENT,
        "IMD average score and rank; IDACI score.",
        "England only; mostly 2015/16 data; no figure for areas whose boundaries changed since 2019.",
        "fixtures/open-data/imd2019_upper_tier.csv",
    ),
    Dataset(
        "Revenue Outturn, Social Care and Public Health (RO3)",
        "Ministry of Housing, Communities and Local Government",
        "2024-25",
        OGL,
        OGL_STATEMENT,
        "Gross expenditure on children's social care by service line, £ thousand.",
        "England only; some returns not received; early-help spend only by proxy.",
        "fixtures/open-data/childrens_services_spend_2024_25.csv",
    ),
    Dataset(
        "Children looked after: rates per 10,000 children (population for spend per child)",
        "Department for Education",
        "Children looked after in England including adoptions, 2025",
        OGL,
        OGL_STATEMENT,
        "Children looked after and population aged 0-17, by LA.",
        "England only.",
        "fixtures/open-data/children_looked_after_rates.csv",
    ),
    Dataset(
        "Local authority inspection outcomes (ILACS)",
        "Ofsted",
        "As at 31 March 2025",
        OGL,
        OGL_STATEMENT,
        "Overall effectiveness and sub-judgements at the latest inspection.",
        "England only (Welsh services are inspected by Care Inspectorate Wales, not included).",
        "fixtures/open-data/ofsted_ilacs_judgements_2025.csv",
    ),
    Dataset(
        "Statistical neighbours",
        "Department for Education",
        "April 2021",
        OGL,
        OGL_STATEMENT,
        "The ten most similar English LAs for each LA.",
        "England only; groups naming Cumbria (abolished 2023) are left out.",
        "fixtures/open-data/statistical_neighbours_2021.csv",
    ),
    Dataset(
        "Born into Care published figures",
        "Nuffield Family Justice Observatory and Nuffield Foundation",
        "Broadhurst et al. (2018) England; Alrouh et al. (2019) Wales; Pattinson et al. (2021); news releases",
        "Not Crown copyright and not OGL: quoted with attribution",
        "Cite the report given on each figure.",
        "Newborns (under 7 days in England, under 2 weeks in Wales) in care proceedings: a different measure from "
        "infants entering care.",
        "Quoted from press and news pages; no machine-readable LA tables were found, so LA-level figures (e.g. the "
        "16 outlier LAs of 2016) cannot be reproduced.",
        "fixtures/open-data/born_into_care_headlines.csv; fixtures/infant-care/published_born_into_care_figures.csv",
    ),
    Dataset(
        "Designated Family Judge areas, their courts, and the areas each local authority's cases go to",
        "HM Courts & Tribunals Service (HMCTS)",
        "Family Public Law service configuration (hmcts/fpl-ccd-configuration, commit 9b4721b), as at June 2026; "
        "Find a Court or Tribunal court links for children's cases (hmcts/fact-api, data load of March 2021 with "
        "corrections to May 2021)",
        HMCTS_LICENCE,
        "Derived from HM Courts & Tribunals Service reference data (Family Public Law service configuration; Find "
        "a Court or Tribunal data), © HMCTS, MIT licence.",
        "The 43 DFJ areas and their care-issuing courts; which area(s) each local authority's children's cases go "
        "to, joined on Familyman court code.",
        DERIVED_LINKS_CAVEAT + " Authorities whose courts are in several areas are shown with every candidate "
        "area and left out of pooled figures.",
        "fixtures/seed-questions/dfj_areas.csv; dfj_area_courts.csv; la_dfj_area.csv",
        DFJ.url,
    ),
    Dataset(
        "Children looked after by legal status, and placed with parents, by local authority, England",
        "Department for Education (DfE)",
        "Children looked after in England including adoptions, 2011 to 2025",
        OGL,
        OGL_STATEMENT + " Source: Department for Education, Children looked after in England including adoptions "
        "(2011-2025).",
        LEGAL_STATUS.definition,
        "Children of all ages: no LA-level breakdown for infants is published. LA figures at 31 March 2018 and "
        "2019 were not obtainable.",
        "fixtures/seed-questions/england_cla_starts_legal_status_wide.csv; england_cla_at31march_legal_status_wide.csv",
        LEGAL_STATUS.url,
    ),
    Dataset(
        "Residential family centres (parent-and-child assessment units) on Ofsted's register, England",
        "Ofsted",
        "Children's social care data in England, provider-level data at 31 March 2015 to 2025",
        OGL,
        OGL_STATEMENT + " Source: Ofsted, Children's social care data in England, provider-level data.",
        "Each centre registered at 31 March, with its sector, registered places and latest overall judgement.",
        "A centre's local authority is where it is, not the authority that places families there. Wales is not "
        "covered (Care Inspectorate Wales registers Welsh centres). Places were not published in 2015.",
        "fixtures/seed-questions/ofsted_residential_family_centres.csv",
        RFC.url,
    ),
    Dataset(
        "Under-18 conception rate by local authority, England",
        "Office for National Statistics, via DfE Local Authority Interactive Tool",
        "Conceptions in England and Wales, 2016 to 2022",
        OGL,
        OGL_STATEMENT + " Source: Office for National Statistics, Conceptions in England and Wales, via DfE Local "
        "Authority Interactive Tool.",
        CONCEPTIONS.definition,
        "A proxy for young parenthood, not births by mother's age: a conception can end in abortion.",
        "fixtures/seed-questions/under18_conception_rate_la.csv",
        CONCEPTIONS.url,
    ),
]

# Context measures (fixtures/context-measures/, from the project's shared context-measures folder): none is
# about infants alone; every one covers children of all ages or the whole children's social work workforce.
CONTEXT_ALL_AGES = "These figures cover children of all ages, not infants alone."
CIN_RATES = Source(
    "Department for Education: Children in need, reporting year 2025 release, published rates per 10,000 "
    "children as held in the Local Authority Interactive Tool (LAIT), 2016 to 2025",
    OGL,
    "Children in need, children on a child protection plan (at 31 March), plans starting, referrals, section 47 "
    "enquiries and initial child protection conferences (in the year April to March), each per 10,000 children "
    "aged under 18 as DfE publishes it (ONS mid-year estimates). A plan counts unborn children and "
    "17-year-olds alike. " + CONTEXT_ALL_AGES,
    "https://explore-education-statistics.service.gov.uk/find-statistics/children-in-need",
)
WORKFORCE = Source(
    "Department for Education: Children's social work workforce, reporting year 2025 release "
    "(csww_indicators_2017_to_2025), 2017 to 2025",
    OGL,
    "Children and family social workers at 30 September (full-time equivalent, FTE); turnover = FTE leavers in "
    "the year to 30 September over FTE in post; agency rate = agency FTE over agency plus employed FTE; vacancy "
    "rate = vacancy FTE over vacancy plus in-post FTE; average caseload = cases over case-holding FTE, agency "
    "workers included. The workforce of all children's social work, not of work with infants.",
    "https://explore-education-statistics.service.gov.uk/find-statistics/children-s-social-work-workforce",
)
LOW_INCOME = Source(
    "Department for Work and Pensions and HM Revenue and Customs: Children in low income families, local area "
    "statistics, as held in DfE's Local Authority Interactive Tool, financial years ending 2022 to 2025",
    OGL + " (DWP)",
    "Percentage of children aged under 16 in low income families, before housing costs. LAIT's dictionary does "
    "not say whether this is relative or absolute low income.",
    CAFCASS.url,
)
CLA_CHARACTERISTICS = Source(
    "Department for Education: Children looked after in England including adoptions, reporting year 2025 "
    "release, children looked after at 31 March by placement type and by ethnicity, 2021 to 2025",
    OGL,
    "DfE's published percentages of each local authority's children looked after at 31 March (all ages) in each "
    "placement type and each ethnic group, and the number of children looked after. Family centres and mother "
    "and baby units are not published separately: they are inside 'Other placements'. [k] is a percentage under "
    "0.5. " + CONTEXT_ALL_AGES,
    "https://explore-education-statistics.service.gov.uk/find-statistics/children-looked-after-in-england-including-adoptions",
)
CONTEXT_FILES = "fixtures/context-measures/ (README.md, sources.json with SHA-256 of every original file)"
DATASETS += [
    Dataset(
        CIN_RATES.title,
        "Department for Education (DfE)",
        "Children in need, reporting year 2025; rates from LAIT (10-year window, so 2016 onwards)",
        OGL,
        OGL_STATEMENT + " Source: Department for Education (Children in need; Local Authority Interactive Tool).",
        CIN_RATES.definition,
        "Not about infants: no open LA-level table of unborn children on plans or under s47 enquiries was found. "
        "Rates before 2016 were not found. Gaps are DfE's own: Hackney 2021 and 2022 (x), Hampshire 2024 (u); "
        "'-' where LAIT holds no value (authorities that did not exist that year, suppressed cells).",
        CONTEXT_FILES + "; england_cin_cpp_rates_la_lait.csv",
        CIN_RATES.url,
    ),
    Dataset(
        WORKFORCE.title,
        "Department for Education (DfE)",
        "Children's social work workforce, reporting year 2025",
        OGL,
        OGL_STATEMENT + " Source: Department for Education, Children's social work workforce.",
        WORKFORCE.definition,
        "Kingston upon Thames and Richmond upon Thames make one joint return, and so do North and West "
        "Northamptonshire (2021-2025): both authorities are shown the joint figure, and correlations leave it out. "
        "Kensington and Chelsea and Westminster 2025 not available (x).",
        CONTEXT_FILES + "; england_social_work_workforce_la.csv",
        WORKFORCE.url,
    ),
    Dataset(
        LOW_INCOME.title,
        "Department for Work and Pensions (via DfE's Local Authority Interactive Tool)",
        "LAIT, financial years ending 2022 to 2025 (DWP re-based the series, so LAIT keeps 2022 onwards)",
        LOW_INCOME.licence,
        OGL_STATEMENT + " Source: Department for Work and Pensions, Children in low income families: local area "
        "statistics (via DfE Local Authority Interactive Tool).",
        LOW_INCOME.definition,
        "Children aged under 16, not infants. Relative or absolute low income: not stated in LAIT's dictionary.",
        CONTEXT_FILES + "; england_lait_other_context_la.csv",
        LOW_INCOME.url,
    ),
]

DATASETS += [
    Dataset(
        CLA_CHARACTERISTICS.title,
        "Department for Education (DfE)",
        "Children looked after in England including adoptions, reporting year 2025 (LA file "
        "la_cla_on_31_march_by_characteristics, read through DfE's children's social care dashboard data)",
        OGL,
        OGL_STATEMENT + " Source: Department for Education, Children looked after in England including adoptions.",
        CLA_CHARACTERISTICS.definition,
        "All ages, England only: no local authority table of placement type or ethnicity for infants is published. "
        "The dashboard's data leave out Cumbria 2021-2023 and Northamptonshire 2021. Percentages are DfE's own, "
        "rounded to whole numbers.",
        CONTEXT_FILES + "; england_cla_31march_placements_ethnicity_subset.csv (rows of the shared file kept by "
        "subset_cla_placements.py)",
        CLA_CHARACTERISTICS.url,
    ),
]
