"""Demonstration content: the site tree, and the catalogue described in fixtures/demo_catalogue.json."""
