"""
/data/family-justice-areas/<area>/board-report/: the area's board report, a page made to be printed (A4,
no site chrome, a page break between sections), and board-report.pdf/, the same report as a PDF that the
task worker builds (explorer/reports/). An unknown area is a 404 page that says so; a slug that is not a plain
slug (non-ASCII, too long) never reaches the database.
"""

import re

from django.http import FileResponse
from django.shortcuts import render

from ..models import DfjArea
from ..reports.board_report import build_report
from ..reports.pdf import RETRY_SECONDS, file_key, pdf_files, previous_key, report_body, report_context, report_digest
from .state import PageState

SLUG = re.compile(r"[a-z0-9-]{1,80}")


def _area(slug: str) -> DfjArea | None:
    if not SLUG.fullmatch(slug or ""):
        return None
    return DfjArea.objects.exclude(code="HIGH_COURT").filter(slug=slug).first()


def unknown_area(request, slug):
    """A 404 that says what was not found and where the areas are listed (the slug is shown escaped, cut short)."""
    context = {"asked_for": slug[:60], "page_title": "No such family justice area"}
    return render(request, "explorer/family_justice/board_report_unknown.html", context, status=404)


def board_report(request, slug):
    area = _area(slug)
    if area is None:
        return unknown_area(request, slug)
    state = PageState(request)  # the report is of the latest figures: any parameter gets a notice
    report = build_report(area)
    context = state.context(
        **report_context(report, in_pdf=False),
        body=report_body(report, in_pdf=False),
        page_title=f"{area.name}: board report",
    )
    return render(request, "explorer/family_justice/board_report.html", context)


def board_report_pdf(request, slug):
    """The built PDF for today's figures; else the area's previous PDF; else 503 while the worker builds it."""
    from catalogue.caches import content_version, per_content_version

    from ..reports.tasks import request_board_pdf

    area = _area(slug)
    if area is None:
        return unknown_area(request, slug)
    # Building the report to digest it costs about a second: once per content version and area (a data
    # reload moves the version on: explorer.loading.load_all).
    digest = per_content_version(("board-report-digest", area.slug), lambda: report_digest(build_report(area)))
    version = content_version()
    found = pdf_files.find_latest(file_key(area.slug, digest), version)
    current = found is not None
    if not current:
        request_board_pdf(area.slug, digest, version)
        found = pdf_files.find_latest(file_key(area.slug, digest), version)  # built already if tasks run at once
        current = found is not None
        found = found or pdf_files.find_latest(previous_key(area.slug), version)
    if found is None:
        response = render(
            request,
            "explorer/family_justice/board_report_preparing.html",
            {"area": area, "retry_seconds": RETRY_SECONDS, "page_title": f"{area.name}: board report PDF"},
            status=503,
        )
        response["Retry-After"] = str(RETRY_SECONDS)
        return response
    response = FileResponse(found.path.open("rb"), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="born-into-care-board-report-{area.slug}.pdf"'
    response["X-Board-Report"] = "current" if current else "previous: the PDF of today's figures is being prepared"
    return response
