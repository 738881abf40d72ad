"""Every dataset the explorer shows, for the sources page: publisher, release, licence, attribution,
what it measures and its known limits (from fixtures/infant-care/ and fixtures/open-data/ READMEs)."""

from dataclasses import dataclass

OGL = "Open Government Licence v3.0"
OGL_ATTRIBUTION = "Contains public sector information licensed under the Open Government Licence v3.0."


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
        OGL_ATTRIBUTION + " Source: Department for Education, Children looked after in England including "
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
        OGL_ATTRIBUTION + " Source: Department for Education.",
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
        OGL_ATTRIBUTION + " Source: Welsh Government, StatsWales, Children looked after at 31 March by local "
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
        "Tool. " + OGL_ATTRIBUTION,
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
        OGL_ATTRIBUTION,
        "IMD average score and rank; IDACI score.",
        "England only; mostly 2015/16 data; no figure for areas whose boundaries changed since 2019.",
        "fixtures/open-data/imd2019_upper_tier.csv",
    ),
    Dataset(
        "Revenue Outturn, Social Care and Public Health (RO3)",
        "Ministry of Housing, Communities and Local Government",
        "2024-25",
        OGL,
        OGL_ATTRIBUTION,
        "Gross expenditure on children's social care by service line, £ thousand.",
        "England only; some returns not received; early-help spend only by proxy.",
        "fixtures/open-data/childrens_services_spend_2024_25.csv",
    ),
    Dataset(
        "Children looked after: rates per 10,000 children (population for spend per child)",
        "Department for Education",
        "Children looked after in England including adoptions, 2025",
        OGL,
        OGL_ATTRIBUTION,
        "Children looked after and population aged 0-17, by LA.",
        "England only.",
        "fixtures/open-data/children_looked_after_rates.csv",
    ),
    Dataset(
        "Local authority inspection outcomes (ILACS)",
        "Ofsted",
        "As at 31 March 2025",
        OGL,
        OGL_ATTRIBUTION,
        "Overall effectiveness and sub-judgements at the latest inspection.",
        "England only (Welsh services are inspected by Care Inspectorate Wales, not included).",
        "fixtures/open-data/ofsted_ilacs_judgements_2025.csv",
    ),
    Dataset(
        "Statistical neighbours",
        "Department for Education",
        "April 2021",
        OGL,
        OGL_ATTRIBUTION,
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
]
