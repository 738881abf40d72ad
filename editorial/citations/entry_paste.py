"""
The entry form's "Paste references (BibTeX or RIS)" box: records from a citation manager, pasted beside the
reference chooser, become the entry's references on save, in the order pasted, after those chosen. Each is
matched to the library by DOI or title, or created: the same rules as the chooser's "Add a new reference"
tab and the "Add references" page (parsing.py, saving.py). All or nothing: one bad record is an error on
the box naming the record and the field, and nothing is created.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction

from catalogue.io.errors import ImportFileError
from catalogue.models import Reference

from .parsing import MAX_RECORDS, read_citations
from .saving import ImportPlan, plan_import, save_plan
from .views import user_can_import_citations

PASTE_FIELD = "paste_references"
NOT_ALLOWED = (
    "{names} {verb} not in the library yet, and your account cannot add references. Ask an administrator, "
    "or choose references already in the library with 'Add reference'."
)


def paste_field() -> forms.CharField:
    return forms.CharField(
        label="Paste references (BibTeX or RIS)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5, "spellcheck": "false"}),
        help_text="From Zotero, Mendeley or EndNote: export as BibTeX or RIS and paste here, one record or "
        f"several (at most {MAX_RECORDS}). On save each is matched to the library by DOI or title, or added, "
        "and cited after the references above.",
    )


def check_pasted(text: str, user) -> ImportPlan | None:
    """The plan for the pasted records (None when the box is empty); a ValidationError lists every problem."""
    if not text.strip():
        return None
    try:
        records = read_citations(text)
    except ImportFileError as error:
        raise ValidationError(str(error)) from None
    plan = plan_import(records)
    problems = [error.message for error in plan.errors]
    for item in plan.new:
        problems += _model_problems(item)
    if problems:
        raise ValidationError(problems)
    if plan.new and not user_can_import_citations(user):
        names = ", ".join(item.record.name for item in plan.new)
        raise ValidationError(NOT_ALLOWED.format(names=names, verb="is" if len(plan.new) == 1 else "are"))
    return plan


def _model_problems(item) -> list[str]:
    """What the library's own checks would refuse in a new reference, named by record and field."""
    try:
        Reference(**item.values).full_clean(exclude=["key"])
    except ValidationError as error:
        return [
            f"{item.record.name}: {Reference._meta.get_field(name).verbose_name}: {message}"
            for name, messages in error.message_dict.items()
            for message in messages
        ]
    return []


@transaction.atomic
def references_of(plan: ImportPlan) -> list[Reference]:
    """The pasted records as library references, in the order pasted: the new ones created, all or none."""
    created = iter(save_plan(plan))
    return [item.existing if item.existing is not None else next(created) for item in plan.planned]
