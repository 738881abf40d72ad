"""
Addresses of the data wing for tests. Its pages are routes of the data page (explorer.models.DataPage),
so `reverse("explorer:<route>", args=[...])` here asks the live data page, as the site's own links do;
any other name goes to Django's `reverse`.
"""

from django.urls import reverse as django_reverse

from explorer.links import data_url


def reverse(name: str, args=(), kwargs=None) -> str:
    if name.startswith("explorer:"):
        return data_url(name.split(":", 1)[1], *args)
    return django_reverse(name, args=args, kwargs=kwargs)
