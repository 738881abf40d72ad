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


class LinkCheckRun(models.Model):
    """
    One run of the link checker (the weekly command, or "Check again now" in the report, which the task
    worker runs): when it started and finished and how far it has got, so the report can say when links
    were last checked, or that they never were, and show a run in progress.
    """

    class Trigger(models.TextChoices):
        SCHEDULE = "schedule", "the scheduled check"
        REPORT = "report", "an editor, from the report"

    trigger = models.CharField(max_length=20, choices=Trigger.choices)
    requested_by = models.CharField(max_length=150, blank=True, help_text="The editor who asked, if one did.")
    queued_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    total = models.PositiveIntegerField(default=0, help_text="Links to check.")
    checked = models.PositiveIntegerField(default=0, help_text="Links checked so far.")
    not_reached = models.PositiveIntegerField(default=0, help_text="Links left unchecked when time ran out.")
    error = models.CharField(max_length=300, blank=True, help_text="Why the run stopped, if it failed.")

    class Meta:
        ordering = ["-queued_at", "-pk"]
        get_latest_by = "queued_at"

    def __str__(self):
        return f"Link check queued {self.queued_at:%Y-%m-%d %H:%M}"

    @property
    def is_finished(self) -> bool:
        return self.finished_at is not None
