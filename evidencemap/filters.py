"""
The evidence map's filters, read from the URL. The URL is the whole state: cell links, the data
table and the CSV download carry the same parameters, so they all count exactly the same thing.
Unknown values never raise: the page drops them and says so; the CSV, read by programs that have no
page to read a notice on, refuses them with a 400 (`unknown`).
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from catalogue.caches import per_content_version
from catalogue.models import AreaOfPractice, Reference, Region, Stage

# param -> what the notice calls it
FILTER_NAMES = {
    "area": "area of practice",
    "stage": "stage",
    "region": "region (where it applies)",
    "design": "study design",
    "country": "country",
}


def known_values() -> dict[str, list[tuple[str, str]]]:
    """
    (value, label) choices for every filter, in display order: worked out once per content version (every map
    page, data table and CSV reads them; four queries each time otherwise). Shared: callers must not change them.
    """
    return per_content_version("evidence map filter choices", _known_values)


def _known_values() -> dict[str, list[tuple[str, str]]]:
    countries = Reference.objects.exclude(country="").order_by("country").values_list("country", flat=True).distinct()
    return {
        "area": list(AreaOfPractice.objects.values_list("slug", "name")),
        "stage": list(Stage.objects.values_list("slug", "name")),
        "region": list(Region.objects.order_by("kind", "sort_order", "name").values_list("slug", "name")),
        "design": list(Reference.Design.choices),
        "country": [(country, country) for country in countries],
    }


@dataclass(frozen=True)
class MapFilters:
    """Areas, stages and regions narrow the rows (interventions); designs and countries narrow the studies counted."""

    area: tuple[str, ...] = ()
    stage: tuple[str, ...] = ()
    region: tuple[str, ...] = ()  # an intervention applies in a region if tagged with it or a scope containing it
    design: tuple[str, ...] = ()
    country: tuple[str, ...] = ()
    notices: tuple[str, ...] = field(default=(), compare=False)
    unknown: tuple[str, ...] = field(default=(), compare=False)  # the same, as a machine reader's errors

    @classmethod
    def from_params(cls, params, choices=None) -> "MapFilters":
        choices = known_values() if choices is None else choices
        selected, notices, unknown = {}, [], []
        for param, name in FILTER_NAMES.items():
            allowed = {value for value, _ in choices[param]}
            given = [value.strip() for value in params.getlist(param) if value.strip()]
            kept = tuple(dict.fromkeys(value for value in given if value in allowed))
            ignored = [value for value in given if value not in allowed]
            if ignored:
                listed = ", ".join(sorted(set(ignored)))[:200]
                notices.append(f"Ignored unknown {name}: {listed}.")
                unknown.append(f"Unknown {name} ({param}): {listed}.")
            selected[param] = kept
        return cls(**selected, notices=tuple(notices), unknown=tuple(unknown))

    @property
    def is_filtered(self) -> bool:
        return any((self.area, self.stage, self.region, self.design, self.country))

    def params(self, **extra) -> list[tuple[str, str]]:
        pairs = [(param, value) for param in FILTER_NAMES for value in getattr(self, param)]
        return [(key, str(value)) for key, value in extra.items() if value not in (None, "")] + pairs

    def query_string(self, **extra) -> str:
        return urlencode(self.params(**extra))
