"""Real under-1 figures; the synthetic newborn example is removed from every database."""

from django.db import migrations, models


def remove_synthetic_datasets(apps, schema_editor):
    """Invented figures were attached to real LA codes: they must not survive an upgrade."""
    NewbornDataset = apps.get_model("explorer", "NewbornDataset")
    NewbornCount = apps.get_model("explorer", "NewbornCount")
    synthetic = NewbornDataset.objects.filter(is_synthetic=True)
    NewbornCount.objects.filter(dataset__in=synthetic).delete()
    synthetic.delete()


class Migration(migrations.Migration):
    dependencies = [("explorer", "0001_initial")]

    operations = [
        migrations.CreateModel(
            name="InfantCareFigure",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("measure", models.CharField(choices=[
                    ("starts", "Children who started to be looked after aged under 1 during the year"),
                    ("at_31_march", "Children looked after on 31 March aged under 1")], max_length=12)),
                ("country", models.CharField(max_length=10)),
                ("geographic_level", models.CharField(choices=[
                    ("National", "Country"), ("Regional", "Region"), ("Local authority", "Local authority")],
                    max_length=20)),
                ("year", models.PositiveSmallIntegerField(
                    help_text="Reporting year ending 31 March (2025 = April 2024 to March 2025).")),
                ("area_code", models.CharField(db_index=True, max_length=9, help_text=(
                    "Today's code: pure re-codes (e.g. Gateshead) joined into one series."))),
                ("area_code_as_published", models.CharField(max_length=9)),
                ("area_name", models.CharField(max_length=120)),
                ("region_code", models.CharField(blank=True, max_length=9)),
                ("count", models.PositiveIntegerField(help_text="Empty when suppressed (see flag).", null=True)),
                ("flag", models.CharField(blank=True, max_length=30,
                                          help_text="c, x (DfE) or * (StatsWales): suppressed.")),
                ("all_ages_count", models.PositiveIntegerField(help_text="All ages, from the same publication.",
                                                               null=True)),
                ("all_ages_flag", models.CharField(blank=True, max_length=30)),
                ("rounding", models.CharField(help_text="How the publisher rounded this figure.", max_length=120)),
                ("publication", models.CharField(max_length=200)),
                ("source_file", models.CharField(max_length=200)),
            ],
            options={
                "constraints": [models.UniqueConstraint(fields=("measure", "area_code", "year"),
                                                        name="explorer_infant_unique")],
                "indexes": [models.Index(fields=["measure", "year"], name="explorer_infant_measure_year")],
            },
        ),
        migrations.CreateModel(
            name="CafcassRate",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("area_code", models.CharField(db_index=True, max_length=9)),
                ("area_name", models.CharField(max_length=120)),
                ("geographic_level", models.CharField(max_length=20)),
                ("financial_year", models.CharField(max_length=7)),
                ("year", models.PositiveSmallIntegerField(help_text="Year the financial year ends in (LAIT's label).")),
                ("rate_per_10000_children", models.DecimalField(decimal_places=1, max_digits=6)),
                ("geography_note", models.CharField(blank=True, max_length=300)),
            ],
            options={"constraints": [models.UniqueConstraint(fields=("area_code", "year"),
                                                             name="explorer_cafcass_unique")]},
        ),
        migrations.CreateModel(
            name="PublishedQuote",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("position", models.PositiveSmallIntegerField(unique=True)),
                ("study", models.CharField(max_length=200)),
                ("geography", models.CharField(max_length=300)),
                ("period", models.CharField(max_length=40)),
                ("measure", models.CharField(max_length=200)),
                ("value", models.CharField(blank=True, max_length=20)),
                ("unit", models.CharField(max_length=100)),
                ("url", models.URLField(max_length=300)),
                ("quote", models.TextField()),
            ],
            options={"ordering": ["position"]},
        ),
        migrations.RunPython(remove_synthetic_datasets, migrations.RunPython.noop),
    ]
