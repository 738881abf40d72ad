"""
/data/family-justice-areas/: every Designated Family Judge area's pooled rate (index and funnel), one page
per area (printable) with a CSV of every table and a ZIP pack, and the CSV of a family-justice table on a
local authority's profile. Unknown area slugs are 404; malformed or unknown parameters get a notice.
"""

import io
import zipfile

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404

from catalogue.models import LocalAuthority

from ..charts.chart import Chart, table
from ..figures import areas, under_one
from ..figures import family_justice as family
from ..figures.under_one import PAIRING
from ..figures.versioned import RECENT_PLACES, kept_for_recent_arguments
from ..formatting import fmt_count, fmt_rate, year_label
from ..models import AuthorityArea, DfjArea
from ..sources import BIRTHS, DERIVED_LINKS_CAVEAT, DFE_STARTS, DFJ
from . import authority_panel
from . import family_justice_area_charts as area_charts
from .family_justice_area_funnel import funnel_chart
from .state import PageState, csv_response, respond


def _under1_state(request):
    return PageState(request, under_one.years_with_births())


def area_index(request):
    state = _under1_state(request)
    pooled = areas.all_pooled(state.year)
    ranking = areas.ranked(pooled)
    charts = [
        funnel_chart(None, pooled) if state.year else None,
        area_index_table(pooled, state.year),
    ]
    return respond(
        request,
        "explorer/family_justice/area_index.html",
        state,
        charts,
        pooled=pooled,
        ranking=ranking,
        unresolved=unresolved_links(),
    )


@kept_for_recent_arguments(RECENT_PLACES)
def area_context(area: DfjArea, year: int | None):
    members = areas.members_of(area)
    figures = under_one.under1_figures(year) if year else {}
    areas.attach_figures(members, year, figures)
    pooled, every_area = areas.pool_among_all(area, members, year, figures)
    starts_year = family.latest_shares("section-20")[0]
    at_31_march_year = family.latest_shares("placed-with-parents")[0]
    centres_year = max(family.centre_years(), default=None)
    charts = [
        area_charts.members_table(area.name, members),
        area_charts.under1_chart(pooled, members) if year else None,
        funnel_chart(pooled, every_area) if year else None,
        area_charts.legal_status_table(area.name, members, starts_year, at_31_march_year),
        area_charts.centres_table(area.name, members, centres_year),
    ]
    return members, pooled, [chart for chart in charts if chart]


def area_detail(request, slug):
    area = get_object_or_404(DfjArea.objects.exclude(code="HIGH_COURT"), slug=slug)
    state = _under1_state(request)
    members, pooled, charts = area_context(area, state.year)
    return respond(
        request,
        "explorer/family_justice/area_detail.html",
        state,
        charts,
        area=area,
        members=members,
        pooled=pooled,
        courts=area.courts.all(),
    )


def area_pack(request, slug):
    """A ZIP of every table on the area's page (same builders, same data) with a README of sources."""
    area = get_object_or_404(DfjArea.objects.exclude(code="HIGH_COURT"), slug=slug)
    state = _under1_state(request)
    _, _, charts = area_context(area, state.year)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as pack:
        for chart in charts:
            pack.writestr(chart.csv_filename(), chart.csv_text())
        pack.writestr("README.txt", pack_readme(area, charts, state.year))
    response = HttpResponse(buffer.getvalue(), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="born-into-care-{area.slug}.zip"'
    return response


def la_table(request, ons_code, slug):
    """The CSV of one family-justice table on a local authority's profile (the profile is the explorer's)."""
    authority = get_object_or_404(LocalAuthority.objects.select_related("region"), ons_code=ons_code.upper()[:9])
    chart = next((chart for chart in authority_panel.legal_status_charts(authority) if chart.slug == slug), None)
    if chart is None or not chart.rows:
        raise Http404("No table of that name for this local authority.")
    return csv_response(chart)


NO_FIGURE = "no figure"


def area_index_row(item) -> list[str]:
    """One area's row; an area with no authority pooled has no figure, which is shown as such, never as 0."""
    if not item.authorities:
        figures = [NO_FIGURE] * 5
    else:
        positions = [item.position or "", item.adjusted_position or ""]
        figures = [fmt_count(item.count), fmt_count(item.births), fmt_rate(item.rate), *positions]
    return [item.area.name, item.area.hmcts_region, str(item.authorities), *figures]


def area_index_table(pooled_areas, year) -> Chart:
    ordered = sorted(pooled_areas, key=lambda item: item.area.name)
    rows = [area_index_row(item) for item in ordered]
    label = year_label(year) if year else ""
    title = f"Family justice areas: infants entering care, {label}"
    summary = "Each area's pooled rate: its authorities' infants entering care over their live births."
    columns = [
        "Family justice area",
        "HMCTS region",
        "Local authorities pooled",
        f"Infants starting care aged under 1, {label}",
        f"Live births, {year - 1 if year else ''}",
        "Rate per 10,000 live births",
        "Against England (exact Poisson limits, chance only)",
        "Against England (allowing for over-dispersion)",
    ]
    notes = [PAIRING]
    empty = [item.area.name for item in ordered if not item.authorities]
    if empty:
        notes.append(
            f"{NO_FIGURE.capitalize()} (not 0) for "
            + ", ".join(empty)
            + ": none of the area's local authorities has both a published count of infants entering care "
            "and a live-births figure for this year (the measure is published for England only, so Welsh "
            "areas have none), or its authorities' cases go to courts in several areas."
        )
    return table("areas", title, summary, columns, rows, [DFE_STARTS, BIRTHS, DFJ], notes)


def unresolved_links():
    return AuthorityArea.objects.exclude(
        status__in=[AuthorityArea.Status.SINGLE, AuthorityArea.Status.SINGLE_MAPPED, AuthorityArea.Status.PREDECESSOR]
    ).prefetch_related("candidates")


def pack_readme(area, charts, year) -> str:
    lines = [
        f"Born into Care: {area.name} family justice area",
        "",
        f"Figures for {year_label(year)} where a year applies." if year else "",
        "",
        "Files:",
    ]
    lines += [f"- {chart.csv_filename()}: {chart.title}" for chart in charts]
    lines += ["", "Each CSV file holds its table only; the sources and licences of every file are listed below."]
    lines += [
        "",
        "Caveats:",
        f"- {DERIVED_LINKS_CAVEAT}",
        f"- {PAIRING}",
        "- [c] suppressed, [x] not available: never zero.",
        "",
        "Sources and licences:",
    ]
    seen = []
    for chart in charts:
        for source in chart.sources:
            if source.title not in seen:
                seen.append(source.title)
                lines.append(f"- {source.title}. Licence: {source.licence}. {source.url}")
    lines += [
        "",
        "Contains public sector information licensed under the Open Government Licence v3.0.",
        "Derived from HM Courts & Tribunals Service reference data, (c) HMCTS, MIT licence.",
    ]
    return "\n".join(lines) + "\n"
