"""
`index_once_at_the_end()`: many saves, one search-index and one reference-index update per object, made when
the block ends, leaving both indexes as saving object by object would; nothing indexed if the block fails.
"""

from unittest import mock

import pytest
from modelsearch import index as search_index
from wagtail.models import ReferenceIndex
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from catalogue.indexing import index_once_at_the_end
from catalogue.models import InterventionPage
from catalogue.models.cited import cite
from tests.factories import InterventionPageFactory, ReferenceFactory

pytestmark = pytest.mark.django_db
# Fixed, and the titles' animal names: the factory's random summary is English words that could match.
SUMMARY = "An entry for the indexing tests."


def _found(words: str) -> set[str]:
    """Titles of the interventions Wagtail's search backend finds for `words` (SQLite FTS or PostgreSQL)."""
    return {page.title for page in get_search_backend().search(words, InterventionPage)}


def _references_from(page) -> set[int]:
    return (
        set(
            ReferenceIndex.get_references_for_object(page)
            .filter(model_path="cited_references.item.reference")
            .values_list("to_object_id", flat=True)
            .distinct()
        )
        | set()
    )


def _save_three_times(catalogue, reference, slug="held") -> InterventionPage:
    page = InterventionPageFactory(parent=catalogue, title="Quokka title", slug=slug, summary=SUMMARY)
    page.title = "Wombat title"
    page.save_revision().publish()
    page = InterventionPage.objects.get(pk=page.pk)
    page.title = "Numbat title"
    cite(page, [reference])
    page.save_revision().publish()
    return InterventionPage.objects.get(pk=page.pk)


def test_each_object_is_indexed_once_when_the_block_ends(catalogue):
    reference = ReferenceFactory(title="A study of pathways")
    with mock.patch.object(search_index, "insert_or_update_object", wraps=search_index.insert_or_update_object) as add:
        with index_once_at_the_end():
            page = _save_three_times(catalogue, reference)
            assert not _found("numbat") and not _found("quokka")  # held until the end
            assert not ReferenceIndex.get_references_for_object(page).exists()
            during = add.call_count
    assert during == 0
    indexed = [call.args[0] for call in add.call_args_list]
    assert sorted({(type(obj), obj.pk) for obj in indexed}, key=str) == sorted(
        [(type(obj), obj.pk) for obj in indexed], key=str
    ), "an object was indexed more than once"
    assert (InterventionPage, page.pk) in {(type(obj), obj.pk) for obj in indexed}
    assert _found("numbat") == {"Numbat title"} and not _found("quokka") and not _found("wombat")
    assert _references_from(page) == {str(reference.pk)}


def test_the_indexes_end_as_saving_one_by_one_leaves_them(catalogue):
    one_by_one = _save_three_times(catalogue, ReferenceFactory(title="Study one"), slug="one-by-one")
    with index_once_at_the_end():
        held = _save_three_times(catalogue, ReferenceFactory(title="Study two"))
    assert {page.pk for page in get_search_backend().search("numbat", InterventionPage)} == {one_by_one.pk, held.pk}
    assert not _found("quokka") and not _found("wombat")
    assert IndexEntry.objects.filter(object_id=str(held.pk)).count() == 1  # one row for it, as for one_by_one
    assert IndexEntry.objects.filter(object_id=str(one_by_one.pk)).count() == 1
    assert len(_references_from(one_by_one)) == len(_references_from(held)) == 1


def _fail_within_the_block(catalogue):
    with index_once_at_the_end():
        InterventionPageFactory(parent=catalogue, title="Axolotl never indexed", summary=SUMMARY)
        raise RuntimeError("the load failed")


def test_a_failed_block_indexes_nothing_and_saving_indexes_again_afterwards(catalogue):
    with pytest.raises(RuntimeError, match="the load failed"):
        _fail_within_the_block(catalogue)
    assert not _found("axolotl")
    InterventionPageFactory(parent=catalogue, title="Pangolin saved after the block", summary=SUMMARY)
    assert _found("pangolin") == {"Pangolin saved after the block"}
