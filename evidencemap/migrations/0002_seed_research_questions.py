"""
Seed the research questions the field asked (issue "Evidence and gap map"; DESIGN.md "Why it
exists"). Idempotent: keyed on the title, so editors' later changes to other questions survive.
Entries are linked by editors; outcomes and areas by slug when the vocabulary has them.
"""

from django.db import migrations

QUESTIONS = [
    ("How does removal of babies at birth relate to deprivation?",
     "Rates of newborn care proceedings vary widely between local authorities. How much of that "
     "variation follows deprivation, and what is left once deprivation is taken into account?",
     ["baby-remains-with-family"], ["pre-birth-assessment"], "/data/"),
    ("Does spending on early help change how often babies are removed at birth?",
     "Authorities spend very different amounts on early help and family support. Whether higher "
     "spend goes with fewer newborn proceedings, and in which direction any effect runs, is not known.",
     ["baby-remains-with-family", "cost"], ["pre-birth-assessment", "peri-natal-intervention"], "/data/"),
    ("How do Ofsted ratings of children's services relate to removal at birth?",
     "Do authorities judged differently by Ofsted take newborn babies into care at different rates? "
     "A relationship would not show which causes which.",
     ["baby-remains-with-family"], [], "/data/"),
    ("What works in the peri-natal period to keep babies safely with their families?",
     "Few interventions in pregnancy and the first weeks after birth have been tested against a "
     "comparison group in England or Wales. Which help, for which families, keeps babies safely at home?",
     ["baby-remains-with-family", "parenting-and-attachment", "parental-mental-health", "substance-use"],
     ["peri-natal-intervention"], ""),
    ("What is the place of residential parent-and-baby assessment units?",
     "Residential assessment is costly and unevenly available. When does it help courts reach fair, "
     "timely decisions, and what happens to families afterwards?",
     ["court-timeliness-and-fairness", "baby-remains-with-family", "cost"], ["pre-birth-assessment"], ""),
    ("What is the place of parent-and-baby foster placements?",
     "Parent-and-baby foster placements are used during proceedings, but little is known about who "
     "they suit, how they are experienced and what follows for the baby.",
     ["baby-remains-with-family", "parents-experience", "placement-stability"], ["peri-natal-intervention"], ""),
    ("What effect have Serious Case Reviews had on pre-birth practice?",
     "Serious Case Reviews (now child safeguarding practice reviews) shape local procedures. Whether "
     "their recommendations have changed pre-birth assessment, and with what consequences, is unstudied.",
     [], ["pre-birth-assessment"], ""),
    ("What support after removal prevents recurrent care proceedings?",
     "Many mothers return to court with later babies. Post-removal services are growing, but comparison "
     "studies of their effect on recurrence, and on parents' wellbeing, are few.",
     ["recurrence-avoided", "parental-mental-health", "pregnancy-planning"], ["post-removal-support"], ""),
]


def seed(apps, schema_editor):
    ResearchQuestion = apps.get_model("evidencemap", "ResearchQuestion")
    Outcome = apps.get_model("catalogue", "Outcome")
    AreaOfPractice = apps.get_model("catalogue", "AreaOfPractice")
    for order, (title, explanation, outcome_slugs, area_slugs, data_path) in enumerate(QUESTIONS, start=1):
        question, created = ResearchQuestion.objects.get_or_create(
            title=title, defaults={"explanation": explanation, "status": "open", "sort_order": order * 10,
                                   "data_explorer_path": data_path})
        if created:
            # Historical models are not clusterable: write the link tables directly.
            outcome_ids = Outcome.objects.filter(slug__in=outcome_slugs).values_list("pk", flat=True)
            area_ids = AreaOfPractice.objects.filter(slug__in=area_slugs).values_list("pk", flat=True)
            OutcomeLink = ResearchQuestion.outcomes.through
            OutcomeLink.objects.bulk_create(OutcomeLink(researchquestion_id=question.pk, outcome_id=pk)
                                            for pk in outcome_ids)
            AreaLink = ResearchQuestion.areas.through
            AreaLink.objects.bulk_create(AreaLink(researchquestion_id=question.pk, areaofpractice_id=pk)
                                         for pk in area_ids)


def unseed(apps, schema_editor):
    apps.get_model("evidencemap", "ResearchQuestion").objects.filter(title__in=[q[0] for q in QUESTIONS]).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("evidencemap", "0001_initial"),
        ("catalogue", "0002_seed_vocabularies"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
