"""
"Examine your own data": anyone uploads a CSV of their area's under-1 figures (the same measure as the
published ones), which is checked row by row and, only if every row is good (all-or-nothing), placed
on the same funnel plot and trend as the published figures, and then forgotten: nothing from it is
written to the database or to disk.

The example file uses two clearly fictional areas (codes X99000001 and X99000002), never a real
authority, because its numbers are invented.
"""

from dataclasses import dataclass
from urllib.parse import quote

from django import forms
from django.http import HttpResponse
from django.shortcuts import render

from catalogue.models import LocalAuthority

from ..charts.chart import Chart
from ..charts.plots import Series, line_svg
from ..figures import under_one
from ..figures.under_one import UnderOneFigure
from ..formatting import fmt_count, fmt_rate, year_label
from ..models import ENGLAND_CODE, InfantCareFigure
from ..sources import BIRTHS, DFE_STARTS, own_data_source
from ..uploads import MAX_UPLOAD_BYTES, UploadFormat, read_upload
from .outliers import funnel
from .state import PageState

MAX_TREND_AREAS = 5


@dataclass(frozen=True)
class FictionalArea:
    """An invented area for the example file: not a real place, and its code cannot be a real GSS code."""

    ons_code: str
    name: str
    country: str = "England"


FICTIONAL_AREAS = (
    FictionalArea("X99000001", "Exampleton (fictional)"),
    FictionalArea("X99000002", "Sampleford (fictional)"),
)
OWN_FORMAT = UploadFormat(count_column="starts_under1", optional=("live_births",), extra_areas=FICTIONAL_AREAS)


class OwnDataForm(forms.Form):
    file = forms.FileField(
        label="Your CSV or Excel file",
        help_text=f"Columns: la_code, year, starts_under1 (optional: live_births). UTF-8 CSV or Excel (.xlsx), up to "
        f"{MAX_UPLOAD_BYTES // (1024 * 1024)} MB.",
    )


def reporting_year(row) -> int:
    """'2023' means the year ending 31 March 2023; '2022/23' or '2022 to 2023' the same year."""
    return row.year + 1 if row.year_is_period else row.year


def own_figures(rows, births) -> list[UnderOneFigure]:
    """The uploaded rows as figures: their own live births if given, otherwise ONS births for the paired year."""
    result = []
    for row in rows:
        year = reporting_year(row)
        area = row.local_authority
        row_births = row.live_births or births.get((area.ons_code, under_one.births_year_for(year)))
        result.append(
            UnderOneFigure(
                area.ons_code,
                area.name,
                year,
                InfantCareFigure.Measure.STARTS,
                row.starts_under1,
                "",
                row_births,
                None,
                country=area.country,
                own_data=True,
            )
        )
    return result


def with_data_uri(chart):
    """Uploaded figures are not stored, so their CSV download is carried in the link itself."""
    chart.download_href = "data:text/csv;charset=utf-8," + quote(chart.csv_text())
    return chart


def your_data(request):
    state = PageState(request)
    form = OwnDataForm(request.POST, request.FILES) if request.method == "POST" else OwnDataForm()
    context = {"form": form, "report": None, "charts": [], "fictional_areas": FICTIONAL_AREAS}
    if request.method == "POST" and form.is_valid():
        report = read_upload(form.cleaned_data["file"], OWN_FORMAT)
        context["report"] = report
        if report.is_valid:  # all-or-nothing: a file with any bad row is not plotted at all
            figures = own_figures(report.rows, under_one.births_by_code_year())
            context["charts"] = own_data_charts(figures)
            context["without_births"] = [f for f in figures if not f.births]
    return render(request, "explorer/your_data.html", state.context(**context))


def own_data_charts(own: list[UnderOneFigure]) -> list[Chart]:
    published = under_one.figures(InfantCareFigure.Measure.STARTS)
    replaced = {(f.area_code, f.year) for f in own}
    merged = [f for f in published if (f.area_code, f.year) not in replaced] + own
    names = dict(LocalAuthority.objects.values_list("ons_code", "name"))
    sources = [own_data_source(), DFE_STARTS, BIRTHS]
    charts = []
    published_years = {f.year for f in published if f.area_code == ENGLAND_CODE and f.rate is not None}
    own_years = sorted({f.year for f in own if f.rate is not None and f.year in published_years})
    if own_years:
        chart = funnel(merged, own_years[-1], names=names, sources=sources, own_label="your figures")
        chart.slug = "your-funnel"
        charts.append(chart)
    codes = list(dict.fromkeys(f.area_code for f in own))
    for code in codes[:MAX_TREND_AREAS]:
        charts.append(own_trend(code, [f for f in own if f.area_code == code], published, sources))
    return [with_data_uri(chart) for chart in charts if chart.rows]


def own_trend(code, own, published, sources) -> Chart:
    """Your figures beside the published figures for the same area and England, as rates per 10,000 births."""
    name = own[0].area_name
    published_own = {f.year: f for f in published if f.area_code == code}
    england = {f.year: f for f in published if f.area_code == ENGLAND_CODE}
    mine = {f.year: f for f in own}
    years = sorted(set(mine) | {y for y, f in published_own.items() if f.rate is not None})
    lines = [
        Series(f"{name}: your figures", [(y, mine[y].rate if y in mine else None) for y in years]),
        Series(f"{name}: published", [(y, published_own[y].rate if y in published_own else None) for y in years]),
        Series("England: published", [(y, england[y].rate if y in england else None) for y in years]),
    ]
    rows = [
        [
            year_label(y),
            fmt_count(mine[y].count) if y in mine else "",
            fmt_count(mine[y].births) if y in mine else "",
            *[fmt_rate(dict(line.points).get(y)) for line in lines],
        ]
        for y in years
    ]
    title = f"{name} (your figures) beside the published figures"
    summary = (
        f"Your figures for {name} as a rate per 10,000 live births, beside the published DfE figures for the "
        "same area (where it is a real authority) and England. " + under_one.PAIRING
    )
    svg = line_svg(
        title, summary, lines, x_labels={y: year_label(y) for y in years}, y_label="Rate per 10,000 live births"
    )
    return Chart(
        f"your-trend-{code}",
        title,
        summary,
        svg,
        ["Year (April to March)", "Your under-1 starts", "Live births used", *[f"{line.name}: rate" for line in lines]],
        rows,
        sources,
    )


EXAMPLE_CSV = (
    "la_code,year,starts_under1,live_births\n"
    "X99000001,2020 to 2021,25,2400\nX99000001,2021 to 2022,31,2350\nX99000001,2022 to 2023,44,2300\n"
    "X99000002,2022 to 2023,9,1800\n"
)


def example_file(request):
    """A file in the expected layout, for two fictional areas. Its numbers are invented."""
    response = HttpResponse(EXAMPLE_CSV, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="example-fictional-areas-invented-figures.csv"'
    return response
