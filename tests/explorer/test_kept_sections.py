"""
What a profile draws is kept, not drawn again on every request (explorer/charts/section.py,
explorer/pages/local_authorities.py, explorer/wales.py): each chart's section is rendered once per chart and
heading level, a reader's own comparison is kept like the statistical neighbours', and a Welsh page's list of
what the data hold is read once per content version. The part that follows the request, each chart's CSV link,
still carries that request's own parameters.
"""

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from explorer.charts import section as chart_sections
from explorer.models import StatisticalNeighbour
from explorer.wales import coverage
from tests.data_urls import reverse

OPTIONS = "explorer/includes/comparator_options.html"


@pytest.fixture
def all_data(all_data_once):
    """Every dataset, loaded once for every test that only reads it (tests/shared_builds.py)."""
    return all_data_once


@pytest.fixture
def written(monkeypatch):
    """The slugs of the chart sections written since the test began, in order."""
    slugs = []
    write = chart_sections.write_section

    def counted(chart, *args):
        slugs.append(chart.slug)
        return write(chart, *args)

    monkeypatch.setattr(chart_sections, "write_section", counted)
    return slugs


def sections_rendered(written: list, since: int = 0) -> int:
    return len(written) - since


def profile_url(code="E06000009") -> str:
    return reverse("explorer:local_authority", args=[code])


def readers_choice(code="E06000009") -> list[str]:
    """Two English authorities that are not among the profile's statistical neighbours (so the reader chose them)."""
    neighbours = set(
        StatisticalNeighbour.objects.filter(local_authority__ons_code=code).values_list(
            "neighbour__ons_code", flat=True
        )
    )
    from catalogue.models import LocalAuthority

    others = LocalAuthority.objects.filter(country="England").exclude(ons_code__in=neighbours | {code})
    return list(others.order_by("ons_code").values_list("ons_code", flat=True)[:2])


def rendered(response, name: str) -> int:
    return sum(1 for template in response.templates if template.name == name)


def test_a_profiles_chart_sections_and_comparator_boxes_are_rendered_once(client, all_data, written):
    first = client.get(profile_url())
    drawn = sections_rendered(written)
    assert drawn > 10  # every chart of the profile, its context panel and family justice panel
    assert drawn == first.content.decode().count('<section class="explorer-chart"')
    assert rendered(first, OPTIONS) == 1
    again = client.get(profile_url())
    assert sections_rendered(written, since=drawn) == 0
    assert rendered(again, OPTIONS) == 0
    assert again.content == first.content


def test_the_comparator_boxes_tick_what_each_request_chose(client, all_data):
    chosen = readers_choice()
    for asked in ([], chosen[:1], chosen):
        html = client.get(profile_url() + "".join(f"&compare={code}" for code in asked).replace("&", "?", 1))
        ticked = re.findall(r'value="(E\d{8})" checked>', html.content.decode())
        neighbours = StatisticalNeighbour.objects.filter(local_authority__ons_code="E06000009")
        default = list(neighbours.order_by("rank").values_list("neighbour__ons_code", flat=True)[:10])
        assert sorted(ticked) == sorted(asked or default)


def test_a_readers_comparison_is_kept_for_its_next_request(client, all_data, written):
    url = profile_url() + "?" + "&".join(f"compare={code}" for code in readers_choice())
    first = client.get(url)
    drawn = sections_rendered(written)
    assert drawn > 10
    again = client.get(url)
    assert sections_rendered(written, since=drawn) == 0, "the comparison's charts were drawn again"
    assert again.content == first.content


def test_a_new_comparison_keeps_the_profiles_cafcass_trend_section_and_all(client, all_data, written):
    """The Cafcass trend is the authority against England, whatever the comparators: drawn once, for the profile."""
    client.get(profile_url())
    assert "la-cafcass" in written
    del written[:]
    compared = client.get(profile_url() + "?" + "&".join(f"compare={code}" for code in readers_choice()))
    assert 'id="chart-la-cafcass"' in compared.content.decode()
    assert written and "la-cafcass" not in written
    assert "la-under1-share" in written  # the charts that show the comparators are drawn for them


def download_links(html: str) -> list[dict]:
    return [parse_qs(urlsplit(href).query) for href in re.findall(r'href="(\?[^"]*download=[^"]*)"', html)]


def test_each_csv_link_carries_its_own_requests_parameters(client, all_data):
    chosen = readers_choice()
    for source in ("newsletter", "board-paper"):
        html = client.get(profile_url() + f"?from={source}&compare={chosen[0]}").content.decode()
        links = download_links(html.replace("&amp;", "&"))
        assert len(links) > 10
        for query in links:
            assert query["from"] == [source]
            assert query["compare"] == [chosen[0]]
            assert len(query["download"]) == 1


def chart_headings(html: str) -> list[tuple[str, str, str]]:
    """(chart heading level, its class, its sources heading level) for every chart section of a page."""
    sections = re.findall(r'<section class="explorer-chart".*?</section>', html, re.S)
    found = []
    for section in sections:
        level, css = re.search(r'<h(\d) class="govuk-heading-(\w)" id="chart-', section).groups()
        sources = re.search(r'<h(\d) class="govuk-heading-s">Source, licence and definition', section)[1]
        found.append((level, css, sources))
    return found


def test_a_chart_inside_a_section_is_headed_at_level_three_with_its_sources_below_it(client, all_data):
    headings = chart_headings(client.get(profile_url()).content.decode())
    assert {level for level, _, _ in headings} == {"2", "3"}
    for level, css, sources in headings:
        assert (css, sources) == ({"2": "l", "3": "m"}[level], str(int(level) + 1))


def test_a_welsh_pages_coverage_is_read_once_per_data_version(all_data, django_capture_on_commit_callbacks):
    from catalogue.models import ContentVersion
    from explorer.models import DataVersion

    kept = coverage(("W06000019",))
    assert any(item.present for item in kept)
    assert coverage(("W06000019",)) is kept
    with django_capture_on_commit_callbacks(execute=True):
        ContentVersion.bump()  # a publish: the data are as they were
    assert coverage(("W06000019",)) is kept
    with django_capture_on_commit_callbacks(execute=True):
        DataVersion.move_on()
        ContentVersion.bump()
    assert coverage(("W06000019",)) is not kept
    assert coverage(("W06000019",)) == kept
