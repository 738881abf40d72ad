"""
What every page of /data/ shares: reading the year a request asks for (with a notice, never an error, for
anything it cannot use) and `respond()`, which renders a page or, for `?download=<slug>`, the CSV of
exactly one of its charts. Malformed or non-ASCII parameters ('²', '٢٠٢٣') are ignored with a notice.
"""

from django.http import Http404, HttpResponse
from django.shortcuts import render

from catalogue.io.numbers import parse_int
from website.site_url import absolute_url

from ..downloads.package import link_header
from ..figures.under_one import PAIRING
from ..formatting import year_label
from ..links import data_url
from ..sources import DERIVED_LINKS_CAVEAT, OGL_STATEMENT, OGL_URL, SUPPRESSED_NOTE

KNOWN_PARAMETERS = {"year", "download", "dataset", "compare"}  # compare: a profile's comparators


class PageState:
    """The year a request asks for, among `years` (the latest by default), with notices for anything ignored."""

    def __init__(self, request, years=(), *, default=None):
        self.request = request
        self.notices: list[str] = []
        self.years = list(years)
        latest = self.years[-1] if self.years else None
        self.year = default if default is not None else latest
        raw = request.GET.get("year", "")
        if raw:
            chosen = parse_int(raw)
            if chosen in self.years:
                self.year = chosen
            elif not self.years:
                self.notices.append(f"This page has no choice of year; 'year={raw[:20]}' was ignored.")
            else:
                shown = year_label(self.year) if self.year else "none"
                self.notices.append(f"There are no figures for the year '{raw[:20]}'; showing {shown}.")
        if request.GET.get("dataset", ""):
            self.notices.append(
                "The explorer now shows published figures only; the 'dataset' parameter was "
                "ignored. Uploaded newborn datasets are listed under 'all versions'."
            )
        unknown = sorted(set(request.GET) - KNOWN_PARAMETERS)
        if unknown:
            self.notices.append("Ignored unknown parameter(s): " + ", ".join(name[:30] for name in unknown[:5]) + ".")

    def context(self, **extra):
        return {
            "notices": self.notices,
            "year": self.year,
            "year_label": year_label(self.year) if self.year else "",
            "year_choices": [(year, year_label(year)) for year in self.years],
            "ogl_statement": OGL_STATEMENT,
            "ogl_url": OGL_URL,
            "suppressed_note": SUPPRESSED_NOTE,
            "pairing": PAIRING,
            "caveat": DERIVED_LINKS_CAVEAT,
            **extra,
        }


def csv_response(chart) -> HttpResponse:
    """A chart's CSV; its sources and licences in the Link header (explorer.downloads.package.link_header)."""
    response = HttpResponse(chart.csv_text(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{chart.csv_filename()}"'
    response["Link"] = link_header(chart.sources, absolute_url(data_url("sources")))
    return response


def respond(request, template, state, charts, *, downloadable=(), **extra):
    """Render the page, or the CSV of one of its charts (or of `downloadable` ones an include draws on it)
    when `?download=<slug>` asks for it."""
    charts = [chart for chart in charts if chart]
    wanted = request.GET.get("download")
    if wanted:
        chart = next((chart for chart in [*charts, *downloadable] if chart.slug == wanted and chart.rows), None)
        if chart is None:
            raise Http404("No chart or table of that name on this page.")
        return csv_response(chart)
    return render(request, template, state.context(charts=charts, **extra))


def chart_page(request, state, charts, page_title: str):
    """A page that is a title, the editors' opening paragraph and its charts (regions, outliers, relationships)."""
    return respond(request, "explorer/chart_page.html", state, charts, page_title=page_title)
