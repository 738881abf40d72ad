"""Seed the search vocabulary with the field's common synonyms and acronyms (editors own it afterwards)."""

from django.db import migrations

GROUPS = [
    ("s20\ns.20\nsection 20\nvoluntary accommodation", "Children Act 1989 s.20 accommodation"),
    ("PLO\npublic law outline\npre-proceedings", "Practice Direction 12A"),
    ("FDAC\nfamily drug and alcohol court", ""),
    ("MBU\nmother and baby unit", "Psychiatric units and prison units both use the name"),
    ("FGC\nfamily group conference\nfamily group decision making", ""),
    ("NRPF\nno recourse to public funds", ""),
    ("VIG\nvideo interaction guidance\nvideo feedback", ""),
    ("FNP\nfamily nurse partnership", ""),
    ("domestic abuse\ndomestic violence\nDV", ""),
    ("fathers\ndads\npaternal", ""),
    ("pre-birth\nprebirth\nantenatal", ""),
    ("learning disability\nlearning disabled\nlearning difficulties\nLD", ""),
    ("care leavers\ncare-experienced", ""),
    ("repeat removals\nrecurrent care proceedings\nrecurrence", ""),
    ("young parents\nteenage parents\nteenage mothers", ""),
    ("substance use\nsubstance misuse\ndrugs\nalcohol", ""),
    ("perinatal\nperi-natal\npostnatal\nantenatal", ""),
    ("1001 days\nfirst 1,001 days\nbest start for life", ""),
]


def seed(apps, schema_editor):
    group = apps.get_model("catalogue", "SearchSynonymGroup")
    for terms, note in GROUPS:
        group.objects.get_or_create(terms=terms, defaults={"note": note})


def unseed(apps, schema_editor):
    apps.get_model("catalogue", "SearchSynonymGroup").objects.filter(terms__in=[t for t, _ in GROUPS]).delete()


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0005_search_vocabulary_and_records")]
    operations = [migrations.RunPython(seed, unseed)]
