"""
Link the seeded research questions to the demo catalogue's entries that bear on them (idempotent).
These are topical links an editor would make; they claim nothing about what any study found.
"""

from catalogue.models import ContentVersion, EntryPage
from evidencemap.models import ResearchQuestion, ResearchQuestionEntry

# Question title (as seeded) -> demo entry slugs
DEMO_LINKS = {
    "How does removal of babies at birth relate to deprivation?": [
        "born-into-care-england-2018",
        "born-into-care-wales-2019",
    ],
    "Does spending on early help change how often babies are removed at birth?": [
        "best-start-for-life",
        "flying-start",
    ],
    "How do Ofsted ratings of children's services relate to removal at birth?": ["born-into-care-england-2018"],
    "What works in the peri-natal period to keep babies safely with their families?": [
        "baby-and-me-newport",
        "baby-in-mind-bridgend",
        "family-nurse-partnership",
        "substance-use-specialist-midwifery",
        "parents-under-pressure",
    ],
    "What is the place of residential parent-and-baby assessment units?": ["residential-parent-and-baby-assessment"],
    "What is the place of parent-and-baby foster placements?": ["parent-and-baby-foster-placements"],
    "What effect have Serious Case Reviews had on pre-birth practice?": [
        "myth-of-invisible-men",
        "ofsted-ages-of-concern-2011",
        "cambs-peterborough-pre-birth-assessment",  # gives practice-review findings on babies as its reason
    ],
    "What support after removal prevents recurrent care proceedings?": [
        "pause",
        "reflect-wales",
        "positive-choices-mpower",
        "case-midlands-breaking-the-cycle",
        "rip-recurrent-care-resource-pack-2019",
    ],
}


def link_demo_questions() -> int:
    """Add the missing links (questions or entries that do not exist are skipped); returns how many."""
    questions = {q.title: q for q in ResearchQuestion.objects.filter(title__in=DEMO_LINKS)}
    slugs = {slug for slugs in DEMO_LINKS.values() for slug in slugs}
    entries = {entry.slug: entry for entry in EntryPage.objects.filter(slug__in=slugs)}
    existing = set(ResearchQuestionEntry.objects.values_list("question_id", "entry_id"))
    links = [
        ResearchQuestionEntry(question=questions[title], entry=entries[slug], sort_order=order)
        for title, slugs in DEMO_LINKS.items()
        if title in questions
        for order, slug in enumerate(slugs)
        if slug in entries and (questions[title].pk, entries[slug].pk) not in existing
    ]
    ResearchQuestionEntry.objects.bulk_create(links)
    if links:  # bulk_create sends no save signals: tell the page cache the questions changed
        ContentVersion.bump()
    return len(links)
