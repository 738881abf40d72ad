"""Print a Lighthouse report's four category scores and what the page transferred, by kind of resource."""

import json
import sys
from collections import Counter

KINDS = {"Document": "HTML", "Stylesheet": "CSS", "Script": "JS", "Font": "fonts", "Image": "images"}


def summarise(path: str, label: str) -> str:
    with open(path, encoding="utf-8") as report_file:
        report = json.load(report_file)
    scores = "  ".join(
        f"{category['title']}: {round(category['score'] * 100) if category['score'] is not None else 'n/a'}"
        for category in report["categories"].values()
    )
    transferred = Counter()
    for request in report["audits"]["network-requests"]["details"]["items"]:
        transferred[KINDS.get(request.get("resourceType"), "other")] += request.get("transferSize", 0)
    total = sum(transferred.values())
    by_kind = ", ".join(
        f"{kind} {transferred[kind]:,}"
        for kind in ("HTML", "CSS", "JS", "fonts", "images", "other")
        if transferred[kind]
    )
    return f"{label:<10} {scores}\n{'':<10} transferred {total:,} bytes ({by_kind})"


if __name__ == "__main__":
    print(summarise(sys.argv[1], sys.argv[2]))
