"""
The rating rule, as far as it can be checked, and what a rating rests on.

The rule itself is written for readers on "How we rate evidence" (demo/evidence_rule.py): a rating
rests on the primary outcome(s) of the studies named in its basis. Here is what can be checked from
the entry's own fields: a level that needs a comparison study rests on a cited study of that design,
a case study never carries a research tier, an illustrative example is never rated, and every rated
entry says which studies (and which outcomes) its rating rests on.
"""

from dataclasses import dataclass

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from .references import Reference


class GuidanceStatus(models.TextChoices):
    """What kind of document guidance is: shown instead of an evidence rating."""

    LEGISLATION = "legislation", "Legislation"
    STATUTORY = "statutory-guidance", "Statutory guidance"
    PRACTICE_DIRECTION = "practice-direction", "Practice direction"
    NON_STATUTORY = "non-statutory-guidance", "Non-statutory guidance"
    RESEARCH_REPORT = "research-report", "Research report"
    CONSULTATION = "consultation", "Draft or consultation"
    SUPERSEDED = "superseded", "Superseded"


class RatingBasis(Orderable):
    """One study a rating rests on: the outcomes it measured, what it found, and whether they are primary."""

    page = ParentalKey("catalogue.EntryPage", on_delete=models.CASCADE, related_name="rating_basis")
    reference = models.ForeignKey(Reference, on_delete=models.CASCADE, related_name="+")
    outcomes = models.CharField(
        "outcomes measured", max_length=300, help_text="In plain words, e.g. 'Maternal sensitivity at 2 years'."
    )
    finding = models.TextField("what was found", help_text="On those outcomes, in plain words.")
    primary = models.BooleanField(
        "primary outcome",
        default=False,
        help_text="Tick when these are the study's primary outcome(s) (or, where it named none, its main "
        "findings): the rating rests on these.",
    )

    panels = [FieldPanel("reference"), FieldPanel("outcomes"), FieldPanel("finding"), FieldPanel("primary")]

    class Meta(Orderable.Meta):
        verbose_name = "study the rating rests on"
        verbose_name_plural = "rating basis"

    def __str__(self):
        return f"{self.reference}: {self.outcomes}"


# Study designs (Reference.Design values) each kind of evidence needs.
COMPARISON_DESIGNS = frozenset({"rct", "quasi"})
OUTCOME_DESIGNS = COMPARISON_DESIGNS | {"pre_post"}
EVALUATION_DESIGNS = OUTCOME_DESIGNS | {"qualitative", "audit", "process", "review", "other"}

# Level slug -> (designs a primary basis study must have, how many such studies, wording).
LEVEL_NEEDS = {
    "strong": (COMPARISON_DESIGNS, 2, "two comparison studies (randomised or quasi-experimental)"),
    "moderate": (COMPARISON_DESIGNS, 1, "a comparison study (randomised or quasi-experimental)"),
    "no-benefit-found": (COMPARISON_DESIGNS, 1, "a comparison study (randomised or quasi-experimental)"),
    "promising": (OUTCOME_DESIGNS, 1, "an outcome study (pre/post or comparison)"),
    "possible-harm": (OUTCOME_DESIGNS, 1, "an outcome study (pre/post or comparison)"),
    "practice-informed": (EVALUATION_DESIGNS, 1, "a published evaluation or review of the practice"),
}


@dataclass(frozen=True)
class BasisStudy:
    """One row of a rating basis, as the rule reads it."""

    reference_id: int | None
    design: str
    primary: bool
    label: str = ""


def rating_problems(
    level, *, is_case_study: bool, is_fictional: bool, cited_ids, basis: list[BasisStudy]
) -> dict[str, str]:
    """{field: message} for every part of the rule this rating breaks (empty when it keeps it)."""
    if level is None or level.kind == "unrated":
        return {}
    if is_fictional:
        return {"evidence_level": "An illustrative (fictional) example is never rated: choose 'Not yet rated'."}
    if is_case_study and level.kind == "research":
        return {
            "evidence_level": "Case studies carry practice evidence: choose 'Practice-informed' or 'Not yet rated'."
        }
    if not basis:
        return {"rating_basis": "Add the study or studies this rating rests on (rating basis)."}
    cited = set(cited_ids)
    stray = [study.label for study in basis if study.reference_id not in cited]
    if stray:
        return {"rating_basis": f"Cite each study the rating rests on in the entry's references: {', '.join(stray)}."}
    needs = LEVEL_NEEDS.get(level.slug)
    if needs is None:
        return {}
    designs, count, wording = needs
    resting = [study for study in basis if study.primary or level.kind == "practice"]
    if level.kind == "research" and not resting:
        return {"rating_basis": "Mark the study whose primary outcome the rating rests on ('primary outcome')."}
    if len({study.reference_id for study in resting if study.design in designs}) < count:
        return {"evidence_level": f"'{level.name}' needs {wording} among the studies it rests on."}
    return {}


def basis_of(rows) -> list[BasisStudy]:
    """BasisStudy rows from RatingBasis objects (saved, or in memory on a preview or revision)."""
    return [
        BasisStudy(row.reference_id, row.reference.design if row.reference_id else "", row.primary, str(row.reference))
        for row in rows
    ]
