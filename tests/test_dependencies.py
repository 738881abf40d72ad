"""Dependencies point down: the catalogue (the domain) imports none of the apps built on it."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FEATURE_APPS = {"editorial", "opendata", "explorer", "evidencemap", "website"}
# The demo loader builds the whole site, so it sees every app; it is to move out of the catalogue.
ALLOWED = ("catalogue/demo/", "catalogue/management/commands/load_demo.py")


def imported_modules(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module


def test_catalogue_imports_no_feature_app():
    upward = []
    for path in sorted((ROOT / "catalogue").rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        if relative.startswith(ALLOWED):
            continue
        upward += [f"{relative}: {module}" for module in imported_modules(path) if module.split(".")[0] in FEATURE_APPS]
    assert upward == []


def test_the_check_sees_an_upward_import(tmp_path):
    module = tmp_path / "example.py"
    module.write_text("def f():\n    from website.models import HomePage\n")
    assert list(imported_modules(module)) == ["website.models"]
