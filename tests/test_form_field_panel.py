"""A panel for a field only a feature app's entry form declares: the catalogue's forms work without that app."""

from wagtail import hooks
from wagtail.admin.forms import WagtailAdminPageForm

from catalogue.extensions import ENTRY_FORM_HOOK
from catalogue.models import CaseStudyPage


def _entry_form_class():
    """The case study's edit form, built afresh (Wagtail caches the one it uses)."""
    return CaseStudyPage.edit_handler.bind_to_model(CaseStudyPage).get_form_class()


def test_the_editorial_form_s_paste_box_is_a_field_of_the_entry_form():
    assert "paste_references" in _entry_form_class().base_fields


def test_without_a_form_that_declares_it_the_panel_asks_for_nothing():
    with hooks.register_temporarily(ENTRY_FORM_HOOK, lambda: WagtailAdminPageForm):
        form_class = _entry_form_class()
    assert issubclass(form_class, WagtailAdminPageForm)
    assert "paste_references" not in form_class.base_fields
    assert "title" in form_class.base_fields
