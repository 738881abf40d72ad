"""Template helpers for the explorer's chart pages."""

from django import template
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag(takes_context=True)
def chart_download_url(context, chart):
    """The CSV of this chart: the same page and parameters plus `download=<slug>`."""
    if getattr(chart, "download_href", None):
        return chart.download_href
    params = context["request"].GET.copy()
    params["download"] = chart.slug
    return "?" + params.urlencode()


@register.filter
def chart_svg(chart):
    """The chart's SVG; it is built by explorer.svg, which escapes every piece of text it contains."""
    return mark_safe(chart.svg)  # noqa: S308
