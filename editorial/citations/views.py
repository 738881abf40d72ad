"""The admin page that turns pasted or uploaded BibTeX / RIS into references: check, preview, then save."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from catalogue.io.errors import ImportFileError

from .parsing import MAX_BYTES, MAX_RECORDS, decode_citations, read_citations
from .saving import plan_import, save_plan

ADD_REFERENCE = "catalogue.add_reference"


def user_can_import_citations(user) -> bool:
    return bool(user and user.is_authenticated and user.has_perm(ADD_REFERENCE))


class CitationsForm(forms.Form):
    text = forms.CharField(
        label="Paste BibTeX or RIS",
        required=False,
        widget=forms.Textarea(attrs={"rows": 10, "spellcheck": "false"}),
        help_text="From Zotero, Mendeley or EndNote: select the references, export as BibTeX or RIS, paste here.",
    )
    file = forms.FileField(
        label="Or upload a .bib or .ris file",
        required=False,
        help_text=f"UTF-8 text, at most {MAX_BYTES // 1024} KB and {MAX_RECORDS} references.",
    )

    def clean(self):
        cleaned = super().clean()
        upload, text = cleaned.get("file"), cleaned.get("text", "")
        try:
            if upload is not None:
                if upload.size > MAX_BYTES:  # refused before it is read into memory
                    raise ImportFileError(
                        f"The file is {upload.size // 1024} KB; the limit is {MAX_BYTES // 1024} KB. "
                        "Export fewer references at a time."
                    )
                text = decode_citations(upload.read())
            cleaned["records"] = read_citations(text)
        except ImportFileError as error:
            raise forms.ValidationError(str(error)) from None
        cleaned["text"] = text
        return cleaned


class ImportCitationsView(WagtailAdminTemplateMixin, FormView):
    """
    First post: every record is checked and the page previews what would be created and what matches a
    reference already in the library. The text rides along in the form; "Save" posts it again and it is
    checked afresh, then saved in one transaction, so nothing is half-imported.
    """

    form_class = CitationsForm
    template_name = "editorial/import_citations.html"
    page_title = "Add references from a citation manager"
    header_icon = "doc-full"

    def dispatch(self, request, *args, **kwargs):
        if not user_can_import_citations(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=422)

    def form_valid(self, form):
        plan = plan_import(form.cleaned_data["records"])
        if plan.errors or "save" not in self.request.POST:
            confirm = CitationsForm(initial={"text": form.cleaned_data["text"]})
            context = self.get_context_data(form=confirm, plan=plan, can_save=not plan.errors)
            return self.render_to_response(context, status=422 if plan.errors else 200)
        created = save_plan(plan)
        messages.success(
            self.request,
            f"{len(created)} reference{'s' if len(created) != 1 else ''} added; "
            f"{len(plan.matched)} already in the library were left as they are.",
        )
        context = self.get_context_data(form=CitationsForm(), created=created, plan=plan)
        return self.render_to_response(context)
