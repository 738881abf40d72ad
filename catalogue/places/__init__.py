"""
Places: where an entry applies, the places a search names, and the entries that apply in a place.

- `where.py`: what a result card says about where an entry applies (national scope or local example);
- `index.py`: the place index (local authorities, family justice areas, regions), supplied by the feature
  apps through the `register_place_index` hook, and reading a place out of a search;
- `here.py`: the entries that apply in a local authority or a family justice area, for their pages.
"""
