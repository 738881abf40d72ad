"""
The rating lock's second half: a rating must keep the published rule (catalogue/models/rating.py),
checked on the entry as posted, with its references and the rating-basis rows in the form.
"""

from catalogue.models import CaseStudyPage
from catalogue.models.rating import BasisStudy, rating_problems


def posted_basis(form) -> list[BasisStudy]:
    """The rating-basis rows in the posted form (deleted and empty rows left out)."""
    formset = getattr(form, "formsets", {}).get("rating_basis")
    if formset is None:
        return []
    rows = []
    for row in formset.forms:
        data = getattr(row, "cleaned_data", None) or {}
        reference = data.get("reference")
        if reference is None or data.get("DELETE"):
            continue
        rows.append(BasisStudy(reference.pk, reference.design, bool(data.get("primary")), str(reference)))
    return rows


def posted_references(form) -> list[int] | None:
    """The ids of the references chosen in the posted form (deleted and empty rows left out); None without them."""
    formset = getattr(form, "formsets", {}).get("cited_references")
    if formset is None or not formset.is_valid():
        return None
    chosen = []
    for row in formset.forms:
        data = getattr(row, "cleaned_data", None) or {}
        if data.get("reference") is not None and not data.get("DELETE"):
            chosen.append(data["reference"].pk)
    return chosen


def _evidence_changed(form, formset) -> bool:
    """Whether the post changes what the rating rests on (its references or basis rows)."""
    cited = getattr(form, "formsets", {}).get("cited_references")
    return (cited is not None and cited.has_changed()) or bool(formset is not None and formset.has_changed())


def check_rating_rule(form, cleaned_data: dict) -> None:
    """Add an error to the form for each part of the rule the posted rating breaks."""
    if "evidence_level" not in form.fields:
        return
    formset = getattr(form, "formsets", {}).get("rating_basis")
    if formset is not None and not formset.is_valid():
        return  # the rows' own errors come first; the rule is checked once they are readable
    if getattr(form, "rating_locked", False) and not _evidence_changed(form, formset):
        return  # a contributor's edit of other fields leaves the rating as a reviewer set it
    cited = posted_references(form)
    if cited is None:
        return  # the chosen references' own errors come first
    problems = rating_problems(
        cleaned_data.get("evidence_level"),
        is_case_study=isinstance(form.instance, CaseStudyPage),
        is_fictional=bool(cleaned_data.get("is_fictional")),
        cited_ids=cited,
        basis=posted_basis(form),
    )
    for field, message in problems.items():
        form.add_error(field if field in form.fields else None, message)
