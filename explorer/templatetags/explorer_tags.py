"""Template helpers for the explorer's chart pages."""

import re

from django import template
from django.utils.safestring import mark_safe

register = template.Library()
VIEWBOX = re.compile(r'viewBox="0 0 (\d+) (\d+)"')
SYNTHETIC_STAMP = ('<text x="6" y="-7" text-anchor="start" font-size="14" font-weight="bold" fill="#d4351c">'
                   "SYNTHETIC DATA – invented figures</text>")


@register.simple_tag(takes_context=True)
def chart_download_url(context, chart):
    """The CSV of this chart: the same page and parameters plus `download=<slug>`."""
    if getattr(chart, "download_href", None):
        return chart.download_href
    params = context["request"].GET.copy()
    params["download"] = chart.slug
    return "?" + params.urlencode()


@register.simple_tag(takes_context=True)
def with_param(context, name, value):
    """The current query string with one parameter set (e.g. to switch year, keeping the dataset)."""
    params = context["request"].GET.copy()
    params.pop("download", None)
    params[name] = value
    return "?" + params.urlencode()


@register.filter
def chart_svg(chart):
    """The chart's SVG; it is built by explorer.svg, which escapes every piece of text it contains."""
    svg = chart.svg
    match = VIEWBOX.search(svg)
    if chart.synthetic and match and svg.endswith("</svg>"):
        # Stamped into the image itself, in a strip added above it, so a copied or printed chart
        # still says it is invented.
        width, height = match.group(1), int(match.group(2))
        svg = (svg[:match.start()] + f'viewBox="0 -24 {width} {height + 24}"' + svg[match.end():-6]
               + SYNTHETIC_STAMP + "</svg>")
    return mark_safe(svg)  # noqa: S308
