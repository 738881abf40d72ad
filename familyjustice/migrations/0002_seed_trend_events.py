"""
Seed the events shown beside the national trend. Each date and link was checked against its source
(November 2026); an event whose date could not be checked was left out. Editors add more in the admin.
"""

import datetime

from django.db import migrations

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


def seed(apps, schema_editor):
    TrendEvent = apps.get_model("familyjustice", "TrendEvent")
    for event in EVENTS:
        TrendEvent.objects.get_or_create(title=event["title"], date=event["date"], defaults=event)


def unseed(apps, schema_editor):
    TrendEvent = apps.get_model("familyjustice", "TrendEvent")
    TrendEvent.objects.filter(title__in=[event["title"] for event in EVENTS]).delete()


class Migration(migrations.Migration):
    dependencies = [("familyjustice", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
