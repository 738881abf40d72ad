"""
Public pages of the data explorer, on the real under-1 figures. Chart pages accept `?year=<year>`
where it applies and `?download=<chart slug>` for the CSV of exactly that chart. Unknown or malformed
parameters (including non-ASCII digits such as '²') are ignored with a notice, never an error.
"""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from wagtail import hooks

from catalogue.io.numbers import parse_int
from catalogue.models import LocalAuthority, Region

from . import pages, relationships, under_one
from .boundaries import former_authority_names
from .chart import OGL_STATEMENT, OGL_URL, SUPPRESSED_NOTE
from .models import HeadlineFigure, InfantCareFigure, NewbornDataset, PublishedQuote
from .profile import build_profile
from .sources import DATASETS
from .under_one import PAIRING, year_label

STARTS = InfantCareFigure.Measure.STARTS


class ExplorerState:
    """The year a request asks for, with notices for anything that was ignored."""

    def __init__(self, request, years=()):
        self.request = request
        self.notices = []
        self.years = list(years)
        if request.GET.get("dataset", ""):
            self.notices.append(
                "The explorer now shows published figures only; the 'dataset' parameter was "
                "ignored. Uploaded newborn datasets are listed under 'all versions'."
            )

    def year(self):
        raw = self.request.GET.get("year", "")
        latest = self.years[-1] if self.years else None
        if not raw:
            return latest
        year = parse_int(raw)
        if year in self.years:
            return year
        self.notices.append(f"There are no figures for the year '{raw[:20]}'; showing the latest year.")
        return latest

    def context(self, **extra):
        return {
            "notices": self.notices,
            "year_choices": [(year, year_label(year)) for year in self.years],
            "ogl_statement": OGL_STATEMENT,
            "ogl_url": OGL_URL,
            "suppressed_note": SUPPRESSED_NOTE,
            "pairing": PAIRING,
            **extra,
        }


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
    headline = list(HeadlineFigure.objects.all())
    national = under_one.figures(STARTS, level="National")
    at_31_march = under_one.figures(InfantCareFigure.Measure.AT_31_MARCH, level="National")
    charts = [pages.national_starts(national), pages.national_rate(national), pages.in_care_on_31_march(at_31_march)]
    published = pages.published_rates(headline)
    charts += [published] if published else []
    return respond(
        request,
        "explorer/overview.html",
        state,
        [chart for chart in charts if chart.rows],
        headline_figures=headline,
        quotes=PublishedQuote.objects.all(),
    )


def _region_names():
    return dict(Region.objects.filter(kind=Region.Kind.REGION, code__startswith="E12").values_list("code", "name"))


def regions(request):
    state = ExplorerState(request, under_one.years_with_births())
    year = state.year()
    figures = under_one.figures(STARTS, level="Regional") + under_one.figures(STARTS, level="National")
    names = _region_names()
    charts = [pages.regions_compared(figures, year, names), pages.regions_trend(figures, names)] if year else []
    return respond(
        request,
        "explorer/chart_page.html",
        state,
        charts,
        year=year,
        page_title="Regions compared",
        lede="How the rate of infants (under 1) entering care differs between England's regions.",
    )


def funnel(request):
    state = ExplorerState(request, under_one.years_with_births())
    year = state.year()
    charts = []
    if year:
        figures = under_one.figures(STARTS, year=year)
        names = {**former_authority_names(), **dict(LocalAuthority.objects.values_list("ons_code", "name"))}
        english = LocalAuthority.objects.filter(country="England").values_list("ons_code", flat=True)
        charts = [pages.funnel(figures, year, names=names, expected_codes=list(english))]
    return respond(
        request,
        "explorer/chart_page.html",
        state,
        charts,
        year=year,
        page_title="Outlier local authorities",
        lede="A funnel plot shows which local authorities' rates of infants entering care differ from "
        "England's by more than chance would explain, allowing for how many babies are born there.",
    )


def relationships_view(request):
    state = ExplorerState(request)
    charts = relationships.all_scatters()
    for more_charts in hooks.get_hooks(relationships.RELATIONSHIP_CHARTS_HOOK):
        charts += more_charts()  # e.g. family justice: legal status, centres, young parents
    return respond(
        request,
        "explorer/chart_page.html",
        state,
        charts,
        page_title="Deprivation, spend, Ofsted and Cafcass",
        lede="How the rate of infants entering care relates to deprivation, spending on children's social "
        "care, Ofsted judgements and Cafcass care applications. A relationship between two measures "
        "does not show that one causes the other.",
    )


def local_authorities(request):
    regions_with_las = Region.objects.filter(kind=Region.Kind.REGION).prefetch_related("local_authorities")
    return render(request, "explorer/local_authorities.html", {"regions": regions_with_las})


def local_authority(request, ons_code):
    authority = get_object_or_404(LocalAuthority.objects.select_related("region"), ons_code=ons_code.upper()[:9])
    state = ExplorerState(request)
    profile = build_profile(authority)
    return respond(
        request, "explorer/local_authority.html", state, profile.charts, profile=profile, authority=authority
    )


def published_datasets():
    """Editors' uploads of newborn care-proceedings figures; invented (synthetic) ones are never shown."""
    return NewbornDataset.objects.filter(is_synthetic=False)


def datasets(request):
    return render(
        request,
        "explorer/datasets.html",
        {"datasets": published_datasets(), "current_dataset": published_datasets().first()},
    )


def dataset_detail(request, pk):
    dataset = get_object_or_404(published_datasets(), pk=pk)
    births = under_one.births_by_code_year()
    rows = [
        (
            count,
            f"{count.year} to {count.year + 1}" if dataset.period_type == "financial" else str(count.year),
            births.get((count.local_authority.ons_code, count.year)),
        )
        for count in dataset.counts.select_related("local_authority").order_by("local_authority__name", "year")
    ]
    return render(
        request,
        "explorer/dataset_detail.html",
        {"dataset": dataset, "rows": rows, "current_dataset": published_datasets().first()},
    )


def sources(request):
    return render(
        request,
        "explorer/sources.html",
        {
            "datasets": DATASETS,
            "headline_figures": HeadlineFigure.objects.all(),
            "ogl_statement": OGL_STATEMENT,
            "ogl_url": OGL_URL,
            "uploads": published_datasets(),
            "pairing": PAIRING,
        },
    )
