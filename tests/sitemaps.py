"""Reading the sitemap as a crawler does: the index first, then each of its files."""

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

from opendata.tasks import build_sitemap_task

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def sitemap_paths(client) -> set[str]:
    """
    Every page address in the sitemap, following the index to each of its files, once the task worker
    has built them: a build the test's publishes queued (or the first request queues) is run here, as the
    worker would (tests/opendata/test_sitemap_queue.py tests the queue itself).
    """
    index = client.get("/sitemap.xml")
    if index.status_code == 503:
        build_sitemap_task.call()
        index = client.get("/sitemap.xml")
    assert index.status_code == 200 and index["Content-Type"].startswith("application/xml")
    paths = set()
    for file_location in ET.fromstring(b"".join(index.streaming_content)).iter(f"{SITEMAP}loc"):
        response = client.get(urlsplit(file_location.text).path)
        assert response.status_code == 200
        root = ET.fromstring(b"".join(response.streaming_content))
        paths |= {urlsplit(loc.text).path for loc in root.iter(f"{SITEMAP}loc")}  # host: the Wagtail Site's
    return paths
