"""The admin page for importing references from a CSV or RIS file."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from catalogue.io.tabular import ImportFileError, check_size

from .importing import import_references
from .importing.readers import COLUMNS, REFERENCES_FILE
from .importing.service import guess_format


class ReferenceImportForm(forms.Form):
    file = forms.FileField(
        help_text="A .csv file (UTF-8), an Excel workbook (.xlsx) or an .ris file exported from a reference manager."
    )
    file_format = forms.ChoiceField(
        label="Format", choices=[("", "From the file name"), ("csv", "CSV"), ("ris", "RIS")], required=False
    )
    dry_run = forms.BooleanField(label="Check only: report problems, write nothing", required=False)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            check_size(upload.size, REFERENCES_FILE)  # before reading it into memory
        except ImportFileError as error:
            raise forms.ValidationError(str(error)) from None
        return upload


def can_import(user) -> bool:
    return user.has_perms(["catalogue.add_reference", "catalogue.change_reference"])


def import_references_view(request):
    """Upload, check every row, and import all or nothing; problems listed row by row."""
    if not can_import(request.user):
        raise PermissionDenied
    report = None
    form = ReferenceImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        file_format = form.cleaned_data["file_format"] or guess_format(upload.name)
        dry_run = form.cleaned_data["dry_run"]
        report = import_references(upload.read(), file_format, dry_run=dry_run, user=request.user)
        if report.ok and not dry_run:
            messages.success(
                request,
                f"{report.created} reference(s) created, {report.updated} updated; "
                f"{report.entries_drafted} entry draft(s) linking them await publishing.",
            )
            return redirect("evidencemap_import_references")
    return TemplateResponse(
        request, "evidencemap/admin/import_references.html", {"form": form, "report": report, "columns": COLUMNS}
    )
