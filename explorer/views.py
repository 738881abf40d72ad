"""
Public pages of the data explorer. Every chart page accepts `?dataset=<id>` (an earlier version),
`?year=<year>` where it applies, and `?download=<chart slug>` for the CSV of exactly that chart.
Unknown or malformed parameters are ignored with a notice, never an error.
"""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render

from catalogue.models import LocalAuthority, Region

from . import pages, relationships
from .chart import OGL_STATEMENT, OGL_URL
from .measures import area_rates, births_by_code_year, dataset_years, year_label
from .models import HeadlineFigure, NewbornDataset
from .profile import build_profile
from .statistics import is_suppressed


class ExplorerState:
    """The dataset and year a request asks for, with notices for anything that was ignored."""

    def __init__(self, request):
        self.request = request
        self.notices = []
        self.current = NewbornDataset.current()
        self.dataset = self.current
        raw = request.GET.get("dataset", "")
        if raw:
            chosen = NewbornDataset.objects.filter(pk=int(raw)).first() if raw.isdigit() else None
            if chosen is None:
                self.notices.append(f"There is no dataset '{raw[:40]}'; showing the current one.")
            else:
                self.dataset = chosen
        self.rates = area_rates(self.dataset) if self.dataset else []
        self.years = dataset_years(self.rates)

    def year(self):
        raw = self.request.GET.get("year", "")
        latest = self.years[-1] if self.years else None
        if not raw:
            return latest
        if raw.isdigit() and int(raw) in self.years:
            return int(raw)
        self.notices.append(f"There are no figures for the year '{raw[:20]}'; showing the latest year.")
        return latest

    def context(self, **extra):
        dataset = self.dataset
        years = [(year, year_label(dataset, year)) for year in self.years] if dataset else []
        return {"dataset": dataset, "current_dataset": self.current, "notices": self.notices,
                "year_choices": years, "is_old_version": dataset is not None and dataset != self.current,
                "ogl_statement": OGL_STATEMENT, "ogl_url": OGL_URL, **extra}


def respond(request, template, state, charts, **extra):
    """Render the page, or the CSV of one of its charts when `?download=<slug>` asks for it."""
    wanted = request.GET.get("download")
    if wanted:
        chart = next((chart for chart in charts if chart.slug == wanted and chart.rows), None)
        if chart is None:
            raise Http404("No chart of that name on this page.")
        response = HttpResponse(chart.csv_text(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{chart.csv_filename()}"'
        return response
    return render(request, template, state.context(charts=charts, **extra))


def overview(request):
    state = ExplorerState(request)
    figures = list(HeadlineFigure.objects.all())
    charts = [chart for chart in [pages.published_rates(figures)] if chart]
    if state.dataset:
        charts.append(pages.national_trend(state.dataset, state.rates))
    return respond(request, "explorer/overview.html", state, charts, headline_figures=figures)


def regions(request):
    state = ExplorerState(request)
    year = state.year()
    charts = [pages.regions_compared(state.dataset, state.rates, year)] if year else []
    return respond(request, "explorer/chart_page.html", state, charts, year=year, page_title="Regions compared",
                   lede="How the rate of newborns in care proceedings differs between regions.")


def funnel(request):
    state = ExplorerState(request)
    year = state.year()
    charts = [pages.funnel(state.dataset, state.rates, year)] if year else []
    return respond(request, "explorer/chart_page.html", state, charts, year=year, page_title="Outlier local authorities",
                   lede="A funnel plot shows which local authorities' rates differ from England's by more than "
                        "chance would explain, allowing for how many babies are born there.")


def relationships_view(request):
    state = ExplorerState(request)
    charts = [chart for chart in (relationships.cla_scatter(kind) for kind in ("imd", "spend", "ofsted")) if chart]
    if state.dataset:
        charts = [relationships.newborn_scatter(state.dataset, state.rates, kind)
                  for kind in ("imd", "spend", "ofsted")] + charts
    return respond(request, "explorer/chart_page.html", state, charts, page_title="Deprivation, spend and Ofsted",
                   lede="How rates relate to deprivation, spending on children's social care and Ofsted "
                        "judgements. A relationship between two measures does not show that one causes the other.")


def local_authorities(request):
    regions_with_las = Region.objects.filter(kind=Region.Kind.REGION).prefetch_related("local_authorities")
    return render(request, "explorer/local_authorities.html", {"regions": regions_with_las})


def local_authority(request, ons_code):
    authority = get_object_or_404(LocalAuthority.objects.select_related("region"), ons_code=ons_code.upper())
    state = ExplorerState(request)
    profile = build_profile(authority, state.dataset, state.rates)
    return respond(request, "explorer/local_authority.html", state, profile.charts, profile=profile,
                   authority=authority)


def datasets(request):
    return render(request, "explorer/datasets.html", {
        "datasets": NewbornDataset.objects.all(), "current_dataset": NewbornDataset.current()})


def dataset_detail(request, pk):
    dataset = get_object_or_404(NewbornDataset, pk=pk)
    births = births_by_code_year()
    rows = [(item, year_label(dataset, item.year), is_suppressed(item.count))
            for item in sorted(area_rates(dataset, births),
                               key=lambda item: (item.local_authority.name, item.year))]
    return render(request, "explorer/dataset_detail.html", {
        "dataset": dataset, "rows": rows, "current_dataset": NewbornDataset.current()})


def sources(request):
    return render(request, "explorer/sources.html", {
        "headline_figures": HeadlineFigure.objects.all(), "ogl_statement": OGL_STATEMENT, "ogl_url": OGL_URL,
        "datasets": NewbornDataset.objects.all()})
