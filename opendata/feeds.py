"""An Atom feed of any catalogue search, newest first: the catalogue page's `feed/` route, ?area=...&region=..."""

from dataclasses import replace
from urllib.parse import urlencode

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.views.decorators.http import require_GET

from website.site_url import absolute_url

from .params import BadParameters, bad_request, matching_ids, strict_query
from .records import load_for_feed

FEED_SIZE = 50


class CatalogueSearchFeed(Feed):
    """New and updated entries matching a search, so people can follow it in a feed reader."""

    feed_type = Atom1Feed

    def __init__(self, catalogue):
        super().__init__()
        self.catalogue = catalogue

    def get_object(self, request, *args, **kwargs):
        query, snapshot = strict_query(request.GET)
        # A feed is read newest first whatever order the page was sorted in.
        query = replace(query, sort="newest")
        results = matching_ids(query, snapshot)
        self.request = request
        labels = {(param, value.slug): value.label for param, values in snapshot.facets.items() for value in values}
        return {"query": query, "labels": labels, "entries": load_for_feed(results.ordered_ids[:FEED_SIZE])}

    def title(self, obj):
        return f"Born into Care catalogue: {describe(obj['query'], obj['labels'])}"

    def subtitle(self, obj):
        return "New entries in the Born into Care catalogue matching this search, newest first."

    def link(self, obj):
        params = [(k, v) for k, v in obj["query"].as_params() if k != "sort"]
        return absolute_url(self.catalogue.get_url(self.request) + ("?" + urlencode(params) if params else ""))

    def feed_url(self, obj):
        return absolute_url(self.request.get_full_path())

    def items(self, obj):
        return obj["entries"]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return absolute_url(item.get_url(self.request))

    def item_guid(self, item):
        return absolute_url(item.get_url(self.request))

    item_guid_is_permalink = True

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [term.name for term in [*item.areas.all(), *item.topics.all()]]

    def item_author_name(self, item):
        return "Born into Care"


def describe(query, labels: dict[tuple[str, str], str]) -> str:
    """The search in words, for the feed's title, e.g. "‘parent’, Post-removal support, North West"."""
    parts = [f"‘{query.text}’"] if query.text else []
    parts += [labels.get(selected, selected[1]) for selected in query.selected]
    return ", ".join(parts) if parts else "all entries"


@require_GET
def catalogue_feed(request, catalogue):
    try:
        return CatalogueSearchFeed(catalogue)(request)
    except BadParameters as error:
        return bad_request(error, as_json=False)
