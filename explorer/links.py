"""
The one way to link to a page of the data wing: `data_url(name, *args)` (`{% data_url %}` in templates).
Addresses are generated from the live data page, never written, so renaming or moving the page in the
admin moves every link with it.
"""

from django.urls import NoReverseMatch

from catalogue.caches import visitor_list
from catalogue.models.own_rows import from_own_rows


def _live_data_page():
    from .models import DataPage

    page = from_own_rows(DataPage.objects.live()).first()
    return (page, page.url if page else None)


# The live data page and its site-relative URL, worked out once per content version.
data_page = visitor_list("explorer:data-page", _live_data_page)


def data_home_url() -> str:
    """The data page's own address, or "" if there is none (the site's menu then leaves it out)."""
    return data_page()[1] or ""


def data_url(name: str, *args) -> str:
    """The site-relative address of one of the data page's routes, e.g. data_url("local_authority", code)."""
    page, base = data_page()
    if page is None or base is None:
        raise NoReverseMatch(f"There is no live data page, so no address for {name!r}.")
    base = base if base.endswith("/") else base + "/"
    return base + page.reverse_subpage(name, args=[str(arg) for arg in args])
