"""
An index of the pages just below a site's root (depth 3: the menu's and the footer's pages), on Wagtail's
page table. The menu is the home page's children, `depth = 3 AND path BETWEEN home's range`, and with only
the path index the database walked every page below home to find them (18 ms at 100,000 entries on SQLite,
after every publish). This partial index holds those few pages; SQLite uses a partial index only for a query
that names its condition as written, so it says `depth = 3`, not `depth <= 3`.
"""

from django.db import migrations

INDEX = "catalogue_page_below_site_root"


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0013_merge_20261206_1312"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page (path) WHERE depth = 3",
            f"DROP INDEX IF EXISTS {INDEX}",
        ),
    ]
