"""Editorial records: which catalogue entry each bulk-import identifier created."""

from django.db import models


class EditorialPermission(models.Model):
    """
    No table: a place to declare editorial permissions (as Wagtail's own `wagtailadmin.Admin` does),
    so that roles can be granted "change evidence rating" like any other permission.
    """

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("change_evidence_rating", "Can set or change an entry's evidence rating")]

    def __str__(self):
        return "Editorial permission"


class ImportedEntry(models.Model):
    """
    The stable identifier a CSV row carries, and the entry it created. Re-importing a row with the same
    identifier updates that entry (a new draft revision) instead of creating a duplicate.
    """

    identifier = models.CharField(
        max_length=100, unique=True, help_text="The 'identifier' column of the import file; never reuse one."
    )
    page = models.OneToOneField("catalogue.EntryPage", on_delete=models.CASCADE, related_name="import_record")
    first_imported_at = models.DateTimeField(auto_now_add=True)
    last_imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "imported entry"
        verbose_name_plural = "imported entries"

    def __str__(self):
        return f"{self.identifier} -> page {self.page_id}"
