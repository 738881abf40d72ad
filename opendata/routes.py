"""
Open-data routes of catalogue pages, registered through the catalogue's route hooks.

On the catalogue page: `export.csv`, `export.json` and `feed/` (each with the page's search
parameters), and the bibliography (`bibliography/`, `bibliography/export.<fmt>`,
`bibliography/<key>/cite.<fmt>`). On every entry page: `cite.<fmt>`, `references.<fmt>`,
`versions/<n>/` and `versions/<n>/cite.<fmt>`.
Wagtail's routing finds the page, so the routes follow the catalogue wherever editors put it.
"""

from django.urls import path

from . import bibliography, exports, feeds, views


def _export_csv(catalogue, request):
    return exports.export_csv(request)


def _export_json(catalogue, request):
    return exports.export_json(request)


def _feed(catalogue, request):
    return feeds.catalogue_feed(request, catalogue)


def _bibliography(catalogue, request):
    return bibliography.bibliography_page(request, catalogue)


def _bibliography_export(catalogue, request, fmt):
    return bibliography.bibliography_export(request, catalogue, fmt)


def _reference_cite(catalogue, request, key, fmt):
    return bibliography.reference_download(request, catalogue, key, fmt)


def _entry_references(entry, request, fmt):
    return bibliography.entry_references_download(request, entry.specific, fmt)


def _version(entry, request, number):
    return views.entry_version(request, entry.specific, number)


def _cite(entry, request, fmt, number=None):
    return views.cite_download(request, entry.specific, fmt, number)


# Read by the hook in wagtail_hooks.py: versions and citation files are open data, so a restricted
# entry has none, which is a 404 rather than a log-in prompt. (Exports and the feed list public
# entries only, whatever the catalogue page's own privacy.)
for _route in (_version, _cite, _entry_references):
    _route.public_only = True


def catalogue_routes():
    return [
        path("export.csv/", _export_csv, name="export_csv"),
        path("export.json/", _export_json, name="export_json"),
        path("feed/", _feed, name="feed"),
        path("bibliography/", _bibliography, name="bibliography"),
        path("bibliography/export.<str:fmt>/", _bibliography_export, name="bibliography_export"),
        path("bibliography/<slug:key>/cite.<str:fmt>/", _reference_cite, name="reference_cite"),
    ]


def entry_routes():
    return [
        path("cite.<str:fmt>/", _cite, name="cite"),
        path("references.<str:fmt>/", _entry_references, name="references_export"),
        path("versions/<int:number>/", _version, name="version"),
        path("versions/<int:number>/cite.<str:fmt>/", _cite, name="version_cite"),
    ]
