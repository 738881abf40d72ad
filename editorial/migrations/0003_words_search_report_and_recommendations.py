"""Data migration: every role reads the search report; Reviewers and Administrators pin recommended results."""

from django.db import migrations


def forwards(apps, schema_editor):
    from editorial.setup import ensure_editorial_setup

    ensure_editorial_setup(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0002_roles_and_evidence_review"),
        ("catalogue", "0009_words_search_records_without_personal_data"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
