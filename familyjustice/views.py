"""
Public pages under /data/: family justice areas (index, one page each, printable, with a CSV of every
table and a ZIP pack), legal status, parent-and-child units, and "What we asked, what the data show".
Unknown area slugs are 404; malformed or unknown parameters are ignored with a notice, never an error.
"""

import io
import zipfile

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render

from catalogue.io.numbers import parse_int
from catalogue.models import LocalAuthority

from . import area_charts, areas, measures, national, profile, questions, under1
from .models import DfjArea
from .sources import DERIVED_LINKS_CAVEAT, PAIRING_NOTE, reporting_year


class PageState:
    """The year a request asks for, with notices for anything ignored."""

    def __init__(self, request, years: list[int], default: int | None):
        self.request = request
        self.notices: list[str] = []
        raw = request.GET.get("year", "")
        self.year = default
        if raw:
            chosen = parse_int(raw)
            if chosen in years:
                self.year = chosen
            elif not years:
                self.notices.append(f"This page has no choice of year; 'year={raw[:20]}' was ignored.")
            else:
                shown = reporting_year(default) if default else "none"
                self.notices.append(f"There are no figures for the year '{raw[:20]}'; showing {shown}.")
        known = {"year", "download"}
        unknown = sorted(set(request.GET) - known)
        if unknown:
            self.notices.append("Ignored unknown parameter(s): " + ", ".join(name[:30] for name in unknown[:5]) + ".")


def respond(request, template, state, charts, **context):
    """Render the page, or the CSV of one of its tables when `?download=<slug>` asks for it."""
    wanted = request.GET.get("download")
    if wanted:
        chart = next((chart for chart in charts if chart and chart.slug == wanted and chart.rows), None)
        if chart is None:
            raise Http404("No table of that name on this page.")
        response = HttpResponse(chart.csv_text(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{chart.csv_filename()}"'
        return response
    return render(
        request,
        template,
        {
            "notices": state.notices,
            "charts": [c for c in charts if c],
            "caveat": DERIVED_LINKS_CAVEAT,
            "pairing_note": PAIRING_NOTE,
            **context,
        },
    )


def _under1_state(request):
    years = under1.years_with_rates()
    return PageState(request, years, years[-1] if years else None), years


def area_index(request):
    state, years = _under1_state(request)
    pooled = areas.all_pooled(state.year)
    ranking = areas.ranked(pooled)
    charts = [
        area_charts.funnel_chart(None, pooled) if state.year else None,
        national.area_index_table(pooled, state.year),
    ]
    return respond(
        request,
        "familyjustice/area_index.html",
        state,
        charts,
        pooled=pooled,
        ranking=ranking,
        year=state.year,
        years=years,
        year_label=reporting_year(state.year) if state.year else "",
        unresolved=national.unresolved_links(),
    )


def area_context(area: DfjArea, year: int | None):
    members = areas.members_of(area)
    figures = under1.under1_figures(year) if year else {}
    areas.attach_figures(members, year, figures)
    pooled = areas.pool(area, members, year, figures.get(under1.ENGLAND_CODE))
    starts_year = measures.latest_shares("section-20")[0]
    at_31_march_year = measures.latest_shares("placed-with-parents")[0]
    centres_year = max(measures.centre_years(), default=None)
    charts = [
        area_charts.members_table(area.name, members),
        area_charts.under1_chart(pooled, members) if year else None,
        area_charts.funnel_chart(pooled, areas.all_pooled(year)) if year else None,
        area_charts.legal_status_table(area.name, members, starts_year, at_31_march_year),
        area_charts.centres_table(area.name, members, centres_year),
    ]
    return members, pooled, [chart for chart in charts if chart]


def area_detail(request, slug):
    area = get_object_or_404(DfjArea.objects.exclude(code="HIGH_COURT"), slug=slug)
    state, years = _under1_state(request)
    members, pooled, charts = area_context(area, state.year)
    return respond(
        request,
        "familyjustice/area_detail.html",
        state,
        charts,
        area=area,
        members=members,
        pooled=pooled,
        year=state.year,
        years=years,
        year_label=reporting_year(state.year) if state.year else "",
        courts=area.courts.all(),
    )


def area_pack(request, slug):
    """A ZIP of every table on the area's page (same builders, same data) with a README of sources."""
    area = get_object_or_404(DfjArea.objects.exclude(code="HIGH_COURT"), slug=slug)
    state, _ = _under1_state(request)
    _, _, charts = area_context(area, state.year)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as pack:
        for chart in charts:
            pack.writestr(chart.csv_filename(), chart.csv_text())
        pack.writestr("README.txt", national.pack_readme(area, charts, state.year))
    response = HttpResponse(buffer.getvalue(), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="born-into-care-{area.slug}.zip"'
    return response


def legal_status(request):
    state = PageState(request, [], None)
    charts = [
        national.infants_trend(),
        national.share_trend("section-20"),
        national.share_trend("placed-with-parents"),
        national.share_by_region("section-20"),
        national.share_by_region("placed-with-parents"),
    ]
    return respond(request, "familyjustice/legal_status.html", state, charts)


def parent_and_child_units(request):
    state, _ = _under1_state(request)
    charts = [
        national.centres_trend(),
        national.centres_by_region(),
        national.centres_by_judgement(),
        national.centres_by_authority(state.year),
    ]
    return respond(request, "familyjustice/centres.html", state, charts, year=state.year)


def questions_page(request):
    state, _ = _under1_state(request)
    sections = questions.build(state.year)
    trend = national.infants_trend()
    charts = [trend] + [chart for section in sections for chart in section.charts]
    return respond(
        request,
        "familyjustice/questions.html",
        state,
        charts,
        sections=sections,
        trend=trend,
        year=state.year,
        year_label=reporting_year(state.year) if state.year else "",
    )


def la_table(request, ons_code, slug):
    """The CSV of one family-justice table on a local authority's profile (the profile is the explorer's)."""
    authority = get_object_or_404(LocalAuthority.objects.select_related("region"), ons_code=ons_code.upper())
    chart = next((chart for chart in profile.legal_status_charts(authority) if chart.slug == slug), None)
    if chart is None or not chart.rows:
        raise Http404("No table of that name for this local authority.")
    response = HttpResponse(chart.csv_text(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{chart.csv_filename()}"'
    return response
