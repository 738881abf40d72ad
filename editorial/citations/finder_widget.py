"""
The entry form's "Find a reference in the library" box (the search is citations/finder.py): an ARIA 1.2
combobox, a text box whose list of matching references opens as the editor types. Picking one adds it as a
new row of the references formset (Wagtail's MultipleChooserPanel), as the chooser's modal does, so the form
is saved exactly as when a reference is chosen there. The box has no name: it is never posted or autosaved.
"""

from django import forms
from django.urls import reverse

CITED_RELATION = "cited_references"  # the entry's ordered rows (catalogue/models/cited.py) and their field
CHOOSER_FIELD = "reference"


class ReferenceFinder(forms.TextInput):
    template_name = "editorial/widgets/reference_finder.html"

    class Media:
        js = ["editorial/reference_finder.js"]
        css = {"all": ["editorial/choosers.css"]}

    def get_context(self, name, value, attrs):
        context = super().get_context(name, None, attrs)
        context["widget"].update(
            search_url=reverse("editorial:reference_search"),
            formset_prefix=CITED_RELATION,
            chooser_field=CHOOSER_FIELD,
            described_by=context["widget"]["attrs"].get("aria-describedby", ""),  # the field's help text
        )
        return context

    def value_from_datadict(self, data, files, name):
        return ""  # a search box, not a value of the entry


def finder_field() -> forms.CharField:
    return forms.CharField(
        label="Find a reference in the library",
        required=False,
        widget=ReferenceFinder(),
        help_text="Type words from its title or authors, or its year, then pick it from the list (arrow keys and "
        "Enter, or a click): it is added to the references above. 'Add reference' browses the whole library.",
    )
