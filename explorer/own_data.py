"""
"Examine your own data": anyone uploads a CSV of their area's figures, which is read row by row
(same rules as editors' uploads), placed on the same funnel plot and trend as the published
figures, and then forgotten: nothing from it is written to the database or to disk.
"""

from urllib.parse import quote

from django import forms
from django.http import HttpResponse
from django.shortcuts import render

from .chart import BIRTHS, newborn_source, own_data_source
from .measures import AreaRate, area_rates, births_by_code_year
from .models import NewbornDataset
from .pages import funnel
from .profile import newborn_trend
from .uploads import MAX_UPLOAD_BYTES, read_upload
from .views import ExplorerState

MAX_TREND_AREAS = 5


class OwnDataForm(forms.Form):
    file = forms.FileField(
        label="Your CSV file",
        help_text=f"Columns: la_code, year, babies_under_one_week (optional: issued_within_7_days, "
                  f"babies_of_recurrent_mothers). UTF-8 CSV, up to {MAX_UPLOAD_BYTES // (1024 * 1024)} MB.")


def merge_own_rows(published: list[AreaRate], own_rows, births) -> list[AreaRate]:
    """The published rates with the user's rows in place of the same LA and year (not suppressed)."""
    own = {(row.local_authority.pk, row.year): row for row in own_rows}
    merged = [item for item in published if (item.local_authority.pk, item.year) not in own]
    merged += [AreaRate(row.local_authority, row.year, row.babies_under_one_week,
                        births.get((row.local_authority.ons_code, row.year)), own_data=True)
               for row in own.values()]
    return merged


def with_data_uri(chart):
    """Uploaded figures are not stored, so their CSV download is carried in the link itself."""
    chart.download_href = "data:text/csv;charset=utf-8," + quote(chart.csv_text())
    return chart


def your_data(request):
    state = ExplorerState(request)
    form = OwnDataForm(request.POST, request.FILES) if request.method == "POST" else OwnDataForm()
    context = {"form": form, "report": None, "charts": []}
    if request.method == "POST" and form.is_valid():
        report = read_upload(form.cleaned_data["file"])
        context["report"] = report
        if report.rows:
            context["charts"] = own_data_charts(state.dataset, report.rows)
            context["unmatched_births"] = [row for row in report.rows if not births_by_code_year().get(
                (row.local_authority.ons_code, row.year))]
    return render(request, "explorer/your_data.html", state.context(**context))


def own_data_charts(dataset: NewbornDataset | None, own_rows):
    births = births_by_code_year()
    published = area_rates(dataset, births) if dataset else []
    merged = merge_own_rows(published, own_rows, births)
    sources = [own_data_source(), BIRTHS] + ([newborn_source(dataset)] if dataset else [])
    charts = []
    own_years = sorted({row.year for row in own_rows if births.get((row.local_authority.ons_code, row.year))})
    if own_years and dataset:
        chart = funnel(dataset, merged, own_years[-1], sources=sources, own_label="your figures")
        chart.slug = "your-funnel"
        charts.append(chart)
    authorities = []
    for row in own_rows:
        if row.local_authority not in authorities:
            authorities.append(row.local_authority)
    for authority in authorities[:MAX_TREND_AREAS]:
        if dataset is None:
            break
        chart = newborn_trend(authority, dataset, merged, [])
        chart.title = chart.title.replace(authority.name, f"{authority.name} (your figures)", 1)
        chart.sources = sources
        chart.slug = f"your-trend-{authority.ons_code}"
        charts.append(chart)
    return [with_data_uri(chart) for chart in charts if chart.rows]


EXAMPLE_CSV = ("la_code,year,babies_under_one_week,issued_within_7_days,babies_of_recurrent_mothers\n"
               "E06000001,2019/20,12,7,5\nE06000001,2020/21,9,6,4\nE06000001,2021/22,11,,\n")


def example_file(request):
    """A file in the expected layout. Its numbers are invented; it shows the format only."""
    response = HttpResponse(EXAMPLE_CSV, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="example-layout-invented-figures.csv"'
    return response
