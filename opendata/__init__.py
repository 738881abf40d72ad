"""
Citing and open data: version permalinks, cite-this formats, search exports and feeds, the JSON
API, crawler signals (robots.txt, noindex) and side-by-side comparison of interventions.
Everything public here reads the catalogue through `catalogue.search`, so it shows exactly what
the catalogue page shows.
"""
