"""Admin views for the CSV import: the upload form with its per-row results, and the template download."""

import csv

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.views.generic import FormView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from catalogue.io.tabular import ImportFileError, check_size
from catalogue.models import CatalogueIndexPage

from .importing.columns import COLUMN_NAMES, COLUMNS, EXAMPLE_ROWS
from .importing.importer import run_import
from .importing.reader import ADMIN_MAX_ROWS, ENTRIES_FILE, MAX_FILE_BYTES


def user_can_import(user) -> bool:
    catalogue = CatalogueIndexPage.objects.first()
    return catalogue is not None and catalogue.permissions_for_user(user).can_add_subpage()


class ImportForm(forms.Form):
    file = forms.FileField(
        label="CSV or Excel file",
        help_text=f"CSV (UTF-8) or Excel workbook (.xlsx), at most {MAX_FILE_BYTES // 1024 // 1024} MB "
        f"and {ADMIN_MAX_ROWS} rows.",
    )
    dry_run = forms.BooleanField(label="Only check the file; import nothing", required=False)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            check_size(upload.size, ENTRIES_FILE)  # before reading it into memory
        except ImportFileError as error:
            raise forms.ValidationError(str(error)) from None
        return upload


class ImportEntriesView(WagtailAdminTemplateMixin, FormView):
    """
    Upload a CSV file; every row is checked and the results listed row by row. The work is done in the
    request (files are capped at 5 MB and ADMIN_MAX_ROWS rows, so that it ends well within server
    timeouts; larger files go through `manage.py import_entries`); while it runs the page shows a progress bar.
    """

    form_class = ImportForm
    template_name = "editorial/import_entries.html"
    page_title = "Import entries"
    header_icon = "upload"
    _breadcrumbs = [{"url": "", "label": "Import entries"}]

    def dispatch(self, request, *args, **kwargs):
        if not user_can_import(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + self._breadcrumbs

    def get_context_data(self, **kwargs):
        return super().get_context_data(columns=COLUMNS, max_rows=ADMIN_MAX_ROWS, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data["file"].read()
        report = run_import(data, user=self.request.user, dry_run=form.cleaned_data["dry_run"], max_rows=ADMIN_MAX_ROWS)
        status = 200 if report.ok else 422
        return self.render_to_response(self.get_context_data(form=self.form_class(), report=report), status=status)


def import_template(request):
    """The CSV template: the header row and two rows marked as examples."""
    if not user_can_import(request.user):
        raise PermissionDenied
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="catalogue-import-template.csv"'
    response.write("\ufeff")  # lets Excel recognise the file as UTF-8
    writer = csv.DictWriter(response, fieldnames=COLUMN_NAMES)
    writer.writeheader()
    writer.writerows(EXAMPLE_ROWS)
    return response
