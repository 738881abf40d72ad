"""
How feature apps extend catalogue pages without the catalogue importing them.

The catalogue is the domain app: open data, the evidence map and the editorial workflow build on
it, never the other way round. Each extension point is a Wagtail hook a feature app registers in
its own `wagtail_hooks.py`:

- `register_catalogue_routes` / `register_entry_routes`: return Django `path()`s that become routes
  of the catalogue page / of every entry page (Wagtail's RoutablePageMixin). Wagtail calls a route's
  view as `view(page, request, *args)`. Link to them with `subpage_url(page, name, ...)` or
  `{% routablepageurl page "name" ... %}`, never with a written path, so renaming the catalogue
  page in the admin moves them all.
- `register_entry_page_sections`: return `EntrySection`s, templates rendered into a named slot of
  the entry page ("head", "top", "after_content", "after_references", "footer") with the page's context.
- `register_catalogue_page_sections`: the same for the catalogue page ("head", "after_results",
  "after_form") and for each result card on it ("result_card", with the card's `entry`). Catalogue
  templates never include a feature app's template or load its tags (tests/test_dependencies.py).
- `evidence_scale_url`: return the URL of the page that explains the evidence ratings ("" if none);
  evidence badges link to the first non-empty answer.
- `entry_page_base_form_class`: return a WagtailAdminPageForm subclass for editing entries; the
  last one registered is used (see `EntryPage.base_form_class`).
- `reference_chooser_creation_form`: return a ModelForm for Reference used by the reference chooser's
  "Add a new reference" tab (the editorial app's reads a pasted BibTeX or RIS record); the last one wins.
- `register_place_index`: return `catalogue.places.index.Place`s (local authorities, family justice
  areas...) with the page each leads to; read once per content version, so a search that names a
  place offers its pages at no query cost.
"""

import re
from dataclasses import dataclass

from django.utils.functional import classproperty
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.contrib.routable_page.models import RoutablePageMixin

CATALOGUE_ROUTES_HOOK = "register_catalogue_routes"
ENTRY_ROUTES_HOOK = "register_entry_routes"
ENTRY_SECTIONS_HOOK = "register_entry_page_sections"
CATALOGUE_SECTIONS_HOOK = "register_catalogue_page_sections"
EVIDENCE_SCALE_URL_HOOK = "evidence_scale_url"
ENTRY_FORM_HOOK = "entry_page_base_form_class"
REFERENCE_CREATION_FORM_HOOK = "reference_chooser_creation_form"
PLACE_INDEX_HOOK = "register_place_index"

# A last path segment like "export.csv" or "cite.bib" is a file name.
_FILE_SEGMENT = re.compile(r"/?[\w\-]+\.\w+/$")


class RegisteredRoutesMixin(RoutablePageMixin):
    """
    RoutablePageMixin whose routes also come from the hook named in `routes_hook`.

    Wagtail's router sees "export.csv" as a path segment and matches it with a slash added, so
    a route is declared as `path("export.csv/", ...)`; its address (what `reverse_subpage` gives,
    what people link to and what the open-data URL patterns hand to Wagtail) has no trailing slash.
    """

    routes_hook: str = ""

    @classmethod
    def get_subpage_urls(cls):
        registered = [pattern for register in hooks.get_hooks(cls.routes_hook) for pattern in register()]
        return (*super().get_subpage_urls(), *registered) if cls.routes_hook else super().get_subpage_urls()

    def reverse_subpage(self, name, args=None, kwargs=None):
        url = super().reverse_subpage(name, args=args, kwargs=kwargs)
        return url[:-1] if _FILE_SEGMENT.search(url) else url


def subpage_url(page, name: str, *args, request=None) -> str:
    """The site-relative URL of one of `page`'s routes, e.g. subpage_url(catalogue, "feed")."""
    base = page.get_url(request)
    if not base.endswith("/"):
        base += "/"
    return base + page.reverse_subpage(name, args=args)


@dataclass(frozen=True)
class EntrySection:
    """A template a feature app adds to a slot of the entry page; lower `order` comes first."""

    slot: str
    template: str
    order: int = 100


def entry_sections(slot: str, hook: str = ENTRY_SECTIONS_HOOK) -> list[EntrySection]:
    """The sections registered for one slot of the entry page (or, with `hook`, the catalogue page), in order."""
    sections = [section for register in hooks.get_hooks(hook) for section in register()]
    return sorted((s for s in sections if s.slot == slot), key=lambda s: s.order)


def evidence_scale_url() -> str:
    """The page explaining evidence ratings, from the first app that knows one ("" if none)."""
    for find in hooks.get_hooks(EVIDENCE_SCALE_URL_HOOK):
        url = find()
        if url:
            return url
    return ""


class EntryFormFromHooks:
    """
    `EntryPage.base_form_class`: the form class registered by the last `entry_page_base_form_class`
    hook, else Wagtail's default. Read when Wagtail builds the edit form, after every app is ready.
    """

    @classproperty
    def base_form_class(cls):
        registered = [provide() for provide in hooks.get_hooks(ENTRY_FORM_HOOK)]
        return registered[-1] if registered else WagtailAdminPageForm


def registered_reference_creation_form():
    """The form class the last `reference_chooser_creation_form` hook gives, or None."""
    registered = [provide() for provide in hooks.get_hooks(REFERENCE_CREATION_FORM_HOOK)]
    return registered[-1] if registered else None
