"""The entry editing form: only those allowed to rate evidence may change a rating."""

from django.core.exceptions import ValidationError
from django.forms.formsets import ORDERING_FIELD_NAME
from django.utils import timezone
from wagtail.admin.forms import WagtailAdminPageForm

from catalogue.models import EvidenceLevel
from catalogue.models.cited import cite, in_citing_order, reconcile_cited

from .citations.entry_paste import PASTE_FIELD, check_pasted, paste_field, references_of
from .citations.finder_widget import finder_field
from .rating_rule import check_rating_rule
from .roles import CHANGE_EVIDENCE_RATING
from .widgets import BasisStudySelect, DescribedRadioSelect, FilterableCheckboxes, use_widget

RATING_FIELDS = ("evidence_level", "evidence_rationale", "evidence_rated_on")
NOT_ALLOWED = "Only a reviewer can change an evidence rating. Ask a reviewer, or leave the rating as it is."


# Help for entry fields whose model definition has none (title, summary and most others have their own).
# Applied only where the model gives none, so a model help_text, once added, wins.
FIELD_HELP = {
    "provider": "The organisation that delivers it, as it names itself.",
    "website": "The programme's own web page (https://...).",
    "contact": "A named team, email address or phone number practitioners can use.",
    "issuing_body": "Who issued the guidance, e.g. 'Department for Education' or a local authority.",
    "jurisdiction": "Where the guidance applies.",
    "status": "Whether the guidance is in force; superseded guidance stays listed for reference.",
    "publication_date": "The date printed on the guidance.",
    "version": "The version or edition, as printed, e.g. 'July 2023'.",
    "source_url": "A stable link to the document itself (https://...).",
    "stages": "The stage(s) or legal milestone(s) it applies to, from pregnancy to reunification.",
    "topics": "Themes practitioners filter by, e.g. perinatal mental health.",
    "local_authorities": "Only where it is delivered in particular local authorities.",
    "evidence_rated_on": "The date the rating was made. Leave blank for today when you set or change the rating.",
    "references": "The studies, evaluations and reports the rating and text rely on.",
    "go_live_at": "Publish automatically at this date and time, once approved.",
    "expire_at": "Unpublish automatically at this date and time.",
    "comment_notifications": "Email me when someone comments on this entry.",
}


# Long lists, shown as checkboxes with a filter box, and the noun the filter box names. (References are
# chosen through Wagtail's searchable chooser, which can add a new one: catalogue/models/cited.py.)
CHECKBOX_FILTERS = {"local_authorities": "a local authority"}


def can_rate_evidence(user) -> bool:
    return bool(user and user.has_perm(CHANGE_EVIDENCE_RATING))


class EntryPageForm(WagtailAdminPageForm):
    """
    For users without the rating permission (Contributors), the evidence fields are shown but disabled:
    the stored rating is kept whatever is posted, and a posted change is refused with a clear error rather
    than silently dropped. New entries start as "Not yet rated". Also gives every field help text, and
    takes references pasted from a citation manager (citations/entry_paste.py).
    """

    paste_references = paste_field()
    find_reference = finder_field()  # a search box beside the chooser; never saved (citations/finder_widget.py)

    def __init__(self, *args, **kwargs):
        if kwargs.get("instance") is not None:
            # Before the formsets are built: links an importer or loader made appear in the chooser.
            reconcile_cited(kwargs["instance"])
        super().__init__(*args, **kwargs)
        self.pasted = None  # the pasted references' import plan, once the form is clean
        self.rating_locked = not can_rate_evidence(self.for_user)
        self._use_choosers()
        for name, help_text in FIELD_HELP.items():
            if name in self.fields and not self.fields[name].help_text:
                self.fields[name].help_text = help_text
        if not self.rating_locked:
            return
        if "evidence_level" in self.fields and not self.initial.get("evidence_level"):
            unrated = self.fields["evidence_level"].queryset.filter(slug="not-yet-rated").first()
            if unrated is not None:
                self.initial["evidence_level"] = unrated.pk
        for name in RATING_FIELDS:
            if name in self.fields:
                self.fields[name].disabled = True
                self.fields[name].help_text = (
                    self.fields[name].help_text + " " if self.fields[name].help_text else ""
                ) + "Reviewers set the evidence rating."

    def _use_choosers(self):
        """Long lists as filterable checkboxes, evidence levels as radios with their rule: no Ctrl-click anywhere."""
        for name, noun in CHECKBOX_FILTERS.items():
            if name in self.fields:
                use_widget(self.fields[name], FilterableCheckboxes(noun))
        if "evidence_level" in self.fields:
            # A plain radio list, not the snippet chooser, whose "Edit this evidence level" link reviewers cannot use.
            use_widget(self.fields["evidence_level"], DescribedRadioSelect())
        self._basis_from_own_references()

    def _basis_from_own_references(self):
        """
        A study the rating rests on must be one of the entry's references (the rating rule): offer those in a
        plain list, one choice, instead of a search of the whole library. An entry with no saved references yet
        keeps the searchable chooser. A reviewer rating an entry with no basis yet finds one blank row ready
        (no "Add study" click); a new row left wholly blank is no row: neither an error nor saved.
        """
        formset = self.formsets.get("rating_basis")
        references = in_citing_order(self.instance) if self.instance.pk else []
        if formset is None or not references:
            return
        choices = [("", "Choose one of this entry's references")] + [(ref.pk, str(ref)) for ref in references]

        class BasisRowForm(formset.form):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                self.fields["reference"].widget = BasisStudySelect(choices=choices)

            def has_changed(self):
                # The order number the admin posts for every row is not the editor's input: a new row with
                # nothing else filled in is skipped by the formset (not validated, not saved).
                changed = set(self.changed_data)
                if self.empty_permitted:  # Django permits empty rows only for new (extra) ones
                    changed.discard(ORDERING_FIELD_NAME)
                return bool(changed)

            def full_clean(self):
                super().full_clean()
                if self.is_bound and self.empty_permitted and not self.has_changed():
                    # Skipped rows have no cleaned data; Wagtail reads their order when it shows the form again.
                    self.cleaned_data.setdefault(ORDERING_FIELD_NAME, None)

        formset.form = BasisRowForm  # also for the empty row "Add study" copies
        if not self.is_bound and not self.rating_locked and formset.initial_form_count() == 0:
            formset.extra = 1  # read when the rows are first built, just below
        for row in formset.forms:
            row.fields["reference"].widget = BasisStudySelect(choices=choices)

    def clean(self):
        cleaned_data = super().clean()
        if self.rating_locked:
            for name in RATING_FIELDS:
                if name in self.fields and self._posted_change(name):
                    self.add_error(name, NOT_ALLOWED)
        else:
            self._rated_today_unless_dated(cleaned_data)
        check_rating_rule(self, cleaned_data)
        try:
            self.pasted = check_pasted(cleaned_data.get(PASTE_FIELD, ""), self.for_user)
        except ValidationError as error:
            self.add_error(PASTE_FIELD, error)
        return cleaned_data

    def _rated_today_unless_dated(self, cleaned_data):
        """
        A rating set or changed in this post with "Rated on" left blank was made today (the field's help says
        so). Only then: a date in the field is kept, "Not yet rated" has none, and an unchanged rating with no
        date is left to the model's "Give the date" error rather than dated today after the fact.
        """
        level = cleaned_data.get("evidence_level")
        if "evidence_rated_on" not in self.fields or cleaned_data.get("evidence_rated_on") or level is None:
            return
        if level.kind == EvidenceLevel.Kind.UNRATED or "evidence_rated_on" in self.errors:
            return
        if {"evidence_level", "evidence_rationale"} & set(self.changed_data):
            cleaned_data["evidence_rated_on"] = timezone.localdate()

    def save(self, commit=True):
        page = super().save(commit=commit)
        # Everything that reads an entry's references reads the many-to-many: write it from the chosen rows.
        chosen = in_citing_order(page)
        if self.pasted is None:
            page.references = chosen
        else:
            cite(page, chosen + references_of(self.pasted))  # rows and many-to-many: pasted after chosen, each once
        if commit:
            page.save()
        return page

    def _posted_change(self, name) -> bool:
        """Whether the request carries a value for a locked field that differs from the stored one."""
        field = self.fields[name]
        raw = field.widget.value_from_datadict(self.data, self.files, self.add_prefix(name))
        if raw is None:  # browsers do not submit disabled inputs
            return False
        initial = self.get_initial_for_field(field, name)
        try:
            posted, stored = field.to_python(raw), field.to_python(field.prepare_value(initial))
        except ValidationError:
            return True
        return posted != stored
