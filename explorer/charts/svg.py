"""
A tiny SVG builder for server-rendered charts: axes, lines, markers and labels as plain SVG
elements with presentation attributes (no inline style, so the site's CSP allows it; no script,
so it prints and works without JavaScript). Every text is escaped here.

Shapes and dash patterns, not colour, distinguish the series, so charts read in greyscale.
"""

import itertools
import math
from html import escape

MARKERS = ("circle", "square", "triangle-up", "diamond", "triangle-down", "cross")
DASHES = ("", "6 3", "2 3", "8 3 2 3", "1 4")
INK = "#0b0c0c"
MUTED = "#505a5f"
HIGHLIGHT = "#d4351c"
EVENT_INK = "#1d70b8"  # dated events in law and guidance drawn on a trend


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering low..high (1, 2, 2.5 or 5 times a power of ten apart)."""
    if high <= low:
        high = low + 1
    raw = (high - low) / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    start = math.floor(low / step) * step
    ticks, value = [], start
    while value <= high + step * 1e-9:
        ticks.append(round(value, 10))
        value += step
    if ticks[-1] < high:
        ticks.append(round(value, 10))
    return ticks


def format_tick(value: float) -> str:
    """Thousands separators as GOV.UK style asks (2,000 not 2000)."""
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:g}"


_PATTERN_IDS = itertools.count(1)  # ids must be unique across all the charts on a page


class Canvas:
    """A plot area with linear scales; methods add elements, `render()` returns the SVG markup."""

    def __init__(
        self,
        *,
        title: str,
        description: str,
        width=720,
        height=420,
        margin=(30, 30, 60, 80),
        x_range=(0, 1),
        y_range=(0, 1),
        x_log=False,
    ):
        self.width, self.height = width, height
        self.hatch_id = f"hatch-{next(_PATTERN_IDS)}"
        self.top, self.right, self.bottom, self.left = margin
        self.title, self.description = title, description
        self.x_log = x_log
        self.x_min, self.x_max = x_range
        self.y_min, self.y_max = y_range
        self.parts: list[str] = []

    # scales -------------------------------------------------------------------------------
    def x(self, value: float) -> float:
        span_left, span_right = self.left, self.width - self.right
        if self.x_log:
            low, high, value = math.log10(self.x_min), math.log10(self.x_max), math.log10(max(value, self.x_min))
        else:
            low, high = self.x_min, self.x_max
        return span_left + (value - low) / ((high - low) or 1) * (span_right - span_left)

    def y(self, value: float) -> float:
        span_top, span_bottom = self.top, self.height - self.bottom
        return span_bottom - (value - self.y_min) / ((self.y_max - self.y_min) or 1) * (span_bottom - span_top)

    # elements -----------------------------------------------------------------------------
    def text(self, x, y, content, *, anchor="start", size=13, weight="normal", fill=INK, rotate=None, halo=False):
        transform = f' transform="rotate({rotate} {x:.1f} {y:.1f})"' if rotate is not None else ""
        # A white outline under the letters keeps a label readable where it crosses lines or markers.
        outline = ' class="svg-halo" stroke="#ffffff" stroke-width="3"' if halo else ""  # paint-order in CSS
        self.parts.append(
            f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" font-weight="{weight}" '
            f'text-anchor="{anchor}" fill="{fill}"{outline}{transform}>{escape(str(content))}</text>'
        )

    def line(self, x1, y1, x2, y2, *, stroke=INK, width=1, dash=""):
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        self.parts.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{stroke}" '
            f'stroke-width="{width}"{dash_attr}/>'
        )

    def polyline(self, points, *, stroke=INK, width=2, dash=""):
        if len(points) < 2:
            return
        coords = " ".join(f"{self.x(px):.1f},{self.y(py):.1f}" for px, py in points)
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        self.parts.append(
            f'<polyline points="{coords}" fill="none" stroke="{stroke}" stroke-width="{width}"{dash_attr}/>'
        )

    def rect(self, x, y, w, h, *, fill=MUTED, stroke="none", pattern=False):
        self.parts.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(w, 0):.1f}" height="{max(h, 0):.1f}" '
            f'fill="{f"url(#{self.hatch_id})" if pattern else fill}" stroke="{stroke}"/>'
        )

    def marker(self, cx, cy, shape="circle", *, size=5, filled=True, stroke=INK, label=None):
        fill = stroke if filled else "#ffffff"
        common = f'fill="{fill}" stroke="{stroke}" stroke-width="1.5"'
        title = f"<title>{escape(label)}</title>" if label else ""
        s = size
        if shape == "circle":
            body = f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{s:.1f}" {common}>{title}</circle>'
        elif shape == "square":
            body = (
                f'<rect x="{cx - s:.1f}" y="{cy - s:.1f}" width="{2 * s:.1f}" height="{2 * s:.1f}" '
                f"{common}>{title}</rect>"
            )
        elif shape in ("triangle-up", "triangle-down", "diamond"):
            if shape == "triangle-up":
                pts = [(cx, cy - s * 1.2), (cx + s * 1.1, cy + s * 0.8), (cx - s * 1.1, cy + s * 0.8)]
            elif shape == "triangle-down":
                pts = [(cx, cy + s * 1.2), (cx + s * 1.1, cy - s * 0.8), (cx - s * 1.1, cy - s * 0.8)]
            else:
                pts = [(cx, cy - s * 1.3), (cx + s * 1.1, cy), (cx, cy + s * 1.3), (cx - s * 1.1, cy)]
            coords = " ".join(f"{px:.1f},{py:.1f}" for px, py in pts)
            body = f'<polygon points="{coords}" {common}>{title}</polygon>'
        else:  # cross
            body = (
                f'<path d="M{cx - s:.1f},{cy - s:.1f}L{cx + s:.1f},{cy + s:.1f}M{cx - s:.1f},{cy + s:.1f}'
                f'L{cx + s:.1f},{cy - s:.1f}" stroke="{stroke}" stroke-width="2">{title}</path>'
            )
        self.parts.append(body)

    def axes(self, *, x_label: str, y_label: str, x_ticks=None, y_ticks=None, x_tick_labels=None):
        bottom, left = self.height - self.bottom, self.left
        for value in y_ticks or []:
            ypos = self.y(value)
            self.line(left, ypos, self.width - self.right, ypos, stroke="#dddddd")
            self.text(left - 6, ypos + 4, format_tick(value), anchor="end", size=12)
        for i, value in enumerate(x_ticks or []):
            xpos = self.x(value)
            self.line(xpos, bottom, xpos, bottom + 5)
            label = x_tick_labels[i] if x_tick_labels else format_tick(value)
            self.text(xpos, bottom + 19, label, anchor="middle", size=12)
        self.line(left, bottom, self.width - self.right, bottom)
        self.line(left, self.top, left, bottom)
        self.text((left + self.width - self.right) / 2, self.height - 12, x_label, anchor="middle", size=13)
        self.text(16, (self.top + bottom) / 2, y_label, anchor="middle", size=13, rotate=-90)

    def legend(self, items, *, x=None, y=None):
        """items: (label, kind, style); kind 'marker' (shape, filled), 'line' (dash) or
        'series' (dash, shape, filled, stroke)."""
        x = self.left + 10 if x is None else x
        y = self.top + 4 if y is None else y
        for i, (label, kind, style) in enumerate(items):
            row_y = y + i * 18
            if kind == "marker":
                shape, filled = style
                self.marker(x + 8, row_y + 6, shape, size=4.5, filled=filled)
            elif kind == "series":
                dash, shape, filled, stroke = style
                self.line(x, row_y + 6, x + 22, row_y + 6, width=2, dash=dash, stroke=stroke)
                self.marker(x + 11, row_y + 6, shape, size=4, filled=filled, stroke=stroke)
            else:  # a dash, or (dash, stroke) for a line in another colour
                dash, stroke = style if isinstance(style, tuple) else (style, INK)
                self.line(x, row_y + 6, x + 22, row_y + 6, width=2, dash=dash, stroke=stroke)
            self.text(x + 28, row_y + 10, label, size=12)

    def render(self) -> str:
        hatch = (
            f'<defs><pattern id="{self.hatch_id}" width="6" height="6" patternUnits="userSpaceOnUse" '
            'patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/>'
            f'<line x1="0" y1="0" x2="0" y2="6" stroke="{INK}" stroke-width="2"/></pattern></defs>'
        )
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {self.width} {self.height}" '
            f'class="explorer-chart__svg" role="img" aria-label="{escape(self.title)}" '
            f'font-family="Arial, Helvetica, sans-serif">'
            f"<title>{escape(self.title)}</title><desc>{escape(self.description)}</desc>{hatch}"
            + "".join(self.parts)
            + "</svg>"
        )
