from django.db import migrations


def seed(apps, schema_editor):
    from catalogue.vocabularies import seed_vocabularies

    seed_vocabularies(lambda name: apps.get_model("catalogue", name))


class Migration(migrations.Migration):
    """Areas, stages, topics, outcomes, regions, local authorities and the evidence scale."""

    dependencies = [("catalogue", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
