"""The layers of docs/design.md, kept: imports go only downward, and each third-party
library is imported in one module."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "journal"
#: Each layer's rank: a module imports only from its own rank or a lower one.
RANKS = {"core": 0, "adapters": 1, "usecases": 2, "present": 3, "plain": 3, "cli": 4, "start": 5}
#: The one module importing each third-party library (docs/design.md, "Layers").
OWNERS = {
    "click": "journal.cli",
    "frontmatter": "journal.core.codec",
    "jinja2": "journal.adapters.templates",
    "markdown_it": "journal.core.body",
    "pygit2": "journal.adapters.git",
    "watchdog": "journal.adapters.watcher",
    "yaml": "journal.core.yaml12",
}


def _modules() -> dict[str, list[str]]:
    """Every module of the package -> the absolute names it imports (at any depth: a
    lazy import inside a function counts as much as one at the top)."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        imported = []
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported += [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                assert node.level == 0, f"{name}: relative import"  # absolute only
                assert node.module is not None
                imported.append(node.module)
        found[name] = imported
    return found


def _rank(module: str) -> int | None:
    parts = module.split(".")
    return RANKS.get(parts[1]) if parts[0] == "journal" and len(parts) > 1 else None


MODULES = _modules()


def test_the_package_is_all_in_some_layer() -> None:
    unranked = [m for m in MODULES if m not in ("journal", "journal.__main__") and _rank(m) is None]
    assert unranked == []
    assert len(MODULES) > 50  # the walk found the package


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_go_only_downward(module: str) -> None:
    rank = _rank(module)
    upward = [
        name
        for name in MODULES[module]
        if rank is not None and (other := _rank(name)) is not None and other > rank
    ]
    assert upward == [], f"{module} imports a layer above it"


def test_each_third_party_library_is_imported_in_one_module() -> None:
    importers: dict[str, set[str]] = {}
    for module, names in MODULES.items():
        for name in names:
            top = name.split(".")[0]
            if top != "journal" and top not in sys.stdlib_module_names:
                importers.setdefault(top, set()).add(module)
    assert importers == {library: {owner} for library, owner in OWNERS.items()}
