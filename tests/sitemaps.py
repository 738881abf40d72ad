"""Reading the sitemap as a crawler does: the index first, then each of its files."""

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

from django.conf import settings
from django.test import override_settings

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def sitemap_paths(client) -> set[str]:
    """
    Every page address in the sitemap, following the index to each of its files, once the task worker
    has built them (here the build runs at once, inside the first request that queues it).
    """
    immediate = {**settings.TASKS, "background": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    with override_settings(TASKS=immediate):
        return _read_sitemap(client)


def _read_sitemap(client) -> set[str]:
    index = client.get("/sitemap.xml")
    assert index.status_code == 200 and index["Content-Type"].startswith("application/xml")
    paths = set()
    for file_location in ET.fromstring(b"".join(index.streaming_content)).iter(f"{SITEMAP}loc"):
        response = client.get(urlsplit(file_location.text).path)
        assert response.status_code == 200
        root = ET.fromstring(b"".join(response.streaming_content))
        paths |= {urlsplit(loc.text).path for loc in root.iter(f"{SITEMAP}loc")}  # host: the Wagtail Site's
    return paths
