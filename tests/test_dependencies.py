"""
Dependencies point down (docs/conventions.md, "The apps and which way they depend"):

- `catalogue`, the domain, imports none of the apps built on it;
- a feature app imports the catalogue, and another feature app (or `website`) only where the table below
  says so;
- `website` may import any app but `demo`; `demo` builds the whole site and nothing imports it;
- templates too: the catalogue's templates include no feature app's template and load no feature app's
  template tags (feature apps add sections through the hooks in `catalogue/extensions.py`).
"""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FEATURE_APPS = {"editorial", "opendata", "explorer", "evidencemap", "linkcheck"}
DEMO = "demo"
APPS = {"catalogue", "website", DEMO} | FEATURE_APPS
# Where a feature app may import another app above the catalogue: modules (or packages) it may use.
DOCUMENTED = {
    # the data wing's "What we asked" page lists the evidence map's research questions; its downloads' Link
    # headers and data package give absolute URLs from the configured base URL
    "explorer": ("evidencemap.models", "website.site_url"),
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
        "from linkcheck.sources import entry_sources\nfrom catalogue.models import Region\n"
    )
    (tmp_path / "website").mkdir()
    (tmp_path / "website" / "models.py").write_text("from opendata.feeds import Feed\nfrom demo.site_tree import x\n")
    (tmp_path / "opendata").mkdir()
    (tmp_path / "opendata" / "api.py").write_text("from website.site_url import absolute_url\nimport website.models\n")
    checked = {app: undocumented(app, imports_of(app, tmp_path)) for app in ("explorer", "website", "opendata")}
    assert checked == {
        "explorer": ["explorer/views.py: linkcheck.sources"],
        "website": ["website/models.py: demo.site_tree"],
        "opendata": ["opendata/api.py: website.models"],
    }


# The catalogue's templates: its own folder and the site-wide includes its pages use.
CATALOGUE_TEMPLATES = ("templates/catalogue", "templates/includes", "templates/blocks")
TEMPLATE_REFERENCE = re.compile(r"{%\s*(include|extends)\s+[\"']([^\"']+)[\"']")
TEMPLATE_LOAD = re.compile(r"{%\s*load\s+([^%]+?)\s*%}")


def feature_tag_libraries(root: Path = ROOT) -> dict[str, str]:
    """{tag library name: app} for every feature app's templatetags modules."""
    return {
        path.stem: app
        for app in FEATURE_APPS
        for path in (root / app / "templatetags").glob("*.py")
        if path.stem != "__init__"
    }


def feature_template_dirs(root: Path = ROOT) -> set[str]:
    """The first folder of every feature app's templates (templates/<folder>/ or <app>/templates/<folder>/)."""
    folders = set(FEATURE_APPS)
    for app in FEATURE_APPS:
        folders |= {path.name for path in (root / app / "templates").glob("*") if path.is_dir()}
    return folders


def template_layering_breaches(root: Path = ROOT) -> list[str]:
    """Each include, extends or load in a catalogue template that reaches into a feature app."""
    libraries, folders = feature_tag_libraries(root), feature_template_dirs(root)
    breaches = []
    for folder in CATALOGUE_TEMPLATES:
        for path in sorted((root / folder).rglob("*.html")):
            text, relative = path.read_text(encoding="utf-8"), path.relative_to(root).as_posix()
            for kind, name in TEMPLATE_REFERENCE.findall(text):
                if name.split("/")[0] in folders:
                    breaches.append(f"{relative}: {kind} {name}")
            for loaded in TEMPLATE_LOAD.findall(text):
                words = loaded.split()
                names = words[words.index("from") + 1 :] if "from" in words else words
                breaches += [f"{relative}: load {name} ({libraries[name]})" for name in names if name in libraries]
    return breaches


def test_catalogue_templates_use_no_feature_app_templates_or_tags():
    assert template_layering_breaches() == []


def test_the_template_check_sees_includes_and_loads(tmp_path):
    (tmp_path / "templates" / "catalogue").mkdir(parents=True)
    (tmp_path / "linkcheck" / "templatetags").mkdir(parents=True)
    (tmp_path / "linkcheck" / "templatetags" / "linkcheck_tags.py").write_text("")
    (tmp_path / "templates" / "catalogue" / "page.html").write_text(
        '{% extends "base.html" %}{% load wagtailcore_tags linkcheck_tags %}{% include "opendata/links.html" %}'
        "{% include 'includes/pagination.html' %}"
    )
    assert template_layering_breaches(tmp_path) == [
        "templates/catalogue/page.html: include opendata/links.html",
        "templates/catalogue/page.html: load linkcheck_tags (linkcheck)",
    ]
