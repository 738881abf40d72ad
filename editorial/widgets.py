"""
Choosers for the entry form that need no Ctrl-click: a checkbox list with a filter-as-you-type box (long
lists: local authorities, references) and radio buttons that show each evidence level's definition.
Both work without JavaScript; the filter box is added by a static script (no inline script, CSP-safe).
"""

from django import forms

from catalogue.models.rating import LEVEL_NEEDS


class FilterableCheckboxes(forms.CheckboxSelectMultiple):
    """Checkboxes in a scrolling box; with JavaScript, a search box above hides the ones that do not match."""

    template_name = "editorial/widgets/filterable_checkboxes.html"

    class Media:
        js = ["editorial/filter_checkboxes.js"]
        css = {"all": ["editorial/choosers.css"]}

    def __init__(self, noun: str, attrs=None, choices=()):
        super().__init__(attrs, choices)
        self.noun = noun

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["noun"] = self.noun
        return context


class DescribedRadioSelect(forms.RadioSelect):
    """Radio buttons for a model choice, each followed by the chosen object's `description` as a hint."""

    option_template_name = "editorial/widgets/described_radio_option.html"

    class Media:
        css = {"all": ["editorial/choosers.css"]}

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        instance = getattr(value, "instance", None)  # ModelChoiceIteratorValue; the empty choice has none
        option["description"] = getattr(instance, "description", "")
        # What the rating rule checks for this level (catalogue/models/rating.py), in the rule's own words.
        needs = LEVEL_NEEDS.get(getattr(instance, "slug", ""))
        option["needs"] = f"Needs {needs[2]} among the studies it rests on." if needs else ""
        if option["description"] and option["attrs"].get("id"):
            option["attrs"]["aria-describedby"] = f"{option['attrs']['id']}-hint"
        return option


class BasisStudySelect(forms.Select):
    """One of the entry's own references, by its full citation; kept to the form's width (choosers.css)."""

    class Media:
        css = {"all": ["editorial/choosers.css"]}

    def __init__(self, attrs=None, choices=()):
        super().__init__({"class": "editorial-basis-study", **(attrs or {})}, choices)


def use_widget(field: forms.Field, widget: forms.Widget) -> None:
    """Give a built (model) choice field another widget, keeping its choices; radios need no empty choice."""
    if isinstance(widget, forms.RadioSelect) and field.required:
        field.empty_label = None
    widget.choices = field.choices
    widget.is_required = field.required
    field.widget = widget
