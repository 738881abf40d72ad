"""The demo loader links seeded research questions to demo entries, once, skipping what is missing."""

from demo.research_questions import link_demo_questions
from evidencemap.models import ResearchQuestionEntry
from tests.factories import InterventionPageFactory


def test_demo_questions_are_linked_once(catalogue):
    pause = InterventionPageFactory(parent=catalogue, title="Pause", slug="pause")
    assert link_demo_questions() == 1  # the only demo entry that exists here
    assert link_demo_questions() == 0
    link = ResearchQuestionEntry.objects.get()
    assert link.entry_id == pause.pk and link.question.title.startswith("What support after removal")
