"""Bulk import of catalogue entries from CSV: read the file, check every row, then write all or nothing."""
