"""Admin: editors upload a new version of the newborn care-proceedings figures, and see every version."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from .models import NewbornDataset
from .uploads import MAX_UPLOAD_BYTES, publish_dataset, read_upload

UPLOAD_PERMISSION = "explorer.add_newborndataset"


def user_can_upload(user) -> bool:
    return user.is_active and user.has_perm(UPLOAD_PERMISSION)


class NewbornUploadForm(forms.ModelForm):
    """The file plus what it is: shown next to every chart that uses it."""

    file = forms.FileField(
        help_text=f"CSV (UTF-8) or Excel workbook (.xlsx), up to {MAX_UPLOAD_BYTES // (1024 * 1024)} MB. "
        "Columns: la_code, "
        "year, babies_under_one_week; optional issued_within_7_days, "
        "babies_of_recurrent_mothers."
    )
    source_url = forms.URLField(label="Source URL", required=False, assume_scheme="https")

    field_order = ["file", "title", "source", "source_url", "licence", "definition", "period_type"]

    class Meta:
        model = NewbornDataset
        # No "synthetic" option: invented figures must never be attached to a real local authority.
        fields = ["title", "source", "source_url", "licence", "definition", "period_type"]
        help_texts = {"licence": "For example 'Open Government Licence v3.0' or the publisher's terms."}


class EditorMixin(WagtailAdminTemplateMixin):
    header_icon = "table"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def dispatch(self, request, *args, **kwargs):
        if not user_can_upload(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class NewbornDatasetListView(EditorMixin, TemplateView):
    template_name = "explorer/admin/dataset_list.html"
    page_title = "Newborn care-proceedings data"

    def get_context_data(self, **kwargs):
        datasets = NewbornDataset.objects.filter(is_synthetic=False)
        return super().get_context_data(datasets=datasets, current=datasets.first(), **kwargs)


class NewbornUploadView(EditorMixin, FormView):
    """Every row is checked; if any row has a problem nothing is stored and every problem is listed."""

    template_name = "explorer/admin/upload.html"
    page_title = "Upload newborn care-proceedings data"
    form_class = NewbornUploadForm

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        report = read_upload(upload)
        if not report.is_valid:
            return self.render_to_response(self.get_context_data(form=form, report=report))
        metadata = {name: form.cleaned_data[name] for name in NewbornUploadForm.Meta.fields}
        dataset = publish_dataset(report, user=self.request.user, original_filename=upload.name[:200], **metadata)
        messages.success(
            self.request,
            f"Uploaded {len(report.rows)} rows as '{dataset.title}'. "
            "It is now the current version; earlier versions are kept.",
        )
        return redirect("explorer_admin:datasets")
