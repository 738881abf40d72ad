"""Import references from a CSV or RIS file, all or nothing (see evidencemap/importing/readers.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from evidencemap.importing import import_references
from evidencemap.importing.service import guess_format


class Command(BaseCommand):
    help = (
        "Import references (studies) from CSV or RIS. Every row is checked first; if any row has a "
        "problem, nothing is written and every problem is listed."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--format", choices=["csv", "ris"], help="Default: from the file name (.ris/.txt = RIS).")
        parser.add_argument("--dry-run", action="store_true", help="Check the file and report; write nothing.")

    def handle(self, *args, path: Path, format=None, dry_run=False, **options):
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        report = import_references(path.read_bytes(), format or guess_format(path.name), dry_run=dry_run)
        if not report.ok:
            for where, message in report.problems:
                self.stderr.write(f"{where}: {message}")
            raise CommandError(f"{len(report.errors)} problem(s) found; nothing was imported.")
        if dry_run:
            self.stdout.write(f"{report.rows} reference(s) checked: no problems. Nothing written (--dry-run).")
        else:
            self.stdout.write(
                f"{report.created} reference(s) created, {report.updated} updated, "
                f"{report.entries_drafted} entry draft(s) linking them saved for review."
            )
