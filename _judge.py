import os, sys, django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.dev")
django.setup()
from django.http import QueryDict
from urllib.parse import urlencode
from catalogue.search.engine import run_search
from catalogue.search.query import CatalogueQuery
from catalogue.search.snapshot import get_snapshot
from tests.search.judged_queries import JUDGED_QUERIES
snap = get_snapshot()
miss = 0
for q, want in JUDGED_QUERIES:
    query = CatalogueQuery.from_params(QueryDict(urlencode({"q": q})), snap.known_values())
    r = run_search(query, snap)
    top = [e.slug for e in r.entries[:10]]
    missing = [w for w in want if w not in top]
    if missing or not top:
        print(f"{q!r}: total {r.total} missing {missing} top={top}")
print(len(JUDGED_QUERIES))
