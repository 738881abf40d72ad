"""Reading the catalogue's URL: every parameter validated, anything unusable ignored and reported."""

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlencode

from catalogue.io.numbers import parse_int

from .facets import FACETS, FACETS_BY_PARAM, MAX_QUERY_LENGTH, SORTS

CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
KNOWN_PARAMS = {"q", "sort", "page"}  # and every registered facet's parameter (FACETS_BY_PARAM)


def _shorten(value: str, limit: int = 40) -> str:
    value = CONTROL_CHARACTERS.sub("", value)
    return value if len(value) <= limit else value[: limit - 1] + "…"


@dataclass
class CatalogueQuery:
    """A validated catalogue search: text, selected facet values, sort and page number."""

    text: str = ""
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sort: str = ""
    page: int = 1
    notices: list[str] = field(default_factory=list)

    @classmethod
    def from_params(cls, params, known_values: Mapping[str, Collection[str]]) -> "CatalogueQuery":
        """Read a QueryDict; `known_values` maps each facet parameter to its valid slugs."""
        query = cls()
        query.text = query._read_text(params.get("q", ""))
        for facet in FACETS:
            query.filters[facet.param] = query._read_facet(
                facet, params.getlist(facet.param), known_values.get(facet.param, ())
            )
        query.sort = query._read_sort(params.get("sort", ""))
        query.page = query._read_page(params.get("page", ""))
        unknown = sorted(set(params.keys()) - KNOWN_PARAMS - set(FACETS_BY_PARAM))
        if unknown:
            names = ", ".join(f"‘{_shorten(name, 20)}’" for name in unknown[:5])
            query.notices.append(f"These parameters are not used by the catalogue and were ignored: {names}.")
        return query

    def _read_text(self, raw: str) -> str:
        text = " ".join(CONTROL_CHARACTERS.sub(" ", raw).split())
        if len(text) > MAX_QUERY_LENGTH:
            self.notices.append(f"Your search was shortened to its first {MAX_QUERY_LENGTH} characters.")
            text = text[:MAX_QUERY_LENGTH].rstrip()
        return text

    def _read_facet(self, facet, raw_values, known: Collection[str]) -> tuple[str, ...]:
        selected, ignored = [], []
        for value in raw_values:
            if value in known:
                if value not in selected:
                    selected.append(value)
            elif value.strip():
                ignored.append(_shorten(value))
        if ignored:
            listed = ", ".join(f"‘{value}’" for value in ignored[:5])
            self.notices.append(f"{facet.label}: we do not recognise {listed}, so it was ignored.")
        return tuple(selected)

    def _read_sort(self, raw: str) -> str:
        if raw and raw not in SORTS:
            self.notices.append(f"We cannot sort by ‘{_shorten(raw)}’; results are in the default order.")
            raw = ""
        if raw == "relevance" and not self.text:
            raw = ""
        return raw or ("relevance" if self.text else "evidence")

    def _read_page(self, raw: str) -> int:
        if not raw:
            return 1
        page = parse_int(raw, minimum=1, maximum=10**6 - 1)
        if page is not None and raw.isdigit():  # no sign or spaces in a page number
            return page
        self.notices.append(f"‘{_shorten(raw)}’ is not a page number; showing the first page.")
        return 1

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
