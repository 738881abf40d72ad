"""
A chart's data table as HTML, written here rather than by template loops: the relationships page alone has
17 tables of about 150 rows, and Django's template engine spent about 0.4 s a request rendering their
~20,000 cells. The markup is what the chart section (explorer/charts/section.py) puts in its details;
every text is escaped as `{{ }}` would (`escaped`). Not kept here: the chart's whole section, table included,
is kept on the chart (explorer/charts/section.py).
"""

import html

from django.utils.functional import Promise
from django.utils.safestring import SafeString, mark_safe

ROW_SEPARATOR = "\n          "  # the template's indentation between rows, kept so pages read as before


def table_html(chart, caption_note: str) -> SafeString:
    """The <table> of `chart` (its caption ends with `caption_note`)."""
    return mark_safe(_write(chart, caption_note))  # noqa: S308 (every text escaped below)


def _write(chart, caption_note: str) -> str:
    head = "".join(
        f'<th scope="col" class="govuk-table__header">{escaped(column)}</th>' for column in chart.table_columns
    )
    rows = "".join(f'<tr class="govuk-table__row">{_cells(row)}</tr>{ROW_SEPARATOR}' for row in chart.table_rows)
    return (
        '<table class="govuk-table">\n'
        '        <caption class="govuk-table__caption govuk-table__caption--s">'
        f"{escaped(chart.title)}. {escaped(caption_note)}</caption>\n"
        f'        <thead class="govuk-table__head"><tr class="govuk-table__row">{head}</tr></thead>\n'
        '        <tbody class="govuk-table__body">\n'
        f"          {rows}\n"
        "        </tbody>\n"
        "      </table>"
    )


def _cells(row) -> str:
    if not row:
        return ""
    first, *rest = row
    return f'<th scope="row" class="govuk-table__header">{escaped(first)}</th>' + "".join(
        f'<td class="govuk-table__cell">{escaped(cell)}</td>' for cell in rest
    )


def escaped(value) -> str:
    """
    What Django's `conditional_escape` gives, without the lazy-text wrapper its `escape` goes through on every call:
    a profile's tables hold about 1,300 cells, and that wrapper was a quarter of drawing them for a new comparison.
    """
    if isinstance(value, Promise):
        value = str(value)
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))
