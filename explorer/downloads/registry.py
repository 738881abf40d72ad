"""
The one list of downloadable measures. Each `Download` names its file, says what a row means, points at
its sources in explorer/sources.py (never restated) and builds its rows. The data package, the downloads
page and the file addresses are all generated from this list, so a new measure is one entry here.
"""

from .. import sources
from ..models import (
    CafcassRate,
    ChildrenLookedAfter,
    InfantCareFigure,
    LegalStatusFigure,
    LiveBirths,
    Under18Conception,
)
from . import measures
from .context import context_download
from .tidy import Download, year_span

REPORTING_YEAR = "Reporting year ending 31 March (2025 = April 2024 to March 2025)."

DOWNLOADS: list[Download] = [
    Download(
        "under-1-children-starting-to-be-looked-after-by-local-authority",
        "Infants (under 1) starting to be looked after, by local authority, region and England",
        "Children who started to be looked after during the year aged under 1, children of all ages starting in "
        "the same publication, the live births paired with each reporting year, and this site's rate per 10,000 "
        "live births (only for years with paired births).",
        REPORTING_YEAR,
        (sources.DFE_STARTS, sources.BIRTHS),
        (measures.UNDER_1_STARTS, measures.ALL_AGES_STARTS, measures.UNDER_1_BIRTHS, measures.UNDER_1_RATE),
        measures.under_1_starts,
        years=year_span(InfantCareFigure.objects.filter(measure=InfantCareFigure.Measure.STARTS)),
    ),
    Download(
        "under-1-children-looked-after-on-31-march-england",
        "Infants (under 1) looked after on 31 March, England",
        "Children looked after on 31 March aged under 1, with all ages from the same publication.",
        REPORTING_YEAR,
        (sources.DFE_AT_31_MARCH,),
        (measures.UNDER_1_AT_31_MARCH, measures.ALL_AGES_AT_31_MARCH),
        measures.under_1_at_31_march("England"),
        years=year_span(
            InfantCareFigure.objects.filter(measure=InfantCareFigure.Measure.AT_31_MARCH, country="England")
        ),
    ),
    Download(
        "under-1-children-looked-after-on-31-march-wales",
        "Infants (under 1) looked after on 31 March, Wales",
        "Children looked after on 31 March aged under 1 (boys plus girls, each rounded to 5 by StatsWales), "
        "with all ages.",
        REPORTING_YEAR,
        (sources.STATSWALES,),
        (measures.UNDER_1_AT_31_MARCH, measures.ALL_AGES_AT_31_MARCH),
        measures.under_1_at_31_march("Wales"),
        years=year_span(InfantCareFigure.objects.filter(measure=InfantCareFigure.Measure.AT_31_MARCH, country="Wales")),
    ),
    Download(
        "care-applications-per-10000-children-by-local-authority",
        "Cafcass care applications per 10,000 children aged 0-17, by local authority",
        "Care applications (care orders only) per 10,000 children of all ages, not infants.",
        "Year the financial year ends in (2025 = April 2024 to March 2025); period gives the financial year.",
        (sources.CAFCASS,),
        (measures.CARE_APPLICATIONS,),
        measures.care_applications,
        years=year_span(CafcassRate.objects),
    ),
    Download(
        "live-births-by-local-authority",
        "Live births by mother's area of usual residence",
        "ONS live births in the calendar year: the denominator of every rate per 10,000 live births.",
        "Calendar year of birth.",
        (sources.BIRTHS,),
        (measures.LIVE_BIRTHS,),
        measures.live_births,
        years=year_span(LiveBirths.objects),
    ),
    Download(
        "children-looked-after-all-ages-by-local-authority",
        "Children of all ages starting, looked after on 31 March and ceasing to be looked after, England",
        "DfE's published counts and rates per 10,000 children aged 0-17.",
        REPORTING_YEAR,
        (sources.CLA_RATES,),
        tuple(measure for pair in measures.CLA_MEASURES.values() for measure in pair),
        measures.children_looked_after,
        years=year_span(ChildrenLookedAfter.objects),
    ),
    Download(
        "children-looked-after-by-legal-status-by-local-authority",
        "Children of all ages by legal status, starting to be looked after and on 31 March, England",
        "Children of all ages (no breakdown for infants is published by local authority) by legal status.",
        REPORTING_YEAR,
        (sources.LEGAL_STATUS,),
        tuple(measures.LEGAL_STATUS_MEASURES.values()),
        measures.legal_status,
        years=year_span(LegalStatusFigure.objects, code_field="la_code"),
    ),
    Download(
        "under-18-conception-rate-by-local-authority",
        "Under-18 conceptions per 1,000 girls aged 15 to 17, by local authority",
        "A proxy for young parenthood, not births by mother's age.",
        "Calendar year of conception.",
        (sources.CONCEPTIONS,),
        (measures.CONCEPTIONS,),
        measures.conceptions,
        years=year_span(Under18Conception.objects, code_field="la_code"),
    ),
]

DOWNLOADS += [
    context_download(
        "children-in-need-and-child-protection-rates-by-local-authority",
        "Children in need, referrals, section 47 enquiries and child protection plans per 10,000 children",
        "Year ending 31 March (period gives the count date or the year the figure covers).",
        sources.CIN_RATES,
    ),
    context_download(
        "childrens-social-work-workforce-by-local-authority",
        "Children and family social workers: turnover, agency workers, vacancies and caseloads",
        "Year of the 30 September count (2024 = at 30 September 2024).",
        sources.WORKFORCE,
    ),
    context_download(
        "children-in-low-income-families-by-local-authority",
        "Children aged under 16 in low income families (before housing costs)",
        "Year the financial year ends in (period gives it in words).",
        sources.LOW_INCOME,
    ),
    context_download(
        "children-looked-after-by-placement-type-and-ethnicity-by-local-authority",
        "Children looked after at 31 March by placement type and by ethnicity (DfE percentages, all ages)",
        "Year of the 31 March count (2025 = at 31 March 2025).",
        sources.CLA_CHARACTERISTICS,
    ),
]


def by_file_name(name: str):
    """The download offered now under this file name, or None."""
    return next((download for download in DOWNLOADS if download.file_name() == name), None)
