"""Research questions as the map and entry pages show them, and where they attach to the map."""

from django.db.models import Prefetch

from catalogue.caches import visitor_list
from catalogue.models.visibility import view_restrictions

from .matrix import EvidenceMatrix
from .models import ResearchQuestion, ResearchQuestionEntry


def public_entry_links():
    """Links to live, public entries only: a question never reveals a draft or private page."""
    links = ResearchQuestionEntry.objects.filter(entry__live=True).select_related("entry")
    for _, path in view_restrictions():
        links = links.exclude(entry__path__startswith=path)
    return Prefetch("entry_links", queryset=links)


def _numbered_questions() -> list[ResearchQuestion]:
    """
    Every question, numbered in display order (Q1, Q2...) for the markers in the map. Read once per
    content version: any edit to a question or an entry moves the version on.
    """
    questions = list(ResearchQuestion.objects.prefetch_related("outcomes", "areas", public_entry_links()))
    for number, question in enumerate(questions, start=1):
        question.number = number
    return questions


questions_for_map = visitor_list("evidence-map-questions", _numbered_questions)


def _questions_by_entry() -> dict[int, list[ResearchQuestion]]:
    """Entry id -> the research questions an editor linked to it (every entry page shows them), in order."""
    by_entry = {}
    for question in ResearchQuestion.objects.prefetch_related("entry_links"):  # in the questions' order
        for link in question.entry_links.all():
            by_entry.setdefault(link.entry_id, []).append(question)
    return by_entry


questions_by_entry = visitor_list("research-questions-by-entry", _questions_by_entry)


def attach_questions(matrix: EvidenceMatrix, questions: list[ResearchQuestion]) -> dict[int, list[ResearchQuestion]]:
    """
    Place each question on the map: one about outcomes *and* areas goes in those areas' heading
    rows, under those outcomes' columns; one about areas only beside the area's name; one about
    outcomes only in the outcome's column heading (returned: outcome id -> questions).
    """
    by_outcome = {}
    for question in questions:
        outcome_ids = [outcome.pk for outcome in question.outcomes.all()]
        area_ids = {area.pk for area in question.areas.all()}
        if not area_ids:
            for outcome_id in outcome_ids:
                by_outcome.setdefault(outcome_id, []).append(question)
            continue
        for group in matrix.groups:
            if group.area is None or group.area.pk not in area_ids:
                continue
            if not outcome_ids:
                group.questions.append(question)
            for outcome_id in outcome_ids:
                group.questions_by_outcome.setdefault(outcome_id, []).append(question)
    return by_outcome
