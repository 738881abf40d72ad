"""
Practitioners' phrasings added to the search vocabulary (issue 20): postnatal depression, mums in a
mental health crisis, bonding, extended family and kinship, migrant families, mothers who have had
children removed, young mums. Editors own the groups afterwards; unseeding removes only these.
"""

from django.db import migrations

NOTE = "Practitioners' phrasings (seeded)"
GROUPS = [
    "postnatal depression\npost-natal depression\nperinatal depression\nPND\npostnatal mental health\n"
    "perinatal mental health\nmaternal mental health\nantenatal and postnatal mental health",
    "mental health crisis\nmental health emergency\nsevere mental illness\nserious mental illness\n"
    "acute mental illness\npsychiatric",
    "bonding\nattachment\nparent-infant relationship\nparent-baby relationship\nearly relationship\n"
    "nurturing relationship\nattunement\nattuned",
    "extended family\nwider family\nkinship\nkinship care\nkinship carers\nrelatives\nfamily and friends\n"
    "friends and family\nconnected carers\nconnected persons\ngrandparents",
    "migrant families\nmigrants\nmigrant\nrecent migrants\nasylum seekers\nasylum-seeking\nrefugees\n"
    "immigration status",
    "had children removed\nhad a child removed\nchildren removed\nchild removed\nchildren taken into care\n"
    "previous removals\nfurther removals\nrepeat removals\nrecurrent care proceedings",
    "young mums\nyoung mum\nyoung mothers\nyoung mother\nteenage mums\nteenage mothers\nteenage parents\n"
    "young parents\nwomen under 20\nmothers under 20",
    "mums\nmum\nmothers\nmother\nmums-to-be\nexpectant mothers",
    "stop\nprevent\nprevention\nreduce\navoid",
    "birth trauma\ntraumatic birth\ntrauma after birth\nbirth-related trauma",
    "pregnant\npregnancy\nexpectant\nexpecting\nparents-to-be\nunborn",
    "violent\nviolence\nabusive\nabuse",
    "social services\nchildren's services\nchildren's social care\nsocial care",
]


def seed(apps, schema_editor):
    group = apps.get_model("catalogue", "SearchSynonymGroup")
    for terms in GROUPS:
        group.objects.get_or_create(terms=terms, defaults={"note": NOTE})


def unseed(apps, schema_editor):
    apps.get_model("catalogue", "SearchSynonymGroup").objects.filter(terms__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0007_content_version")]
    operations = [migrations.RunPython(seed, unseed)]
