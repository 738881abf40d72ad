"""
The board report as a PDF, drawn by WeasyPrint from the same report the printable page shows.

The task worker builds it (tasks.py), never a visitor's request. Explorer data have no version number of
their own (a reload of the open data replaces the rows), so each file is keyed on the area and a digest of
everything the report shows (every section's period, every chart's title, summary, table, notes and
sources) and of the templates and stylesheet that lay it out: a data reload or a layout change gives a new
digest, so a new file, and a PDF never outlives the figures it prints. Files sit in BuiltFiles'
directory of the content version they were built under; a file with the same digest from an earlier
content version is the same report and is served as it is.

Until the file for today's digest is built, the visitor gets the area's previous PDF (with a header saying
so) or a 503 "being prepared" page with Retry-After.
"""

import hashlib
import json
import re
from functools import cache
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template import loader
from django.utils.safestring import SafeString, mark_safe

from catalogue.caches import drawn_once
from catalogue.io.built_files import BuiltFiles

from .board_report import BoardReport

pdf_files = BuiltFiles("board-report-pdf", suffix=".pdf")
RETRY_SECONDS = 15
PDF_TEMPLATE = "explorer/family_justice/board_report_pdf.html"
BODY_TEMPLATE = "explorer/family_justice/board_report_body.html"
LAYOUT_TEMPLATES = (PDF_TEMPLATE, BODY_TEMPLATE)
STYLESHEET = "explorer/board_report.css"


@cache
def stylesheet_text() -> str:
    """The report's stylesheet (the same file the printable page links), read once per process."""
    path = finders.find(STYLESHEET)
    return Path(path).read_text(encoding="utf-8") if path else ""


@cache
def layout_digest() -> str:
    """The templates and stylesheet the PDF is laid out with: a change to them is a new PDF."""
    digest = hashlib.sha256(stylesheet_text().encode())
    for name in LAYOUT_TEMPLATES:
        digest.update(Path(loader.get_template(name).origin.name).read_bytes())
    return digest.hexdigest()


def report_digest(report: BoardReport) -> str:
    """A digest of everything the report shows (not of its SVG, whose pattern ids differ between renders)."""
    content = {
        "area": [report.area.slug, report.area.name, report.year],
        "sections": [
            [
                section.heading,
                section.period,
                [
                    [chart.title, chart.summary, chart.columns, chart.rows, chart.notes]
                    + [[source.title, source.licence, source.url] for source in chart.sources]
                    for chart in section.charts
                ],
            ]
            for section in report.sections
        ],
        "layout": layout_digest(),
        "site": settings.SITE_BASE_URL,
    }
    return hashlib.sha256(json.dumps(content, sort_keys=True, default=str).encode()).hexdigest()[:32]


def file_key(slug: str, digest: str) -> str:
    return f"{slug}:{digest}"


def previous_key(slug: str) -> str:
    """The key of the newest PDF built for the area, whatever its digest (served while a new one is built)."""
    return f"{slug}:previous"


def render_pdf(report: BoardReport) -> bytes:
    """The PDF's bytes (run by the task worker)."""
    from weasyprint import CSS, HTML  # imported here: it loads Pango, which only the worker needs

    context = report_context(report, in_pdf=True) | {"body": report_body(report, in_pdf=True)}
    html = halo_under_labels(loader.render_to_string(PDF_TEMPLATE, context))
    return HTML(string=html, base_url=settings.SITE_BASE_URL).write_pdf(stylesheets=[CSS(string=stylesheet_text())])


HALO_TEXT = re.compile(r'(<text [^>]*?) class="svg-halo" (stroke="#ffffff" stroke-width="3")([^>]*>[^<]*</text>)')


def halo_under_labels(html: str) -> str:
    """
    A chart label's white outline is painted under its letters by CSS `paint-order`, which WeasyPrint's SVG
    drawing ignores (the outline would cover the letters): for the PDF, each such label is drawn twice, the
    outline first and the letters on top.
    """
    return HALO_TEXT.sub(r"\1 \2\3\1\3", html)


def report_context(report: BoardReport, *, in_pdf: bool) -> dict:
    """
    The report's template context. Its addresses are written whole (`origin`, the site's address) on the page as
    in the PDF: a board prints the page for its papers, and a printed "/data/..." leads nowhere. The PDF names the
    authorities without links (`linked`).
    """
    from ..sources import OGL_STATEMENT, SUPPRESSED_NOTE

    return {
        "report": report,
        "area": report.area,
        "origin": settings.SITE_BASE_URL.rstrip("/"),
        "linked": not in_pdf,
        "ogl_statement": OGL_STATEMENT,
        "suppressed_note": SUPPRESSED_NOTE,
    }


def report_body(report: BoardReport, *, in_pdf: bool) -> SafeString:
    """
    The report itself, as the page and the PDF show it, rendered once per report and kept on it, as a chart keeps
    its section: a report is kept per data version (explorer/figures/versioned.py), and rendering its tables took
    about 12 ms of the page's 18 on every request. Its template escapes every text.
    """
    body = drawn_once(
        report, ("body", in_pdf), lambda: loader.render_to_string(BODY_TEMPLATE, report_context(report, in_pdf=in_pdf))
    )
    return mark_safe(body)  # noqa: S308


def write_pdf(report: BoardReport, version: int) -> str:
    """Build and store the area's PDF for this version; returns the digest it was built for."""
    digest = report_digest(report)
    content = render_pdf(report)
    pdf_files.write(file_key(report.area.slug, digest), version, [content])
    pdf_files.write(previous_key(report.area.slug), version, [content])
    return digest
