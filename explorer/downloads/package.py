"""
The Frictionless Data Package (https://specs.frictionlessdata.io/data-package/) describing every tidy
download: each file's schema (field names, types, the codes its `measure` column may hold), its sources
and its licences, all read from `registry.DOWNLOADS` and explorer/sources.py. Paths are relative to the
package, which is served beside the files, so a downloaded copy validates offline.
"""

from urllib.parse import quote

from ..sources import HMCTS_LICENCE, MIT_URL, OGL, OGL_STATEMENT, OGL_URL, Source
from .registry import DOWNLOADS
from .tidy import COLUMNS, SUPPRESSION_MARKERS

PACKAGE_NAME = "born-into-care-infants-in-care"
FILES_FOLDER = "downloads"


def licence(source: Source) -> dict:
    """A Frictionless licence for a source's licence statement (the statement itself is its title)."""
    if source.licence.startswith(OGL):
        return {"name": "OGL-UK-3.0", "path": OGL_URL, "title": source.licence}
    if source.licence == HMCTS_LICENCE:
        return {"name": "MIT", "path": MIT_URL, "title": source.licence}
    return {"name": "other", "title": source.licence}


def source_entry(source: Source) -> dict:
    entry = {"title": source.title}
    if source.url:
        entry["path"] = source.url
    return entry


def schema(download) -> dict:
    fields = []
    for name, kind, description in COLUMNS:
        field = {"name": name, "type": kind, "description": description}
        if name == "measure":
            field["constraints"] = {"required": True, "enum": [measure.code for measure in download.measures]}
            field["description"] += " " + "; ".join(f"{m.code}: {m.description}" for m in download.measures) + "."
        elif name == "year":
            field["description"] = download.year_meaning
            field["constraints"] = {"required": True}
        elif name == "suppression_flag":
            field["constraints"] = {"enum": [f"[{marker}]" for marker in SUPPRESSION_MARKERS]}
        elif name in ("area_code", "area_name", "period", "unit"):
            field["constraints"] = {"required": True}
        fields.append(field)
    return {"fields": fields, "missingValues": [""], "primaryKey": ["area_code", "year", "measure"]}


def resource(download) -> dict:
    return {
        "name": download.stem,
        "path": f"{FILES_FOLDER}/{download.file_name()}",
        "title": download.title,
        "description": download.description,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": schema(download),
        "sources": [source_entry(source) for source in download.sources],
        "licenses": _unique([licence(source) for source in download.sources]),
    }


def data_package(homepage: str = "") -> dict:
    resources = [resource(download) for download in DOWNLOADS]
    package = {
        "name": PACKAGE_NAME,
        "title": "Born into Care: infants in care and related measures, by area and year (tidy CSV files)",
        "description": "One long-format CSV per measure: a row per area, year and measure, the value as a number "
        "and the publisher's suppression marker in its own column. " + OGL_STATEMENT,
        "profile": "tabular-data-package",
        "resources": resources,
        "licenses": _unique([item for res in resources for item in res["licenses"]]),
        "sources": _unique([item for res in resources for item in res["sources"]]),
    }
    if homepage:
        package["homepage"] = homepage
    return package


def _unique(items: list[dict]) -> list[dict]:
    seen, kept = set(), []
    for item in items:
        key = tuple(sorted(item.items()))
        if key not in seen:
            seen.add(key)
            kept.append(item)
    return kept


def link_header(sources_list, describedby: str, package: str = "") -> str:
    """An HTTP Link header for a CSV: its licences, its sources (titles RFC 8187-encoded) and its description."""
    links = [f'<{describedby}>; rel="describedby"; type="text/html"']
    if package:
        links.append(f'<{package}>; rel="describedby"; type="application/json"')
    for item in _unique([licence(source) for source in sources_list]):
        # A licence with no address of its own (quoted figures) points at the page that states it.
        title = quote(item["title"], safe="")
        links.append(f"<{item.get('path', describedby)}>; rel=\"license\"; title*=UTF-8''{title}")
    for source in sources_list:
        title = quote(source.title, safe="")
        links.append(f"<{source.url or describedby}>; rel=\"via\"; title*=UTF-8''{title}")
    return ", ".join(links)
