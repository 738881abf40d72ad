"""The last check of each source or reference URL the catalogue links to, keyed by the URL itself."""

from django.db import models


class LinkStatus(models.Model):
    """
    What happened the last time a URL was fetched. Keyed by URL rather than by a foreign key to
    entries or references, so one record serves every entry and reference that cites the same link,
    and the catalogue's own tables need no change.
    """

    url = models.URLField("URL", max_length=500, unique=True)
    status_code = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="HTTP status of the final response; blank if none."
    )
    final_url = models.URLField(
        "final URL", max_length=2000, blank=True, help_text="Where the link ended up after redirects."
    )
    error = models.CharField(max_length=300, blank=True, help_text="Why no response came (timeout, TLS...).")
    checked_at = models.DateTimeField()

    class Meta:
        ordering = ["url"]
        verbose_name = "link status"
        verbose_name_plural = "link statuses"

    def __str__(self):
        return f"{self.url}: {self.outcome}"

    @property
    def is_broken(self) -> bool:
        return bool(self.error) or self.status_code is None or self.status_code >= 400

    @property
    def is_redirected(self) -> bool:
        return not self.is_broken and bool(self.final_url) and self.final_url != self.url

    @property
    def outcome(self) -> str:
        """Plain words for editors: 'OK', 'Redirected', 'Broken: 404', 'Broken: timed out'."""
        if self.is_broken:
            return f"Broken: {self.error or self.status_code}"
        return "Redirected" if self.is_redirected else "OK"
