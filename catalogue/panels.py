"""Admin panels that show, read-only, what is edited elsewhere."""

from wagtail.admin.panels import Panel


class CitingEntriesPanel(Panel):
    """On a reference: the entries that cite it. Links are edited on each entry (its revisions and review)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "catalogue/panels/citing_entries.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            reference = self.instance
            context["entries"] = reference.entries.order_by("title") if reference and reference.pk else []
            return context
