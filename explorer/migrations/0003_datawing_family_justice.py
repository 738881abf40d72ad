"""
The family justice models move here from the `familyjustice` app, which is folded into this one.

The tables keep their names (`familyjustice_*`, set as each model's db_table), so on a database that had the
old app this migration only tells Django the models are now the explorer's: no row moves. On a new database
the tables do not exist yet, so it creates them and seeds the trend events the old app's migration 0002
seeded. Content types (and so permissions and search-index rows) are renamed from familyjustice to explorer.
Self-contained: it imports nothing from the project.
"""

import datetime

import django.db.models.deletion
import modelsearch.index
from django.db import migrations, models

MODELS = [
    "DfjArea",
    "TrendEvent",
    "AuthorityArea",
    "DfjCourt",
    "LegalStatusFigure",
    "ResidentialFamilyCentre",
    "Under18Conception",
]

# The events familyjustice migration 0002 seeded, each date and link checked against its source (November 2026).
EVENTS = [
    {"date": datetime.date(2014, 4, 22), "date_precision": "day",
     "title": "26-week time limit for care and supervision proceedings",
     "description": "Section 14 of the Children and Families Act 2014 amended section 32 of the Children Act 1989 "
                    "so that care and supervision applications are disposed of within 26 weeks of issue, unless "
                    "the court extends the period. The Commencement No. 2 Order 2014 (SI 2014/889, article 4) "
                    "brought provisions of Part 2 (family justice) into force on 22 April 2014, with the "
                    "single family court.",
     "source_title": "legislation.gov.uk: Children and Families Act 2014 (Commencement No. 2) Order 2014, "
                     "explanatory note",
     "source_url": "https://www.legislation.gov.uk/uksi/2014/889/note/made"},
    {"date": datetime.date(2014, 4, 22), "date_precision": "day",
     "title": "Public Law Outline 2014 (Practice Direction 12A)",
     "description": "The revised Public Law Outline, the case-management template for care proceedings, replaced "
                    "the pilot version in use since 1 July 2013.",
     "source_title": "Family Law: Public Law Outline and public law proceedings materials (15 April 2014)",
     "source_url": "https://www.familylaw.co.uk/news_and_comment/public-law-outline-and-public-law-proceedings-materials"},
    {"date": datetime.date(2021, 3, 1), "date_precision": "month",
     "title": "Public Law Working Group report and best practice guidance on section 20 / section 76 accommodation",
     "description": "The President's Public Law Working Group published its final report, with best practice "
                    "guidance on pre-proceedings work and on accommodating children under section 20 (England) "
                    "and section 76 (Wales).",
     "source_title": "Judiciary of England and Wales: Message from the President of the Family Division on the "
                     "publication of the Public Law Working Group report",
     "source_url": "https://www.judiciary.uk/guidance-and-resources/message-from-the-president-of-the-family-"
                   "division-publication-of-the-presidents-public-law-working-group-report/"},
    {"date": datetime.date(2023, 1, 16), "date_precision": "day",
     "title": "Relaunch of the Public Law Outline",
     "description": "The President of the Family Division relaunched the Public Law Outline, aiming to bring care "
                    "cases back within the statutory 26 weeks.",
     "source_title": "Judiciary of England and Wales: Re-launch of the Public Law Outline (PLO)",
     "source_url": "https://www.judiciary.uk/courts-and-tribunals/family-law-courts/re-launch-of-the-public-law-outline-plo/"},
    {"date": datetime.date(2026, 4, 29), "date_precision": "day",
     "title": "Children's Wellbeing and Schools Act 2026 receives Royal Assent",
     "description": "Part 1 is about children's social care; its first section inserts family group "
                    "decision-making into the Children Act 1989. Most provisions come into force on days set "
                    "by regulations.",
     "source_title": "legislation.gov.uk: Children's Wellbeing and Schools Act 2026 (c. 21)",
     "source_url": "https://www.legislation.gov.uk/ukpga/2026/21/contents"},
]


def adopt_or_create_tables(apps, schema_editor):
    """Keep the old app's tables where they exist; create those that do not (a new database)."""
    existing = set(schema_editor.connection.introspection.table_names())
    created = []
    for name in MODELS:
        model = apps.get_model("explorer", name)
        if model._meta.db_table not in existing:
            schema_editor.create_model(model)  # also creates its many-to-many tables
            created.append(name)
    if "TrendEvent" in created:
        TrendEvent = apps.get_model("explorer", "TrendEvent")
        for event in EVENTS:
            TrendEvent.objects.get_or_create(title=event["title"], date=event["date"], defaults=event)


def move_content_types(apps, schema_editor):
    """Permissions given on the old app's models, and their search-index rows, now belong to the explorer's."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    for name in MODELS:
        model = name.lower()
        if not ContentType.objects.filter(app_label="explorer", model=model).exists():
            ContentType.objects.filter(app_label="familyjustice", model=model).update(app_label="explorer")


class Migration(migrations.Migration):
    dependencies = [
        ("explorer", "0002_infant_care"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='DfjArea',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('code', models.CharField(help_text='HMCTS code, e.g. CLEVELAND_AND_SOUTH_DURHAM.', max_length=60, unique=True)),
                        ('slug', models.SlugField(max_length=80, unique=True)),
                        ('name', models.CharField(max_length=120)),
                        ('hmcts_region', models.CharField(blank=True, help_text='HMCTS grouping, not the ONS region.', max_length=40)),
                    ],
                    options={
                        'verbose_name': 'DFJ area',
                        'db_table': 'familyjustice_dfjarea',
                        'ordering': ['name'],
                    },
                ),
                migrations.CreateModel(
                    name='TrendEvent',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('date', models.DateField(help_text='The day it took effect or was published (the 1st if only the month is known).')),
                        ('date_precision', models.CharField(choices=[('day', 'Exact day'), ('month', 'Month only')], default='day', max_length=5)),
                        ('title', models.CharField(max_length=200)),
                        ('description', models.TextField(blank=True, help_text='One or two plain sentences: what changed.')),
                        ('source_title', models.CharField(max_length=200)),
                        ('source_url', models.URLField(help_text='Required: where a reader can check the date.', max_length=300)),
                    ],
                    options={
                        'verbose_name': 'trend event',
                        'db_table': 'familyjustice_trendevent',
                        'ordering': ['date'],
                    },
                    bases=(modelsearch.index.Indexed, models.Model),
                ),
                migrations.CreateModel(
                    name='AuthorityArea',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('la_code', models.CharField(max_length=9, unique=True)),
                        ('la_name', models.CharField(max_length=120)),
                        ('country', models.CharField(max_length=20)),
                        ('status', models.CharField(choices=[('single', 'Single DFJ area'), ('single_mapped', 'Single DFJ area among mapped courts; other courts have no DFJ area'), ('several', 'Several DFJ areas'), ('predecessor', 'Via predecessor authority'), ('none', 'No court with a DFJ area')], max_length=20)),
                        ('courts', models.TextField(blank=True, help_text="Linked courts, 'name [code]' separated by ';'.")),
                        ('courts_without_dfj_area', models.TextField(blank=True)),
                        ('successor_note', models.CharField(blank=True, max_length=300)),
                        ('basis', models.CharField(max_length=80)),
                        ('area', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='authorities', to='explorer.dfjarea')),
                        ('candidates', models.ManyToManyField(blank=True, related_name='candidate_authorities', to='explorer.dfjarea')),
                    ],
                    options={
                        'db_table': 'familyjustice_authorityarea',
                        'ordering': ['la_name'],
                    },
                ),
                migrations.CreateModel(
                    name='DfjCourt',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('court_code', models.CharField(help_text='Familyman court code.', max_length=6, unique=True)),
                        ('name', models.CharField(max_length=120)),
                        ('area', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='courts', to='explorer.dfjarea')),
                    ],
                    options={
                        'db_table': 'familyjustice_dfjcourt',
                        'ordering': ['name'],
                    },
                ),
                migrations.CreateModel(
                    name='LegalStatusFigure',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('measure', models.CharField(choices=[('starts', 'Children starting to be looked after in the year'), ('at31march', 'Children looked after at 31 March')], max_length=10)),
                        ('year', models.PositiveSmallIntegerField(help_text='Year ending 31 March.')),
                        ('la_code', models.CharField(db_index=True, help_text='Current ONS code (re-coded LAs joined).', max_length=9)),
                        ('la_name', models.CharField(max_length=120)),
                        ('geographic_level', models.CharField(max_length=20)),
                        ('section_20', models.PositiveIntegerField(null=True)),
                        ('section_20_flag', models.CharField(blank=True, max_length=1)),
                        ('interim_care_order', models.PositiveIntegerField(null=True)),
                        ('interim_care_order_flag', models.CharField(blank=True, max_length=1)),
                        ('full_care_order', models.PositiveIntegerField(null=True)),
                        ('full_care_order_flag', models.CharField(blank=True, max_length=1)),
                        ('placement_order', models.PositiveIntegerField(null=True)),
                        ('placement_order_flag', models.CharField(blank=True, max_length=1)),
                        ('placed_with_parents', models.PositiveIntegerField(help_text='At 31 March only.', null=True)),
                        ('placed_with_parents_flag', models.CharField(blank=True, max_length=1)),
                        ('total', models.PositiveIntegerField(null=True)),
                        ('total_flag', models.CharField(blank=True, max_length=1)),
                        ('source_ids', models.CharField(max_length=60)),
                    ],
                    options={
                        'db_table': 'familyjustice_legalstatusfigure',
                        'constraints': [models.UniqueConstraint(fields=('measure', 'la_code', 'year'), name='familyjustice_legal_status_unique')],
                    },
                ),
                migrations.CreateModel(
                    name='ResidentialFamilyCentre',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('year', models.PositiveSmallIntegerField()),
                        ('urn', models.CharField(max_length=12)),
                        ('name', models.CharField(blank=True, help_text='Empty where Ofsted redacted it.', max_length=200)),
                        ('sector', models.CharField(max_length=30)),
                        ('places', models.PositiveSmallIntegerField(help_text='Not published in 2015.', null=True)),
                        ('organisation', models.CharField(blank=True, max_length=200)),
                        ('la_code', models.CharField(db_index=True, max_length=9)),
                        ('la_name', models.CharField(max_length=120)),
                        ('region_name', models.CharField(blank=True, help_text='Government office region, as published.', max_length=60)),
                        ('latest_judgement', models.CharField(blank=True, max_length=60)),
                        ('latest_inspection_date', models.CharField(blank=True, help_text='dd/mm/yyyy, as published.', max_length=10)),
                        ('redacted', models.BooleanField(default=False)),
                    ],
                    options={
                        'db_table': 'familyjustice_residentialfamilycentre',
                        'ordering': ['year', 'la_name', 'name'],
                        'constraints': [models.UniqueConstraint(fields=('year', 'urn'), name='familyjustice_rfc_year_urn')],
                    },
                ),
                migrations.CreateModel(
                    name='Under18Conception',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('year', models.PositiveSmallIntegerField()),
                        ('geographic_level', models.CharField(max_length=20)),
                        ('la_code', models.CharField(db_index=True, max_length=9)),
                        ('la_name', models.CharField(max_length=120)),
                        ('rate_per_1000', models.DecimalField(decimal_places=1, max_digits=5, null=True)),
                        ('flag', models.CharField(blank=True, help_text="'-' where LAIT holds no value.", max_length=1)),
                    ],
                    options={
                        'db_table': 'familyjustice_under18conception',
                        'constraints': [models.UniqueConstraint(fields=('la_code', 'year'), name='familyjustice_u18_unique')],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(adopt_or_create_tables, migrations.RunPython.noop),
        migrations.RunPython(move_content_types, migrations.RunPython.noop),
    ]
