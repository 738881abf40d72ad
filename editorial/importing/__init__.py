"""Bulk import of catalogue entries from CSV or .xlsx: read the file, check every row, then write all or nothing."""
