"""
Per-process caches: each follows the content version, all are emptied by the one public reset, and
no module keeps a memo of its own outside the registry.
"""

import ast
import uuid
from pathlib import Path

import pytest
from django.conf import settings

from catalogue.caches import (
    VersionedCache,
    VersionedValue,
    per_content_version,
    process_caches,
    register,
    reset_process_caches,
)
from catalogue.models import ContentVersion
from catalogue.search.engine import _text_masks
from catalogue.search.snapshot import get_snapshot
from tests.factories import InterventionPageFactory

APPS = ["catalogue", "opendata", "explorer", "evidencemap", "website", "editorial", "linkcheck"]
# Memos of pure functions (of their arguments, of files shipped with the code, of the loaded models):
# they cannot go stale.
PURE_MEMOS = {
    "catalogue/search/words.py:stem",
    "opendata/citation.py:_style",
    "explorer/figures/boundaries.py:_imd_matches",
    "explorer/figures/statistics.py:funnel_limits",
    "catalogue/caches.py:_content_version_model",
    # Read from the deployed templates and stylesheet, which change only with a new release (a restart).
    "explorer/reports/pdf.py:stylesheet_text",
    "explorer/reports/pdf.py:layout_digest",
}
# Module state that is not a cache of content: the registries of the caches themselves and of the visitor lists.
NOT_CACHES = {"catalogue/caches.py:_registry", "catalogue/caches.py:_visitor_lists"}


@pytest.mark.django_db
def test_a_versioned_value_is_built_once_per_version(django_capture_on_commit_callbacks):
    builds = []
    value = VersionedValue(lambda version: builds.append(version) or f"built at {version}")
    assert value.get() == value.get() == f"built at {ContentVersion.current()}"
    with django_capture_on_commit_callbacks(execute=True):
        ContentVersion.bump()
    assert value.get() == f"built at {ContentVersion.current()}"
    value.clear()
    value.get()
    assert builds == [builds[0], builds[0] + 1, builds[0] + 1]


@pytest.mark.django_db
def test_a_versioned_cache_recomputes_each_key_when_the_version_moves(django_capture_on_commit_callbacks):
    memo = VersionedCache()
    computed = []

    def value_of(key):
        return memo.get(key, lambda: computed.append(key) or len(computed))

    assert [value_of("a"), value_of("b"), value_of("a")] == [1, 2, 1]
    with django_capture_on_commit_callbacks(execute=True):
        ContentVersion.bump()
    assert [value_of("a"), value_of("a")] == [3, 3]


@pytest.mark.django_db
def test_the_one_reset_empties_every_registered_cache(client, catalogue):
    InterventionPageFactory(parent=catalogue, title="Family group conference")
    assert client.get(catalogue.url, {"q": "family"}).status_code == 200
    held = get_snapshot()
    computed = []
    per_content_version("test list", lambda: computed.append(1))
    assert len(_text_masks) > 0 and held.size > 0
    assert {"search snapshot", "text matches", "per-version lists"} <= set(process_caches())

    reset_process_caches()

    assert len(_text_masks) == 0
    assert get_snapshot() is not held  # built again
    per_content_version("test list", lambda: computed.append(1))
    assert len(computed) == 2


def test_one_name_one_cache():
    name = f"test cache {uuid.uuid4()}"
    kept = register(name, {})
    assert register(name, kept) is kept and name in process_caches()
    with pytest.raises(ValueError, match="already registered"):
        register(name, {})


def _is_empty_container(value) -> bool:
    if isinstance(value, ast.Dict):
        return not value.keys
    if isinstance(value, (ast.List, ast.Set)):
        return not value.elts
    if isinstance(value, ast.Call) and not (value.args or value.keywords):
        return getattr(value.func, "id", getattr(value.func, "attr", "")) in {"dict", "list", "set", "OrderedDict"}
    return False


def _module_memos(path: Path) -> set[str]:
    """Names of module-level memos in one file: empty mutable containers, `global`s, functools caches."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        elif isinstance(node, ast.AnnAssign):
            target, value = node.target, node.value
        else:
            continue
        if isinstance(target, ast.Name) and _is_empty_container(value):
            found.add(target.id)
    for node in ast.walk(tree):
        if isinstance(node, ast.Global):
            found.update(node.names)
        if isinstance(node, ast.FunctionDef):
            for decorator in node.decorator_list:
                called = decorator.func if isinstance(decorator, ast.Call) else decorator
                if getattr(called, "attr", getattr(called, "id", "")) in {"cache", "lru_cache"}:
                    found.add(node.name)
    return found


def test_no_module_keeps_a_memo_outside_the_registry():
    root = Path(settings.BASE_DIR)
    found = set()
    for app in APPS:
        for path in (root / app).rglob("*.py"):
            if "migrations" in path.parts or "settings" in path.parts:
                continue
            found |= {f"{path.relative_to(root).as_posix()}:{name}" for name in _module_memos(path)}
    assert found - PURE_MEMOS - NOT_CACHES == set(), "register it in catalogue.caches (docs/conventions.md)"
    assert PURE_MEMOS | NOT_CACHES <= found  # the scan still sees the ones it allows
