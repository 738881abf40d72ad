"""
The catalogue's faceted search.

- `query`: reads a request's GET parameters into a validated `CatalogueQuery`.
- `snapshot`: an in-memory, per-process picture of every live public entry and its facet values,
  as numpy masks; rebuilt when `CatalogueVersion` changes (publish, unpublish, taxonomy edits).
- `text`: one-pass full-text matching and scoring through the search backend's own index.
- `engine`: combines them into results, disjunctive facet counts and a page of entries.
"""
