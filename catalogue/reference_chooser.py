"""
The reference chooser: Wagtail's snippet chooser (searchable by title and author) with an "Add a new
reference" tab, so an editor can cite a study that is not yet in the library without leaving the entry.
The tab's form comes from the `reference_chooser_creation_form` hook (the editorial app's reads a pasted
BibTeX or RIS record); without one it is a short form of the reference's main fields.
"""

from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.widgets import AdminSnippetChooser

from .extensions import registered_reference_creation_form


class ReferenceChooserWidget(AdminSnippetChooser):
    # No "Edit this reference" link: Contributors may add references but not change them (snippet edits go
    # live at once, past the review), and a link that ends in a permission error helps no one.
    show_edit_link = False


class ReferenceChooserViewSet(SnippetChooserViewSet):
    base_widget_class = ReferenceChooserWidget
    create_action_label = "Add a new reference"
    form_fields = ["kind", "authors", "year", "title", "publisher", "url", "doi", "design"]

    def get_common_view_kwargs(self, **kwargs):
        # Read when the chooser's URLs are built, after every app's hooks are loaded.
        form_class = registered_reference_creation_form()
        if form_class is not None:
            kwargs.setdefault("creation_form_class", form_class)
        return super().get_common_view_kwargs(**kwargs)
