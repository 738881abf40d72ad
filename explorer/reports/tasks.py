"""
The board report PDF on the task queue: built the first time someone asks for an area's report with
today's figures (one build queued for a burst of requests, at most `pdf_files.max_pending` waiting per
content version), never in the request itself.
"""

from django_tasks import task

from catalogue.caches import content_version

from .pdf import file_key, pdf_files, write_pdf


@task(backend="background")
def build_board_pdf_task(slug: str, digest: str, version: int) -> str:
    """Build the area's PDF; if its figures changed since the request, the PDF is of the figures now."""
    from ..models import DfjArea
    from .board_report import build_report

    area = DfjArea.objects.exclude(code="HIGH_COURT").filter(slug=slug).first()
    requested = file_key(slug, digest)
    if area is None:
        pdf_files.path(requested, version, ".pending").unlink(missing_ok=True)
        return "skipped: no such area"
    if pdf_files.find(requested, version):
        return "already built"
    now = content_version()
    built = write_pdf(build_report(area), now)
    pdf_files.path(requested, version, ".pending").unlink(missing_ok=True)  # if the figures moved meanwhile
    pdf_files.prune(now)
    return f"built {slug} for digest {built} (version {now})"


def request_board_pdf(slug: str, digest: str, version: int) -> None:
    """Queue the build once, however many visitors ask for it meanwhile."""
    if pdf_files.mark_pending(file_key(slug, digest), version):
        build_board_pdf_task.enqueue(slug, digest, version)
