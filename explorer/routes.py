"""
The routes of the data page (explorer.models.DataPage): every page of the data wing, by name. Link to
them with `explorer.links.data_url(name, *args)` (`{% data_url %}` in templates), never a written path.
"""

from django.urls import path

from .pages import (
    board_report,
    centres,
    datasets,
    downloads,
    family_justice_areas,
    legal_status,
    local_authorities,
    outliers,
    overview,
    questions,
    regions,
    relationships,
    sources,
    your_data,
)

# (address beneath the page, view, name). A file name ends its address without a slash (see
# catalogue.extensions.RegisteredRoutesMixin), so its route is declared with one.
ROUTES = [
    ("", overview.overview, "overview"),
    ("regions/", regions.regions, "regions"),
    ("outliers/", outliers.outliers, "funnel"),
    ("relationships/", relationships.relationships, "relationships"),
    ("relationships/<slug:slug>/", relationships.relationship, "relationship"),
    ("local-authorities/", local_authorities.local_authorities, "local_authorities"),
    ("local-authorities/<str:ons_code>/", local_authorities.local_authority, "local_authority"),
    ("your-data/", your_data.your_data, "your_data"),
    ("your-data/example.csv/", your_data.example_file, "example_file"),
    ("datasets/", datasets.datasets, "datasets"),
    ("datasets/<int:pk>/", datasets.dataset_detail, "dataset_detail"),
    ("sources/", sources.sources, "sources"),
    ("downloads/", downloads.downloads, "downloads"),
    ("downloads/<str:file_name>/", downloads.download_file, "download_file"),
    ("datapackage.json/", downloads.datapackage, "datapackage"),
    ("questions/", questions.questions_page, "questions"),
    ("family-justice-areas/", family_justice_areas.area_index, "area_index"),
    ("family-justice-areas/<slug:slug>/", family_justice_areas.area_detail, "area_detail"),
    ("family-justice-areas/<slug:slug>/pack.zip/", family_justice_areas.area_pack, "area_pack"),
    ("family-justice-areas/<slug:slug>/board-report/", board_report.board_report, "board_report"),
    ("family-justice-areas/<slug:slug>/board-report.pdf/", board_report.board_report_pdf, "board_report_pdf"),
    ("family-justice/local-authorities/<str:ons_code>/<slug:slug>.csv/", family_justice_areas.la_table, "la_table"),
    ("legal-status/", legal_status.legal_status, "legal_status"),
    ("parent-and-child-units/", centres.parent_and_child_units, "centres"),
]
# The pages a search engine should know: every page without parameters, each profile, each area and its report.
SITEMAP_NAMES = ("regions", "funnel", "relationships", "local_authorities", "your_data", "datasets", "sources")
SITEMAP_NAMES += ("questions", "area_index", "legal_status", "centres", "downloads")


def _routed(view, name: str):
    """Wagtail calls a route's view as view(page, request, ...): the views take the request only."""

    def serve(page, request, *args, **kwargs):
        request.data_page, request.data_section = page, name  # for the editors' prose ({% data_lede %})
        return view(request, *args, **kwargs)

    serve.__name__ = serve.__qualname__ = view.__name__
    serve.__doc__ = view.__doc__
    return serve


def page_routes():
    return tuple(path(address, _routed(view, name), name=name) for address, view, name in ROUTES)


def sitemap_routes() -> list[tuple[str, tuple]]:
    """(route name, arguments) of every address beneath the data page that belongs in the sitemap."""
    from catalogue.models import LocalAuthority

    from .models import DfjArea
    from .pages.datasets import published_datasets
    from .pages.relationships import every_scatter

    routes = [(name, ()) for name in SITEMAP_NAMES]
    codes = LocalAuthority.objects.order_by("ons_code").values_list("ons_code", flat=True)
    slugs = DfjArea.objects.exclude(code="HIGH_COURT").order_by("slug").values_list("slug", flat=True)
    routes += [("local_authority", (code,)) for code in codes]
    routes += [("area_detail", (slug,)) for slug in slugs]
    routes += [("board_report", (slug,)) for slug in slugs]
    routes += [("relationship", (chart.slug,)) for chart in every_scatter()]
    routes += [("dataset_detail", (pk,)) for pk in published_datasets().order_by("pk").values_list("pk", flat=True)]
    return routes
