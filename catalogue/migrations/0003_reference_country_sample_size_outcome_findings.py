"""
References gain country, sample size and a direction of effect per outcome measured.

Django cannot add `through=` to an existing many-to-many, so the links are copied from the old
auto-created table into ReferenceOutcome (direction "not recorded": nobody recorded one), the old
field is removed, and `outcomes` comes back on top of the new table.
"""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models

DIRECTIONS = [("benefit", "Benefit"), ("no_difference", "No difference"), ("harm", "Harm"), ("mixed", "Mixed"),
              ("not_recorded", "Not recorded")]


def copy_outcome_links(apps, schema_editor):
    Reference = apps.get_model("catalogue", "Reference")
    ReferenceOutcome = apps.get_model("catalogue", "ReferenceOutcome")
    old_links = Reference.outcomes.through.objects.values_list("reference_id", "outcome_id")
    ReferenceOutcome.objects.bulk_create(
        ReferenceOutcome(reference_id=reference_id, outcome_id=outcome_id, direction="not_recorded")
        for reference_id, outcome_id in old_links
    )


def copy_back(apps, schema_editor):
    Reference = apps.get_model("catalogue", "Reference")
    ReferenceOutcome = apps.get_model("catalogue", "ReferenceOutcome")
    Reference.outcomes.through.objects.bulk_create(
        Reference.outcomes.through(reference_id=reference_id, outcome_id=outcome_id)
        for reference_id, outcome_id in ReferenceOutcome.objects.values_list("reference_id", "outcome_id")
    )


class Migration(migrations.Migration):

    dependencies = [
        ("catalogue", "0002_seed_vocabularies"),
    ]

    operations = [
        migrations.AddField(
            model_name="reference",
            name="country",
            field=models.CharField(blank=True, help_text="Where the study took place, e.g. 'England', 'Wales', 'United States'.", max_length=100),
        ),
        migrations.AddField(
            model_name="reference",
            name="sample_size",
            field=models.PositiveIntegerField(blank=True, help_text="Participants analysed (parents, families or babies); blank for reviews or when not reported.", null=True),
        ),
        migrations.CreateModel(
            name="ReferenceOutcome",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                ("direction", models.CharField(choices=DIRECTIONS, default="not_recorded", max_length=20, verbose_name="direction of effect")),
                ("outcome", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="findings", to="catalogue.outcome")),
                ("reference", modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name="outcome_findings", to="catalogue.reference")),
            ],
            options={
                "verbose_name": "outcome measured",
                "verbose_name_plural": "outcomes measured",
                "ordering": ["sort_order"],
                "abstract": False,
            },
        ),
        migrations.AddConstraint(
            model_name="referenceoutcome",
            constraint=models.UniqueConstraint(fields=("reference", "outcome"), name="unique_reference_outcome"),
        ),
        migrations.RunPython(copy_outcome_links, copy_back),
        migrations.RemoveField(model_name="reference", name="outcomes"),
        migrations.AddField(
            model_name="reference",
            name="outcomes",
            field=models.ManyToManyField(blank=True, related_name="references", through="catalogue.ReferenceOutcome", to="catalogue.outcome"),
        ),
    ]
