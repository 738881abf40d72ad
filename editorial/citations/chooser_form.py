"""
The reference chooser's "Add a new reference" tab: paste one BibTeX or RIS record from a citation manager,
or fill in the main fields. A record that matches a reference already in the library (by DOI or title) is
chosen rather than added twice. Registered through the catalogue's `reference_chooser_creation_form` hook.
"""

from django import forms
from django.core.exceptions import ValidationError

from catalogue.io.errors import ImportFileError
from catalogue.models import Reference

from .parsing import read_citations
from .saving import plan_import

FIELDS = ["kind", "authors", "year", "title", "publisher", "url", "doi", "design"]
ONE_RECORD = "Paste one record here. To add several at once use 'Add references (BibTeX, RIS)' in the menu."


class NewReferenceForm(forms.ModelForm):
    citation = forms.CharField(
        label="Paste a BibTeX or RIS record",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6, "spellcheck": "false"}),
        help_text="From Zotero, Mendeley or EndNote (export as BibTeX or RIS). Or leave this empty and fill in "
        "the fields below.",
    )

    class Meta:
        model = Reference
        fields = FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.existing = None  # a library reference the pasted record matches: chosen, not duplicated
        self.extra_values = {}  # parsed values with no field on this form (journal, volume, pages...)
        for name in ("authors", "title"):
            self.fields[name].required = False  # required unless a record is pasted (checked in clean)

    def clean(self):
        cleaned = super().clean()
        text = cleaned.get("citation", "")
        if text.strip():
            self._read_record(text, cleaned)
        else:
            for name in ("authors", "title"):
                if not cleaned.get(name) and name not in self.errors:
                    self.add_error(name, "Fill this in, or paste a BibTeX or RIS record above.")
        return cleaned

    def _read_record(self, text: str, cleaned: dict) -> None:
        try:
            records = read_citations(text)
        except ImportFileError as error:
            raise forms.ValidationError({"citation": str(error)}) from None
        if len(records) > 1:
            raise forms.ValidationError({"citation": f"{len(records)} records were pasted. {ONE_RECORD}"})
        plan = plan_import(records)
        if plan.errors:
            raise forms.ValidationError({"citation": [error.message for error in plan.errors]})
        item = plan.planned[0]
        self.existing = item.existing
        for name, value in item.values.items():
            if name in self.fields:
                cleaned[name] = value
            else:
                self.extra_values[name] = value

    def _post_clean(self):
        if self.existing is not None:
            return  # nothing is created, so there is no new instance to validate
        super()._post_clean()
        for name, value in self.extra_values.items():
            setattr(self.instance, name, value)
        others = [f.name for f in Reference._meta.fields if f.name not in self.extra_values]
        try:
            self.instance.clean_fields(exclude=others)
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                self.add_error("citation", [f"{name}: {message}" for message in messages])

    def save(self, commit=True):
        if self.existing is not None:
            return self.existing
        return super().save(commit=commit)
