"""
The whole evidence map as CSV: one row per intervention, two columns (studies, strongest design)
per outcome. Built in chunks of rows, so memory stays flat, once per content version and filter
combination (catalogue.io.versioned_files), and streamed from disk after that.
"""

import csv
from collections import defaultdict

from django.http import FileResponse
from wagtail.models import Site

from catalogue.io.spreadsheets import safe_row
from catalogue.io.versioned_files import VersionedFiles
from catalogue.models import Outcome

from .filters import MapFilters
from .matrix import area_links, matching_interventions, tally_cells

CHUNK_ROWS = 2000
matrix_files = VersionedFiles("evidence-map-csv")


class _Echo:
    """csv.writer writes to this and gets each line back, so rows can be yielded one at a time."""

    def write(self, value):
        return value


def matrix_csv_response(request, filters: MapFilters) -> FileResponse:
    site_root = _site_root_path(request)
    origin = request.build_absolute_uri("/").rstrip("/")
    path = matrix_files.path(f"{origin}?{filters.query_string()}", lambda: matrix_csv_lines(filters, origin, site_root))
    response = FileResponse(path.open("rb"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="evidence-map.csv"'
    return response


def _site_root_path(request) -> str | None:
    site = Site.find_for_request(request)
    return site.root_page.url_path if site else None


def matrix_csv_lines(filters: MapFilters, origin: str, site_root: str | None):
    """The CSV's lines; three queries a chunk of CHUNK_ROWS interventions."""
    writer = csv.writer(_Echo())
    outcomes = list(Outcome.objects.all())
    header = ["intervention", "areas of practice", "url"]
    for outcome in outcomes:
        header += [f"{outcome.name}: studies", f"{outcome.name}: strongest design"]
    yield writer.writerow(safe_row(header))
    all_gaps = [0, ""] * len(outcomes)
    rows = list(matching_interventions(filters).order_by("title", "pk").values_list("pk", "title", "url_path"))
    for start in range(0, len(rows), CHUNK_ROWS):
        chunk = rows[start : start + CHUNK_ROWS]
        ids = [pk for pk, _, _ in chunk]
        cells = tally_cells(filters, ids, outcomes, with_gaps=False)  # most cells are gaps: no object for them
        areas, members = area_links(filters, ids)
        area_names = defaultdict(list)
        for area_id, area in areas.items():
            for pk in members[area_id]:
                area_names[pk].append(area.name)
        for pk, title, url_path in chunk:
            url = origin + url_path[len(site_root) - 1 :] if site_root and url_path.startswith(site_root) else ""
            # Only these three cells hold editors' text; the rest are counts and the fixed tier names.
            line = safe_row([title, "; ".join(area_names[pk]), url])
            if any((pk, outcome.pk) in cells for outcome in outcomes):
                for outcome in outcomes:
                    cell = cells.get((pk, outcome.pk))
                    line += [cell.count, cell.tier.name] if cell else [0, ""]
            else:
                line += all_gaps
            yield writer.writerow(line)
