"""manage.py import_entries FILE [--dry-run] [--user NAME]: the admin's CSV import, from the command line."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from catalogue.io.tabular import ImportFileError, check_size
from editorial.importing.importer import run_import
from editorial.importing.reader import ENTRIES_FILE


class Command(BaseCommand):
    help = (
        "Import catalogue entries and case studies from a CSV file (the admin's template) as drafts "
        "submitted to the evidence review. Any invalid row means nothing is written."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="Check every row; write nothing.")
        parser.add_argument("--user", help="Import as this user (their permissions apply; recorded in history).")

    def handle(self, *args, file: Path, dry_run: bool, user=None, **options):
        if not file.is_file():
            raise CommandError(f"No such file: {file}")
        try:
            check_size(file.stat().st_size, ENTRIES_FILE)  # before reading a huge file into memory
        except ImportFileError as error:
            raise CommandError(str(error)) from None
        data = file.read_bytes()
        importer_user = None
        if user:
            importer_user = get_user_model().objects.filter(username=user).first()
            if importer_user is None:
                raise CommandError(f"No user called {user!r}.")
        report = run_import(data, user=importer_user, dry_run=dry_run)
        if report.file_error:
            raise CommandError(report.file_error)
        for row in report.rows:
            if row.errors:
                for message in row.errors:
                    self.stderr.write(f"line {row.line} ({row.identifier or 'no identifier'}): {message}")
            elif options["verbosity"] > 1:
                self.stdout.write(f"line {row.line} ({row.identifier}): {row.action} {row.title}")
        if report.error_rows:
            raise CommandError(
                f"{len(report.error_rows)} of {len(report.rows)} rows have errors; nothing was imported."
            )
        summary = (
            f"{report.count('create')} to create, {report.count('update')} to update, "
            f"{report.count('unchanged')} unchanged"
        )
        if dry_run:
            self.stdout.write(f"Checked {len(report.rows)} rows, all valid: {summary}. Nothing written (dry run).")
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Imported {len(report.rows)} rows: {summary}. New and changed entries are drafts awaiting review."
                )
            )
