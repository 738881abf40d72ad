"""
The whole evidence map as CSV: one row per intervention, two columns (studies, strongest design)
per outcome, built in chunks of rows so memory stays flat.

The task worker builds it (evidencemap/tasks.py), never a visitor's request: the whole map after each
publish, and a filtered map the first time someone asks for it. Until it is built the visitor gets the
file as it was at the previous content version, or a 503 "being prepared" with Retry-After. Its links
and its key come from SITE_BASE_URL and the known filter values only, never from the request's Host.
"""

import csv
from collections import defaultdict
from urllib.parse import urlencode

from django.conf import settings
from django.http import FileResponse
from wagtail.models import Site

from catalogue.caches import content_version
from catalogue.io.built_files import BuiltFiles, being_prepared
from catalogue.io.spreadsheets import safe_row
from catalogue.models import Outcome

from .filters import MapFilters
from .matrix import area_links, matching_interventions, tally_cells

CHUNK_ROWS = 2000
RETRY_SECONDS = 10
matrix_files = BuiltFiles("evidence-map-csv", suffix=".csv")


class _Echo:
    """csv.writer writes to this and gets each line back, so rows can be yielded one at a time."""

    def write(self, value):
        return value


def matrix_csv_response(filters: MapFilters):
    """The built file for these filters (this version's, else the previous one), or 503 while it is built."""
    from .tasks import request_matrix_csv

    version = content_version()
    key = file_key(filters)
    found = matrix_files.find_latest(key, version)
    if found is None or found.version != version:
        request_matrix_csv(key, version)
        found = matrix_files.find_latest(key, version)  # built already if a test runs tasks at once
    if found is None:
        message = "The evidence-map CSV for these filters is being prepared. Please try again in a few seconds."
        return being_prepared(message, RETRY_SECONDS)
    response = FileResponse(found.path.open("rb"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="evidence-map.csv"'
    response["X-Content-Version"] = str(found.version)
    return response


def build_matrix_csv(filters: MapFilters, version: int) -> None:
    """Write the file for these filters and this version (run by the task worker)."""
    site = Site.objects.select_related("root_page").filter(is_default_site=True).first()
    site_root = site.root_page.url_path if site else None
    lines = matrix_csv_lines(filters, settings.SITE_BASE_URL.rstrip("/"), site_root)
    matrix_files.write(file_key(filters), version, lines)


def file_key(filters: MapFilters) -> str:
    """The filters in a fixed order (known values only: MapFilters drops the rest), so ?a&b and ?b&a share a file."""
    return urlencode(sorted(filters.params()))


def matrix_csv_lines(filters: MapFilters, origin: str, site_root: str | None):
    """The CSV's lines; three queries a chunk of CHUNK_ROWS interventions."""
    writer = csv.writer(_Echo())
    outcomes = list(Outcome.objects.all())
    header = ["intervention", "areas of practice", "url"]
    for outcome in outcomes:
        header += [f"{outcome.name}: studies", f"{outcome.name}: strongest design"]
    yield writer.writerow(safe_row(header))
    all_gaps = [0, ""] * len(outcomes)
    outcome_ids = [outcome.pk for outcome in outcomes]
    rows = list(matching_interventions(filters).order_by("pk").values_list("pk", "title", "url_path"))
    rows.sort(key=lambda row: row[1].casefold())  # the map's own A to Z (`map_rows`), the same on every database
    for start in range(0, len(rows), CHUNK_ROWS):
        chunk = rows[start : start + CHUNK_ROWS]
        ids = [pk for pk, _, _ in chunk]
        cells = tally_cells(filters, ids, outcomes, with_gaps=False)  # most cells are gaps: no object for them
        studied = {pk for pk, _ in cells}  # rows with any study; the rest are all gaps
        areas, members = area_links(filters, ids)
        area_names = defaultdict(list)
        for area_id, area in areas.items():
            for pk in members[area_id]:
                area_names[pk].append(area.name)
        for pk, title, url_path in chunk:
            url = origin + url_path[len(site_root) - 1 :] if site_root and url_path.startswith(site_root) else ""
            # Only these three cells hold editors' text; the rest are counts and the fixed tier names.
            line = safe_row([title, "; ".join(area_names[pk]), url])
            if pk in studied:
                for outcome_id in outcome_ids:
                    cell = cells.get((pk, outcome_id))
                    line += [cell.count, cell.tier.name] if cell else [0, ""]
            else:
                line += all_gaps
            yield writer.writerow(line)
