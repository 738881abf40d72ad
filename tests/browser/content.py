"""The catalogue the browser tests use: one of each entry type, with enough variety to filter."""

from dataclasses import dataclass, field

from demo.site_tree import ensure_site_tree
from tests.factories import CaseStudyPageFactory, GuidancePageFactory, InterventionPageFactory, ReferenceFactory


@dataclass
class BrowserSite:
    url: str
    intervention: object
    guidance: object
    case_study: object
    built: list[dict] = field(default_factory=list)  # what each entry was built with (title, facet values)

    def at(self, path: str) -> str:
        return self.url + path

    def count(self, word: str = "", **facets: str) -> int:
        """
        How many built entries carry every facet value given (e.g. region="london") and have `word` in their
        title: what a filter's label should say, worked out from what was built rather than written in.
        """
        return sum(
            word.lower() in spec["title"].lower() and all(value in spec.get(name, ()) for name, value in facets.items())
            for spec in self.built
        )

    def label(self, name: str, word: str = "", **facets: str) -> str:
        """A filter checkbox's label: the value's name and its count, e.g. "London (2)"."""
        return f"{name} ({self.count(word, **facets)})"


def build_catalogue(url: str) -> BrowserSite:
    _, catalogue = ensure_site_tree()
    built = []

    def recorded(**spec):
        built.append({**spec, "evidence": [spec.get("evidence", "")]})
        return spec

    case_study = CaseStudyPageFactory(
        parent=catalogue,
        **recorded(
            title="Riverside recovery court pathway",
            evidence="practice-informed",
            areas=["post-removal-support"],
            regions=["london"],
            stages=["after-removal"],
            topics=["substance-use"],
        ),
        period="2019 to 2023",
        what_changed="Fewer repeat proceedings (illustrative).",
    )
    intervention = InterventionPageFactory(
        parent=catalogue,
        **recorded(
            title="Family Drug and Alcohol Court",
            evidence="moderate",
            areas=["peri-natal-intervention"],
            stages=["during-proceedings"],
            regions=["london"],
            topics=["substance-use"],
        ),
        provider="Coram",
        summary="A problem-solving court for parents whose substance use puts their baby at risk.",
        website="https://example.org/a/very/long/address/that/must/wrap/on/a/small/screen/family-drug-and-alcohol-court",
        publish=False,
    )
    intervention.references.set([ReferenceFactory(title="After FDAC: outcomes five years later", year=2016)])
    intervention.related_entries.create(related=case_study)
    intervention.save_revision().publish()
    guidance = GuidancePageFactory(
        parent=catalogue,
        **recorded(
            title="Pre-birth assessment procedure",
            evidence="not-yet-rated",
            areas=["pre-birth-assessment"],
            stages=["pregnancy"],
            regions=["wales"],
        ),
        summary="When and how to assess, with the parents, whether a baby can safely stay with them.",
    )
    for number in range(3):
        InterventionPageFactory(
            parent=catalogue,
            **recorded(
                title=f"Parent advocacy service {number}",
                evidence="promising",
                areas=["post-removal-support"],
                regions=["north-west"],
                stages=["pre-proceedings"],
            ),
        )
    return BrowserSite(url=url, intervention=intervention, guidance=guidance, case_study=case_study, built=built)
