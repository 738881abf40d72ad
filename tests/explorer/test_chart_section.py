"""
A chart's section is written in Python (explorer/charts/section.py), so nothing escapes its text for it but that
module: every text a chart carries, from the data, an editor or a reader's parameters, must come out as text.
"""

from html.parser import HTMLParser

from explorer.charts.chart import Chart
from explorer.charts.section import section_html
from explorer.sources import OGL, OGL_STATEMENT, Source

HOSTILE = '<script>alert("x")</script>&"\''


class Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []
        self.text = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def parsed(html: str) -> Elements:
    elements = Elements()
    elements.feed(html)
    return elements


def hostile_chart(**changes) -> Chart:
    fields = {
        "slug": "a-chart",
        "title": f"Title {HOSTILE}",
        "summary": f"Summary {HOSTILE}",
        "svg": "",
        "columns": [f"Column {HOSTILE}"],
        "rows": [[f"Cell {HOSTILE}"]],
        "sources": [
            Source(f"Source {HOSTILE}", f"{OGL} {HOSTILE}", f"Definition {HOSTILE}", "https://example.org/?a=1&b=2")
        ],
        "notes": [f"Note {HOSTILE}"],
    }
    return Chart(**(fields | changes))


def test_every_text_of_a_section_is_escaped():
    html = section_html(hostile_chart(), 2, f"Suppressed {HOSTILE}", "", f"?compare={HOSTILE}&download=a-chart")
    elements = parsed(html)
    assert "script" not in elements.tags
    text = "".join(elements.text)
    for part in ("Title", "Summary", "Column", "Cell", "Source", "Definition", "Note", "Suppressed"):
        assert f"{part} {HOSTILE}" in text, part
    assert 'href="https://example.org/?a=1&amp;b=2"' in html
    assert 'href="?compare=&lt;script&gt;' in html


def test_a_sections_headings_follow_its_level_and_its_licence_statement_its_sources():
    chart = hostile_chart()
    second = parsed(section_html(chart, 2, "", "", "?download=a-chart")).tags
    third = parsed(section_html(chart, 3, "", "", "?download=a-chart")).tags
    assert ("h2" in second and "h3" in second) and ("h3" in third and "h4" in third and "h2" not in third)
    assert OGL_STATEMENT in section_html(chart, 2, "", "", "")
    assert OGL_STATEMENT not in section_html(hostile_chart(sources=[Source("A source", "CC BY 4.0")]), 2, "", "", "")


def test_a_chart_with_no_rows_says_so_and_offers_no_download():
    html = section_html(hostile_chart(rows=[]), 2, "", "", "?download=a-chart")
    assert "No figures to show." in html and "download=" not in html and "<table" not in html


def test_a_kept_section_takes_each_requests_own_download_link():
    chart = hostile_chart()
    first = section_html(chart, 2, "", "", "?from=newsletter&download=a-chart")
    second = section_html(chart, 2, "", "", "?from=board&download=a-chart")
    assert "from=newsletter" in first and "from=board" in second
    assert first.replace("newsletter", "board") == second
