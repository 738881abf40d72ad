"""
/data/downloads/: the tidy, analysis-ready CSV files (one per measure, every area and year) and
/data/datapackage.json, the Frictionless Data Package describing them. A file name that is not offered
(misspelt, an old year span, non-ASCII) gets a 404 page that says so and lists the files there are.
"""

import json

from django.http import HttpResponse
from django.shortcuts import render

from website.site_url import absolute_url

from ..downloads.package import data_package, link_header
from ..downloads.registry import DOWNLOADS, by_file_name
from ..downloads.tidy import COLUMNS, csv_text
from ..links import data_url
from .state import PageState


def offered_files() -> list[tuple]:
    """(download, file name) for every tidy file, in the registry's order."""
    return [(download, download.file_name()) for download in DOWNLOADS]


def downloads(request, *, missing: str = ""):
    state = PageState(request)
    if missing:
        state.notices.append(
            f"There is no download called '{missing[:80]}'. The files offered now are listed below "
            "(a file's name ends with the years it covers, so it changes when a new year is published)."
        )
    context = state.context(files=offered_files(), columns=COLUMNS, missing=missing)
    return render(request, "explorer/downloads.html", context, status=404 if missing else 200)


def download_file(request, file_name):
    download = by_file_name(file_name)
    if download is None:
        return downloads(request, missing=file_name)
    response = HttpResponse(csv_text(download.table()), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{download.file_name()}"'
    response["Link"] = link_header(
        download.sources,
        absolute_url(data_url("downloads")),
        absolute_url(data_url("datapackage")),
    )
    return response


def datapackage(request):
    package = data_package(homepage=absolute_url(data_url("downloads")))
    response = HttpResponse(json.dumps(package, indent=2, ensure_ascii=False), content_type="application/json")
    response["Content-Disposition"] = 'inline; filename="datapackage.json"'
    return response
