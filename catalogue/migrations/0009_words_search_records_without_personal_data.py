"""
Search records keep no personal data (issue 25): a record's words stay only when every one is a word
of the catalogue (entry titles and summaries) or its vocabularies (synonym terms, vocabulary names);
any other record, and any with an email address or a number outside a vocabulary term, is folded into
the day's "other searches" for its number of entries found, and its words are deleted. Self-contained:
the rule is written out here rather than imported, as code may change after this migration.
"""

import re

from django.db import migrations

WORD = re.compile(r"[^\W_]+", re.UNICODE)
LOW_RESULTS = 2
OTHER_SEARCHES = "#other"
VOCABULARIES = ("AreaOfPractice", "Stage", "Topic", "Outcome", "Region", "LocalAuthority")
ALWAYS_KNOWN = set(
    """
i me my we our you your he him his she her it its they them their what which who whom this that these those am
is are was were be been being have has had do does did a an the and but if or because as until while of at by
for with about against between into through during before after above below to from up down in out on off over
under again further then once here there when where why how all any both each few more most other some such
no nor not only own same so than too very s t can will just don should now works work help support anything
""".split()
)


def words_of(text):
    return WORD.findall((text or "").casefold())


def fold_unknown_searches(apps, schema_editor):
    record = apps.get_model("catalogue", "SearchRecord")
    if not record.objects.exists():
        return
    vocabulary = set()
    for group in apps.get_model("catalogue", "SearchSynonymGroup").objects.all():
        vocabulary.update(words_of(group.terms))
    for name in VOCABULARIES:
        for label in apps.get_model("catalogue", name).objects.values_list("name", flat=True):
            vocabulary.update(words_of(label))
    text = set()
    for title, summary in apps.get_model("catalogue", "EntryPage").objects.values_list("title", "summary"):
        text.update(words_of(title))
        text.update(words_of(summary))
    known = ALWAYS_KNOWN | vocabulary | {word for word in text if not any(c.isdigit() for c in word)}
    for row in record.objects.exclude(terms__startswith=OTHER_SEARCHES):
        words = words_of(row.terms)
        if words and "@" not in row.terms and all(word in known for word in words):
            continue
        found = min(row.results, LOW_RESULTS + 1)
        other, _ = record.objects.get_or_create(
            day=row.day, terms=f"{OTHER_SEARCHES} {found}", defaults={"searches": 0, "results": found}
        )
        other.searches += row.searches
        other.save(update_fields=["searches"])
        row.delete()


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0008_words_practitioners_phrasings")]
    operations = [migrations.RunPython(fold_unknown_searches, migrations.RunPython.noop)]
