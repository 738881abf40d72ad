"""Template helpers for "the law at this stage" (catalogue/law_at_stage.py)."""

from urllib.parse import urlencode

from django import template

from catalogue.law_at_stage import LAW_TYPES, law_by_stage, law_for_selected_stages

register = template.Library()


@register.simple_tag(takes_context=True)
def law_at_selected_stages(context):
    """{% law_at_selected_stages as stages_law %} on the catalogue page: one `LawAtStage` per chosen stage."""
    results, query = context.get("results"), context.get("query")
    if results is None or query is None:
        return []
    return law_for_selected_stages(query, results.facets.get("stage", ()))


@register.simple_tag
def law_count_at_stage(slug):
    """How many law and case-law entries govern a stage (the home page's stage list)."""
    return len(law_by_stage().get(slug, ()))


@register.simple_tag
def law_only_params(stage_slug):
    """The catalogue query string that lists only the law and case law at one stage."""
    return "?" + urlencode([("stage", stage_slug)] + [("type", slug) for slug in LAW_TYPES])
