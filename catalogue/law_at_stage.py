"""
"The law at this stage": the legislation and case law tagged with a stage of the pathway, shown
beside the evidence when practitioners browse the catalogue by stage (and counted on the home
page's list of stages). Read once per content version, so a catalogue request pays nothing for it.
"""

from dataclasses import dataclass

from .caches import visitor_list
from .models import EntryPage, JudgmentPage, LegislationPage
from .models.own_rows import from_own_rows
from .models.visibility import without_private

# The entry types that state the law, in the order the panel lists them (statute, then judgments).
LAW_TYPES = {"legislation": LegislationPage, "judgment": JudgmentPage}


@dataclass(frozen=True)
class LawAtStage:
    """One stage's law: its slug and name, and the live public entries, statutes first."""

    slug: str
    name: str
    entries: tuple[EntryPage, ...]


def _law_by_stage() -> dict[str, tuple[EntryPage, ...]]:
    """Stage slug -> the live, public legislation and judgments tagged with it."""
    found: dict[str, list[EntryPage]] = {}
    for model in LAW_TYPES.values():
        for page in from_own_rows(without_private(model.objects.live())).prefetch_related("stages").order_by("title"):
            for stage in page.stages.all():
                found.setdefault(stage.slug, []).append(page)
    return {slug: tuple(pages) for slug, pages in found.items()}


def law_for_selected_stages(query, stage_options) -> list[LawAtStage]:
    """
    The law at each stage the catalogue is filtered to (none when no stage is chosen, or when the
    type filter already shows only the law: the results are then the list itself).
    """
    chosen_types = set(query.filters.get("type", ()))
    if chosen_types and chosen_types <= set(LAW_TYPES):
        return []
    stages = query.filters.get("stage", ())
    if not stages:
        return []
    by_stage = law_by_stage()
    names = {option.slug: option.label for option in stage_options}
    return [LawAtStage(slug, names.get(slug, slug), by_stage[slug]) for slug in stages if by_stage.get(slug)]


law_by_stage = visitor_list("law-by-stage", _law_by_stage)
