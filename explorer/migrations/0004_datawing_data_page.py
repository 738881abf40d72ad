"""
The data wing's Wagtail page. On a site that already has its home page, this creates the page at /data/
(where the data explorer has always been) with the introduction and section paragraphs the pages carried
in code; a new site gets it from demo/site_tree.py with the same words. Self-contained: nothing is
imported from the project.
"""

import json
import uuid

import django.db.models.deletion
import wagtail.fields
from django.conf import settings
from django.db import migrations, models
from django.db.models import F
from django.utils import timezone

import catalogue.extensions

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's path alphabet; Wagtail's steplen is 4
INTRODUCTION = (
    "Published figures for every local authority in England (2011 to 2025) and Wales (2003 to 2018): compare "
    "areas and regions, find outliers, and see how rates relate to deprivation, spending, Ofsted and Cafcass."
)
LEDES = [
    ("regions", "How the rate of infants (under 1) entering care differs between England's regions."),
    ("funnel", "A funnel plot shows which local authorities' rates of infants entering care differ from "
     "England's by more than chance would explain, allowing for how many babies are born there."),
    ("relationships", "How the rate of infants entering care relates to deprivation, spending on children's "
     "social care, Ofsted judgements and Cafcass care applications. A relationship between two measures "
     "does not show that one causes the other."),
    ("local_authorities", "153 children's services authorities in England and 22 local authorities in Wales, "
     "by region."),
    ("questions", "When the Born into Care figures were first presented, practitioners, managers and judges "
     "asked why rates of babies entering care differ so much between areas. This page takes each question in "
     "turn and shows what open data can say about it, and what they cannot."),
    ("area_index", "HM Courts & Tribunals Service lists 43 Designated Family Judge (DFJ) areas in England and "
     "Wales. Each area's page shows its local authorities' figures side by side and pooled, with a printable "
     "layout and a download pack for a board meeting."),
    ("legal_status", "How children come into care (a section 20 voluntary agreement or a court order) and how "
     "many children in care live with their parents, in England and its regions. Each local authority's own "
     "figures, against its region and statistical neighbours, are on its profile."),
    ("centres", "Residential family centres, where parents and babies can be assessed together, registered "
     "with Ofsted in England from 2015 to 2025."),
    ("your_data", "Upload your area's figures of infants entering care to see them on the same funnel plot and "
     "trend as the published figures. Your file is read and then discarded: nothing is stored on this site."),
]


def _child_path(Page, parent) -> str:
    last = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    number, digits = (int(last[-4:], 36) + 1 if last else 1), ""
    while number:
        number, remainder = divmod(number, 36)
        digits = ALPHABET[remainder] + digits
    return parent.path + digits.rjust(4, "0")


def create_data_page(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    HomePage = apps.get_model("website", "HomePage")
    DataPage = apps.get_model("explorer", "DataPage")
    ContentType = apps.get_model("contenttypes", "ContentType")
    home = HomePage.objects.order_by("path").first()
    if home is None or DataPage.objects.exists():
        return  # a new database: the page is made with the rest of the site tree
    if Page.objects.filter(path__startswith=home.path, depth=home.depth + 1, slug="data").exists():
        return  # an editor's own page holds the address; they can add the data page in the admin
    content_type, _ = ContentType.objects.get_or_create(app_label="explorer", model="datapage")
    now = timezone.now()
    sections = [
        {"type": "section", "value": {"section": name, "lede": lede}, "id": str(uuid.uuid4())} for name, lede in LEDES
    ]
    DataPage.objects.create(
        title="Data explorer",
        draft_title="Data explorer",
        slug="data",
        path=_child_path(Page, home),
        depth=home.depth + 1,
        numchild=0,
        url_path=home.url_path + "data/",
        live=True,
        has_unpublished_changes=False,
        first_published_at=now,
        last_published_at=now,
        content_type=content_type,
        locale_id=home.locale_id,
        translation_key=uuid.uuid4(),
        introduction=INTRODUCTION,
        sections=json.dumps(sections),
    )
    Page.objects.filter(pk=home.pk).update(numchild=F("numchild") + 1)


class Migration(migrations.Migration):

    dependencies = [
        ('website', '0001_initial'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('explorer', '0003_datawing_family_justice'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.CreateModel(
            name='DataPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('introduction', models.TextField(blank=True, help_text='The opening paragraph of the data explorer.')),
                ('sections', wagtail.fields.StreamField([('section', 2)], blank=True, block_lookup={0: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('regions', 'Regions compared'), ('funnel', 'Outlier local authorities'), ('relationships', 'Deprivation, spend, Ofsted and Cafcass'), ('local_authorities', 'Local authority profiles'), ('questions', 'What we asked, what the data show'), ('area_index', 'Family justice areas'), ('legal_status', 'Legal status and orders at home'), ('centres', 'Parent-and-child units'), ('your_data', 'Examine your own data')], 'help_text': 'The page this paragraph opens.'}), 1: ('wagtail.blocks.TextBlock', (), {'help_text': 'The opening paragraph, in plain words.'}), 2: ('wagtail.blocks.StructBlock', [[('section', 0), ('lede', 1)]], {})}, help_text='The opening paragraph of each page of the data explorer; a page with none shows no paragraph.')),
            ],
            options={
                'verbose_name': 'data explorer page',
            },
            bases=(catalogue.extensions.RegisteredRoutesMixin, 'wagtailcore.page'),
        ),
        migrations.RunPython(create_data_page, migrations.RunPython.noop),
    ]
