"""Point the deprivation, early-help spend and Ofsted questions at the explorer's relationships view."""

from django.db import migrations

TITLES = [
    "How does removal of babies at birth relate to deprivation?",
    "Does spending on early help change how often babies are removed at birth?",
    "How do Ofsted ratings of children's services relate to removal at birth?",
]


def forwards(apps, schema_editor):
    # Only where the seeded link is unchanged: never overwrite an editor's choice.
    apps.get_model("evidencemap", "ResearchQuestion").objects.filter(
        title__in=TITLES, data_explorer_path="/data/").update(data_explorer_path="/data/relationships/")


def backwards(apps, schema_editor):
    apps.get_model("evidencemap", "ResearchQuestion").objects.filter(
        title__in=TITLES, data_explorer_path="/data/relationships/").update(data_explorer_path="/data/")


class Migration(migrations.Migration):

    dependencies = [("evidencemap", "0002_seed_research_questions")]

    operations = [migrations.RunPython(forwards, backwards)]
