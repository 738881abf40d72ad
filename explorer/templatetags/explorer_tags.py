"""Template helpers for the data wing's pages: chart downloads and SVG, the family justice panel of a
local authority profile, and the list of trend events beside the national trend."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from explorer import links
from explorer.charts.section import section_html
from explorer.charts.table_html import table_html
from explorer.models import TrendEvent
from explorer.pages.authority_panel import chosen_panel, default_panel
from explorer.sources import DERIVED_LINKS_CAVEAT
from website.site_url import absolute_url

register = template.Library()


@register.simple_tag
def data_url(name, *args):
    """The address of one of the data page's routes: {% data_url "local_authority" code %}."""
    return links.data_url(name, *args)


@register.simple_tag(takes_context=True)
def printed_address(context):
    """This page's whole address on the configured site (for print: never the visitor's Host header)."""
    return absolute_url(context["request"].get_full_path())


@register.simple_tag
def data_home_url():
    """The data page's address ("" if there is none), for the site's main menu."""
    return links.data_home_url()


@register.simple_tag(takes_context=True)
def data_lede(context):
    """The opening paragraph editors wrote for this page of the data explorer (nothing if they wrote none)."""
    request = context.get("request")
    page, section = getattr(request, "data_page", None), getattr(request, "data_section", "")
    if page is None:
        return ""
    text = page.introduction if section == "overview" else page.lede(section)
    return format_html('<p class="govuk-body-l">{}</p>', text) if text else ""


def _download_url(context, chart) -> str:
    """The CSV of this chart: the same page and parameters plus `download=<slug>`."""
    if getattr(chart, "download_href", None):
        return chart.download_href
    request = context["request"]
    params = getattr(request, "_chart_download_params", None)
    if params is None:  # one copy of the parameters a request, not one a chart (a profile has 20)
        params = request._chart_download_params = request.GET.copy()
    params["download"] = chart.slug  # replaces the last chart's, in the same place
    return "?" + params.urlencode()


@register.simple_tag(takes_context=True)
def chart_section(context, chart):
    """The chart's whole section (explorer.charts.section), its title at `heading_level` (2 unless the page says)."""
    return section_html(
        chart,
        3 if str(context.get("heading_level") or 2) == "3" else 2,
        context.get("suppressed_note") or "",
        context.get("ogl_statement") or "",
        _download_url(context, chart),
    )


@register.filter
def chart_svg(chart):
    """The chart's SVG; it is built by explorer.charts.svg, which escapes every piece of text it contains."""
    return mark_safe(chart.svg)  # noqa: S308


@register.simple_tag
def chart_table(chart, caption_note):
    """The chart's data table, written by explorer.charts.table_html."""
    return table_html(chart, caption_note)


@register.inclusion_tag("explorer/includes/la_panel.html", takes_context=True)
def la_family_justice_panel(context, authority):
    chosen = context.get("comparators")  # a profile's comparators (explorer.pages.comparators), if it has them
    reader_chose = chosen is not None and chosen.by_reader
    panel = chosen_panel(authority, tuple(chosen.codes), chosen.label) if reader_chose else default_panel(authority)
    return {"panel": panel, "caveat": DERIVED_LINKS_CAVEAT, "request": context.get("request")}


@register.inclusion_tag("explorer/includes/events_panel.html")
def trend_events_list():
    """Every event, numbered in date order, with its source (including any after the latest figures)."""
    return {"events": list(enumerate(TrendEvent.objects.order_by("date", "pk"), start=1))}
