"""
A chart's whole section (title, summary, SVG, events, notes, sources, data table and CSV link) as HTML, written
here rather than by a template, and once per chart and heading level rather than on every request.

A profile draws about 20 charts. Rendering their sections from a template cost about 7 ms of every request
until each section was kept on its chart (a chart kept for the content version, explorer/figures/versioned.py,
is written once); a reader's new comparison still draws every section once, and the template engine took 4.6 ms
of that request for what this module writes in a fraction. Every text is escaped as `{{ }}` would
(table_html.escaped). The one part that follows the request, the CSV link (the page's own parameters plus
`download=<slug>`), is put in on every request.
"""

from django.template.loader import render_to_string
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from catalogue.caches import drawn_once

from ..sources import OGL_STATEMENT
from .table_html import escaped, table_html

DOWNLOAD_URL = "chart-section-download-url"  # stands for the CSV link in a kept section; no chart's text holds it
EVENTS = "explorer/includes/events.html"  # the numbered events under a trend; also the data page's events panel


def section_html(chart, level: int, suppressed_note: str, ogl_statement: str, download_url: str) -> SafeString:
    """The section of `chart` with its title at heading `level` (2 or 3) and its CSV at `download_url`."""
    key = ("section", level, suppressed_note, ogl_statement)
    written = drawn_once(chart, key, lambda: write_section(chart, level, suppressed_note, ogl_statement))
    # Every text of the section is escaped; the link is escaped here as `{{ }}` would.
    return mark_safe(written.replace(DOWNLOAD_URL, conditional_escape(download_url)))  # noqa: S308


def write_section(chart, level: int, suppressed_note: str, ogl_statement: str) -> str:
    """The section's markup, with DOWNLOAD_URL where its CSV link goes."""
    slug, title = escaped(chart.slug), escaped(chart.title)
    parts = [
        f'<section class="explorer-chart" id="chart-{slug}" aria-labelledby="chart-{slug}-title">\n'
        f'  <h{level} class="govuk-heading-{"m" if level == 3 else "l"}" id="chart-{slug}-title">{title}</h{level}>\n'
        f'  <p class="govuk-body explorer-chart__summary">{escaped(chart.summary)}</p>\n  '
    ]
    if chart.svg:  # drawn by explorer.charts.svg, which escapes every text it holds
        parts.append(
            '<div class="explorer-chart__figure" tabindex="0" role="region" aria-label="Chart, scrolls sideways on '
            f'a narrow screen: {title}">{chart.svg}</div>'
        )
    parts.append("\n  ")
    if chart.events:
        parts.append(render_to_string(EVENTS, {"events": chart.events}))
    parts.append("\n  ")
    parts += [f'<p class="govuk-body-s explorer-chart__note">{escaped(note)}</p>' for note in chart.notes]
    sources_heading = 4 if level == 3 else 3
    parts.append(
        '\n  <div class="govuk-body-s explorer-chart__sources">\n'
        f'    <h{sources_heading} class="govuk-heading-s">Source, licence and definition</h{sources_heading}>\n'
        '    <ul class="govuk-list govuk-list--bullet">\n      '
    )
    parts += [_source_item(source) for source in chart.sources]
    parts.append("\n    </ul>\n    ")
    if chart.has_ogl_source:
        parts.append(f'<p class="govuk-body-s">{escaped(ogl_statement or OGL_STATEMENT)}</p>')
    parts.append("\n  </div>\n  ")
    if chart.rows:
        parts.append(
            '\n  <details class="govuk-details explorer-chart__table">\n'
            '    <summary class="govuk-details__summary"><span class="govuk-details__summary-text">Data table: '
            f"{title}</span></summary>\n"
            '    <div class="govuk-details__text explorer-table-wrapper" tabindex="0" role="region" '
            f'aria-label="Data table, scrollable: {title}">\n'
            f"      {table_html(chart, suppressed_note)}\n"
            "    </div>\n"
            "  </details>\n"
            f'  <p class="govuk-body explorer-chart__download"><a class="govuk-link" href="{DOWNLOAD_URL}" '
            f'download="{escaped(chart.csv_filename())}">Download this data as CSV<span class="govuk-visually-hidden">'
            f": {title}</span></a></p>\n  "
        )
    else:
        parts.append('<p class="govuk-body">No figures to show.</p>')
    parts.append("\n</section>\n")
    return "".join(parts)


def _source_item(source) -> str:
    title = escaped(source.title)
    named = f'<a class="govuk-link" href="{escaped(source.url)}">{title}</a>' if source.url else title
    definition = f" Definition: {escaped(source.definition)}" if source.definition else ""
    return f"\n      <li>{named}.\n        Licence: {escaped(source.licence)}.{definition}</li>\n      "
