"""
The catalogue's faceted search.

- `facets`: the facet registry (one declaration per facet; kinds in `facet_kinds`), from which the
  snapshot, query validation, the API and exports, invalidation and editors' permissions are derived.
- `query`: reads a request's GET parameters into a validated `CatalogueQuery`.
- `snapshot`: an in-memory, per-process picture of every live public entry and its facet values,
  as numpy masks; rebuilt when `ContentVersion` changes (publish, unpublish, taxonomy edits).
- `words`, `vocabulary`: what was typed becomes a plan (editors' synonyms, Snowball word forms,
  hyphen/space/joined variants, stop-words dropped), the same for SQLite and PostgreSQL.
- `text`: one-pass full-text matching and scoring of that plan through the search backend's own index.
- `match_cache`: the per-process, byte-bounded cache of what text queries matched.
- `suggestions`, `records`, `report`: "Did you mean …?", counts of what searches found, the admin report.
- `engine`: combines them into results, disjunctive facet counts and a page of entries.
- `notices`: what a search tells its reader, as codes with a page wording and a machine-reader error.
"""
