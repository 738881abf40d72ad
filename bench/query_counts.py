"""
SQL queries per request for every public page type, on the demo catalogue.

Usage: .venv/bin/python bench/query_counts.py   (uses a throwaway SQLite database)
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", "sqlite:////tmp/born-into-care-querycount.sqlite3")


def main():
    import django

    Path("/tmp/born-into-care-querycount.sqlite3").unlink(missing_ok=True)
    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from catalogue.models import CaseStudyPage, GuidancePage, InterventionPage

    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=open(os.devnull, "w"))
    urls = {
        "home": "/",
        "standard page": "/how-we-rate-evidence/",
        "catalogue, no filters": "/catalogue/",
        "catalogue, q + 3 facets": "/catalogue/?q=parents&area=post-removal-support&region=england-wide"
        "&topic=recurrent-proceedings",
        "catalogue, page 2": "/catalogue/?page=2",
        "intervention": InterventionPage.objects.live().first().url,
        "guidance": GuidancePage.objects.live().first().url,
        "case study": CaseStudyPage.objects.live().first().url,
        "404": "/no-such-page/",
        "data explorer": "/data/",
        "evidence map": "/evidence-map/",
        "catalogue CSV export": "/catalogue/export.csv?area=post-removal-support",
        "catalogue feed": "/catalogue/feed/?area=post-removal-support",
        "sitemap index": "/sitemap.xml",
        "sitemap file": "/sitemap-1.xml",
        "evidence map CSV": "/evidence-map/evidence-map.csv",
    }
    client = Client(HTTP_HOST="127.0.0.1")
    print(f"{'page':28} {'status':>6} {'queries':>8}")
    for name, url in urls.items():
        client.get(url)  # warm: snapshot, site root paths
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
            if hasattr(response, "streaming_content"):
                b"".join(response.streaming_content)
        print(f"{name:28} {response.status_code:>6} {len(queries):>8}")


if __name__ == "__main__":
    main()
