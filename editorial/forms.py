"""The entry editing form: only those allowed to rate evidence may change a rating."""

from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminPageForm

from .roles import CHANGE_EVIDENCE_RATING

RATING_FIELDS = ("evidence_level", "evidence_rationale", "evidence_rated_on")
NOT_ALLOWED = "Only a reviewer can change an evidence rating. Ask a reviewer, or leave the rating as it is."


def can_rate_evidence(user) -> bool:
    return bool(user and user.has_perm(CHANGE_EVIDENCE_RATING))


class EntryPageForm(WagtailAdminPageForm):
    """
    For users without the rating permission (Contributors), the evidence fields are shown but disabled:
    the stored rating is kept whatever is posted, and a posted change is refused with a clear error rather
    than silently dropped. New entries start as "Not yet rated".
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.rating_locked = not can_rate_evidence(self.for_user)
        if not self.rating_locked:
            return
        if "evidence_level" in self.fields and not self.initial.get("evidence_level"):
            unrated = self.fields["evidence_level"].queryset.filter(slug="not-yet-rated").first()
            if unrated is not None:
                self.initial["evidence_level"] = unrated.pk
        for name in RATING_FIELDS:
            if name in self.fields:
                self.fields[name].disabled = True
                self.fields[name].help_text = (self.fields[name].help_text + " " if self.fields[name].help_text
                                               else "") + "Reviewers set the evidence rating."

    def clean(self):
        cleaned_data = super().clean()
        if self.rating_locked:
            for name in RATING_FIELDS:
                if name in self.fields and self._posted_change(name):
                    self.add_error(name, NOT_ALLOWED)
        return cleaned_data

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
