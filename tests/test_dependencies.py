"""
Dependencies point down (docs/conventions.md, "The apps and which way they depend"):

- `catalogue`, the domain, imports none of the apps built on it;
- a feature app imports the catalogue, and another feature app (or `website`) only where the table below
  says so;
- `website` may import any app but `demo`; `demo` builds the whole site and nothing imports it.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FEATURE_APPS = {"editorial", "opendata", "explorer", "evidencemap", "familyjustice", "linkcheck"}
DEMO = "demo"
APPS = {"catalogue", "website", DEMO} | FEATURE_APPS
# Where a feature app may import another app above the catalogue: modules (or packages) it may use.
DOCUMENTED = {
    # built on the explorer's charts, plots, statistics and figures; its questions page lists the
    # evidence map's research questions
    "familyjustice": ("explorer", "evidencemap.models"),
    # absolute URLs from the configured base URL: a leaf module that imports only settings
    "opendata": ("website.site_url",),
}


def imported_modules(path: Path):
    """Every absolute import in the module, function-local ones included."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module


def imports_of(app: str, root: Path = ROOT) -> list[tuple[str, str]]:
    """(file, module) for every import of another of the site's apps made in `app`."""
    found = []
    for path in sorted((root / app).rglob("*.py")):
        relative = path.relative_to(root).as_posix()
        for module in imported_modules(path):
            if module.split(".")[0] in APPS - {app}:
                found.append((relative, module))
    return found


def _within(module: str, allowed) -> bool:
    return any(module == prefix or module.startswith(prefix + ".") for prefix in allowed)


def undocumented(app: str, imports) -> list[str]:
    """The imports `app` may not make, by the layering above."""
    top = {module.split(".")[0] for _, module in imports}
    if app == DEMO:
        return []
    may_use = {"catalogue"}
    if app == "website":
        may_use |= FEATURE_APPS
    return [
        f"{path}: {module}"
        for path, module in imports
        if module.split(".")[0] in top - may_use and not _within(module, DOCUMENTED.get(app, ()))
    ]


def test_catalogue_imports_no_other_app():
    assert imports_of("catalogue") == []


def test_apps_import_only_downwards_or_as_documented():
    assert {app: undocumented(app, imports_of(app)) for app in sorted(APPS)} == dict.fromkeys(sorted(APPS), [])


def test_the_documented_exceptions_are_still_used():
    """An exception nobody needs any more is removed from the table, not kept as a loophole."""
    for app, allowed in DOCUMENTED.items():
        modules = [module for _, module in imports_of(app)]
        for prefix in allowed:
            assert any(_within(module, [prefix]) for module in modules), f"{app} no longer imports {prefix}"


def test_the_check_sees_a_deferred_upward_import(tmp_path):
    (tmp_path / "catalogue").mkdir()
    (tmp_path / "catalogue" / "example.py").write_text("def f():\n    from website.models import HomePage\n")
    assert imports_of("catalogue", tmp_path) == [("catalogue/example.py", "website.models")]


def test_the_check_refuses_sideways_and_demo_imports(tmp_path):
    (tmp_path / "explorer").mkdir()
    (tmp_path / "explorer" / "views.py").write_text(
        "from familyjustice.relationships import latest_scatters\nfrom catalogue.models import Region\n"
    )
    (tmp_path / "website").mkdir()
    (tmp_path / "website" / "models.py").write_text("from opendata.feeds import Feed\nfrom demo.site_tree import x\n")
    (tmp_path / "opendata").mkdir()
    (tmp_path / "opendata" / "api.py").write_text("from website.site_url import absolute_url\nimport website.models\n")
    checked = {app: undocumented(app, imports_of(app, tmp_path)) for app in ("explorer", "website", "opendata")}
    assert checked == {
        "explorer": ["explorer/views.py: familyjustice.relationships"],
        "website": ["website/models.py: demo.site_tree"],
        "opendata": ["opendata/api.py: website.models"],
    }
