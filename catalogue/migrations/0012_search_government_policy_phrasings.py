"""
How practitioners name a government's policy paper: "the government's plan for the first 1001 days" means
The Best Start for Life, which GOV.UK publishes as a policy paper and whose text never says "government"
or "plan". Editors own the group afterwards; unseeding removes only this group, as seeded.
"""

from django.db import migrations

NOTE = "Practitioners' phrasings for government policy (seeded)"
TERMS = "government's plan\ngovernment plan\ngovernment strategy\ngovernment policy\npolicy paper\nwhite paper"


def seed(apps, schema_editor):
    apps.get_model("catalogue", "SearchSynonymGroup").objects.get_or_create(terms=TERMS, defaults={"note": NOTE})


def unseed(apps, schema_editor):
    apps.get_model("catalogue", "SearchSynonymGroup").objects.filter(terms=TERMS).delete()


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0011_merge_20261206_1009")]
    operations = [migrations.RunPython(seed, unseed)]
