"""Demonstration content: the site tree, the catalogue in fixtures/demo_catalogue.json, the research
questions' links to it, and synthetic entries for benchmarks. `manage.py load_demo`, `generate_entries`."""
