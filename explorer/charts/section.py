"""
A chart's whole section (title, summary, SVG, events, sources, data table and CSV link) as HTML, rendered from
its template once per chart and heading level rather than on every request: a profile draws about 20 charts,
and rendering their sections again cost about 7 ms of each request. Kept on the chart, so a chart kept for the
content version (explorer/figures/versioned.py) is rendered once; a chart built for one request is rendered once,
as before. The one part that follows the request, the CSV link (the page's own parameters plus
`download=<slug>`), is put in on every request.
"""

from django.template.loader import render_to_string
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

TEMPLATE = "explorer/includes/chart_section.html"
DOWNLOAD_URL = "chart-section-download-url"  # stands for the CSV link in a kept section; no chart's text holds it


def section_html(chart, level: int, suppressed_note: str, ogl_statement: str, download_url: str) -> SafeString:
    """The section of `chart` with its title at heading `level` (2 or 3) and its CSV at `download_url`."""
    written = chart.__dict__.setdefault("_section_html", {})
    key = (level, suppressed_note, ogl_statement)
    if key not in written:
        context = {
            "chart": chart,
            "level": level,
            "suppressed_note": suppressed_note,
            "ogl_statement": ogl_statement,
            "download_url": DOWNLOAD_URL,
        }
        written[key] = render_to_string(TEMPLATE, context)
    # The template escapes every text; the link is escaped here as `{{ }}` would.
    return mark_safe(written[key].replace(DOWNLOAD_URL, conditional_escape(download_url)))  # noqa: S308
