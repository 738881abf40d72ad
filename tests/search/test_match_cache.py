"""The text-match cache keeps only matches and stays within its byte limit (issue 15, item 5)."""

import numpy as np
import pytest

from catalogue.indexing import index_once_at_the_end
from catalogue.search.engine import _text_masks
from catalogue.search.match_cache import ENTRY_OVERHEAD, TextMatchCache
from tests.factories import InterventionPageFactory

from .helpers import search


def _arrays(n):
    return np.arange(n, dtype=np.int32), np.ones(n, dtype=np.float32)


def test_least_recently_used_queries_go_first_once_over_the_byte_limit():
    cache = TextMatchCache(max_bytes=3 * (8 * 100 + ENTRY_OVERHEAD))
    for key in "abc":
        cache.put(key, *_arrays(100))
    assert cache.get("a") is not None  # "a" is now the most recent
    cache.put("d", *_arrays(100))
    assert cache.get("b") is None and all(cache.get(key) is not None for key in "acd")
    assert cache.size_bytes <= cache.max_bytes


def test_a_result_bigger_than_the_whole_cache_is_not_kept():
    cache = TextMatchCache(max_bytes=1000)
    cache.put("huge", *_arrays(1000))
    assert cache.get("huge") is None and cache.size_bytes == 0


@pytest.mark.django_db
def test_a_search_that_finds_nothing_costs_a_few_bytes(catalogue, settings):
    settings.CATALOGUE_TEXT_CACHE_BYTES = 10_000
    with index_once_at_the_end():  # each entry indexed once, not on each of its three saves
        for n in range(30):
            InterventionPageFactory(parent=catalogue, title=f"Service {n}", summary="Ordinary words.")
    search("wibble")
    assert _text_masks.size_bytes == ENTRY_OVERHEAD
    search("service")
    assert _text_masks.size_bytes == 2 * ENTRY_OVERHEAD + 30 * 8  # int32 position + float32 score each
    for n in range(100):
        search(f"nothing{n}")
    assert _text_masks.size_bytes <= 10_000  # bounded by the setting
