"""
What a local authority's profile shows from this app: its family justice area (or candidate areas),
its legal-status mix over time against its region, statistical neighbours and England, and the
residential family centres registered in it. Every table downloads from its own URL.
"""

import re
from dataclasses import dataclass, field, replace

from catalogue.models import LocalAuthority

from ..figures import family_justice as family
from ..figures.versioned import RECENT_PLACES, kept_for_recent_arguments
from ..links import data_url
from ..models import AuthorityArea, ResidentialFamilyCentre, StatisticalNeighbour
from .legal_status import share_trend


@dataclass
class AuthorityPanel:
    authority: LocalAuthority
    link: AuthorityArea | None
    charts: list = field(default_factory=list)
    centres: list = field(default_factory=list)
    centres_year: int | None = None
    centre_history: list = field(default_factory=list)  # (year, CentreCount)
    predecessors: list = field(default_factory=list)  # names of the authorities whose court links were used

    @property
    def candidates(self):
        return list(self.link.candidates.all()) if self.link else []


def legal_status_charts(authority: LocalAuthority, comparator_codes=None, comparator_label="") -> list:
    """The legal-status trends; `comparator_codes` (a reader's choice) replace the statistical neighbours."""
    code = authority.ons_code
    region_codes = list(
        LocalAuthority.objects.filter(region=authority.region).exclude(ons_code=code).values_list("ons_code", flat=True)
    )
    if comparator_codes is None:
        neighbour_codes = list(
            StatisticalNeighbour.objects.filter(local_authority=authority).values_list("neighbour__ons_code", flat=True)
        )
    else:
        neighbour_codes = list(comparator_codes)
    charts = []
    for kind in family.SHARES:
        series = {authority.name: family.share_series(kind, [code])}
        if region_codes:
            series[f"Rest of {authority.region.name}"] = family.share_series(kind, region_codes)
        if neighbour_codes:
            series[comparator_label or "Statistical neighbours"] = family.share_series(kind, neighbour_codes)
        # England (DfE's national row) is added last by share_trend.
        chart = share_trend(kind, series, slug_suffix=code.lower(), title_place=authority.name)
        if comparator_codes is None:  # a reader's comparators download from the profile's own address instead
            chart.download_href = data_url("la_table", code, chart.slug)
        charts.append(chart)
    return charts


@kept_for_recent_arguments(RECENT_PLACES)
def default_panel(authority: LocalAuthority) -> "AuthorityPanel":
    """The panel against the statistical neighbours, once per content version and authority."""
    return build_panel(authority)


@kept_for_recent_arguments(RECENT_PLACES)
def chosen_panel(authority: LocalAuthority, comparator_codes: tuple[str, ...], label: str) -> "AuthorityPanel":
    """
    The panel against a reader's own comparators, kept for the comparisons last asked for (as the profile's). Only
    its charts follow the comparators: the area, the centres and their history are the default panel's.
    """
    return replace(default_panel(authority), charts=_panel_charts(authority, list(comparator_codes), label))


def _panel_charts(authority: LocalAuthority, comparator_codes, comparator_label) -> list:
    """The legal-status trends, which DfE publishes for England only."""
    return legal_status_charts(authority, comparator_codes, comparator_label) if authority.country == "England" else []


def build_panel(authority: LocalAuthority, comparator_codes=None, comparator_label="") -> AuthorityPanel:
    link = AuthorityArea.objects.filter(la_code=authority.ons_code).select_related("area").first()
    panel = AuthorityPanel(authority, link)
    if link and link.status == AuthorityArea.Status.PREDECESSOR:
        codes = re.findall(r"[EW]\d{8}", link.successor_note)
        names = dict(AuthorityArea.objects.filter(la_code__in=codes).values_list("la_code", "la_name"))
        panel.predecessors = [names.get(code, code) for code in codes]
    panel.charts = _panel_charts(authority, comparator_codes, comparator_label)
    years = family.centre_years()
    panel.centres_year = years[-1] if years else None
    panel.centres = list(
        ResidentialFamilyCentre.objects.filter(year=panel.centres_year, la_code=authority.ons_code).order_by("name")
    )
    counts = family.centres_by(lambda centre: centre.la_code)
    panel.centre_history = [(year, counts.get((authority.ons_code, year), family.CentreCount())) for year in years]
    return panel
