"""CatalogueVersion becomes ContentVersion: explorer and evidence-map saves move it too, so it versions the site."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0006_seed_search_vocabulary"),
    ]

    operations = [
        migrations.RenameModel(old_name="CatalogueVersion", new_name="ContentVersion"),
        migrations.AlterModelOptions(name="contentversion", options={"verbose_name": "content version"}),
    ]
