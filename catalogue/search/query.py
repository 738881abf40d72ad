"""Reading the catalogue's URL: every parameter validated, anything unusable ignored and reported as a `Notice`."""

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlencode

from catalogue.io.numbers import parse_int

from .facets import FACETS, FACETS_BY_PARAM, MAX_QUERY_LENGTH, SORTS
from .notices import Notice, NoticeCode, notice

CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
KNOWN_PARAMS = {"q", "sort", "page"}  # and every registered facet's parameter (FACETS_BY_PARAM)


def _shorten(value: str, limit: int = 40) -> str:
    value = CONTROL_CHARACTERS.sub("", value)
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _read_text(raw: str, notices: list[Notice]) -> str:
    text = " ".join(CONTROL_CHARACTERS.sub(" ", raw).split())
    if len(text) > MAX_QUERY_LENGTH:
        notices.append(notice(NoticeCode.TEXT_SHORTENED, limit=MAX_QUERY_LENGTH))
        text = text[:MAX_QUERY_LENGTH].rstrip()
    return text


def _read_facet(facet, raw_values, known: Collection[str], notices: list[Notice]) -> tuple[str, ...]:
    selected, ignored = [], []
    for value in raw_values:
        if value in known:
            if value not in selected:
                selected.append(value)
        elif value.strip():
            ignored.append(_shorten(value))
    if ignored:
        notices.append(notice(NoticeCode.UNKNOWN_VALUE, facet=facet.label, values=tuple(ignored[:5])))
    return tuple(selected)


def _read_sort(raw: str, text: str, notices: list[Notice]) -> str:
    if raw and raw not in SORTS:
        notices.append(notice(NoticeCode.BAD_SORT, value=_shorten(raw)))
        raw = ""
    if raw == "relevance" and not text:
        raw = ""
    return raw or ("relevance" if text else "evidence")


def _read_page(raw: str, notices: list[Notice]) -> int:
    if not raw:
        return 1
    page = parse_int(raw, minimum=1, maximum=10**6 - 1)
    if page is not None and raw.isdigit():  # no sign or spaces in a page number
        return page
    notices.append(notice(NoticeCode.BAD_PAGE, value=_shorten(raw)))
    return 1


@dataclass(frozen=True)
class CatalogueQuery:
    """
    A validated catalogue search: text, selected facet values, sort and page number, with a notice
    for each part of the request it could not use. Frozen: searching never changes the query (the
    page actually shown and the search's own notices come back on `CatalogueResults`).
    """

    text: str = ""
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sort: str = ""
    page: int = 1
    notices: tuple[Notice, ...] = ()

    @classmethod
    def from_params(cls, params, known_values: Mapping[str, Collection[str]]) -> "CatalogueQuery":
        """Read a QueryDict; `known_values` maps each facet parameter to its valid slugs."""
        notices: list[Notice] = []
        text = _read_text(params.get("q", ""), notices)
        filters = {
            facet.param: _read_facet(facet, params.getlist(facet.param), known_values.get(facet.param, ()), notices)
            for facet in FACETS
        }
        sort = _read_sort(params.get("sort", ""), text, notices)
        page = _read_page(params.get("page", ""), notices)
        unknown = sorted(set(params.keys()) - KNOWN_PARAMS - set(FACETS_BY_PARAM))
        if unknown:
            names = tuple(_shorten(name, 20) for name in unknown[:5])
            notices.append(notice(NoticeCode.UNKNOWN_PARAMETERS, names=names))
        return cls(text=text, filters=filters, sort=sort, page=page, notices=tuple(notices))

    @property
    def selected(self) -> list[tuple[str, str]]:
        return [(param, value) for param, values in self.filters.items() for value in values]

    @property
    def has_filters(self) -> bool:
        return bool(self.text) or any(self.filters.values())

    def as_params(self, *, include_page: bool = False) -> list[tuple[str, str]]:
        params = [("q", self.text)] if self.text else []
        params += self.selected
        default_sort = "relevance" if self.text else "evidence"
        if self.sort != default_sort:
            params.append(("sort", self.sort))
        if include_page and self.page > 1:
            params.append(("page", str(self.page)))
        return params

    def url_with(self, **changes) -> str:
        """The query string for this search with one thing changed (never keeps the page)."""
        params = [(k, v) for k, v in self.as_params() if k not in changes]
        for key, value in changes.items():
            if value not in (None, ""):
                params.append((key, str(value)))
        return "?" + urlencode(params)

    def url_without(self, param: str, value: str | None = None) -> str:
        """The query string with one filter value (or the text query) removed."""
        params = [(k, v) for k, v in self.as_params() if not (k == param and (value is None or v == value))]
        return "?" + urlencode(params)

    def url_for_page(self, page: int) -> str:
        params = self.as_params() + ([("page", str(page))] if page > 1 else [])
        return "?" + urlencode(params)
