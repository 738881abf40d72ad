"""Importing references from CSV, .xlsx or RIS: read, validate every row, then write all or nothing."""

from .service import ImportReport, import_references  # noqa: F401
