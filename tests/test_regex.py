"""Module-level patterns compiled on first use (:func:`journal.core.regex.lazy`)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import journal
from journal.core.regex import lazy


def test_a_lazy_pattern_is_compiled_when_first_used_and_works_as_the_pattern() -> None:
    pattern = lazy(r"(?P<word>ab+)", re.IGNORECASE)
    assert "_compiled" not in vars(pattern)  # nothing compiled yet
    found = pattern.search("xxABBB")
    assert found is not None and found.group("word") == "ABBB"
    assert vars(pattern)["search"] == vars(pattern)["_compiled"].search  # kept: asked once
    assert pattern.sub("-", "ab AB") == "- -"
    assert pattern.pattern == "(?P<word>ab+)" and pattern.flags & re.IGNORECASE
    assert pattern.groupindex == {"word": 1}


def test_no_lazy_pattern_is_handed_to_a_function_of_re() -> None:
    """``re.sub(PATTERN, ...)`` and the like take only a real pattern (or text): every
    module-level pattern of the package is used through its own methods."""
    root = Path(journal.__file__).parent
    misuse = []
    for path in sorted(root.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        names = re.findall(r"^(\w+)\s*(?::[^=\n]*)?=\s*lazy\(", text, re.MULTILINE)
        for name in names:
            handed = rf"\bre\.\w+\(\s*{name}\b|isinstance\(\s*{name}\b"
            misuse += [f"{path.name}: {name}" for _ in re.finditer(handed, text)]
    assert misuse == []
    assert len(list(root.rglob("*.py"))) > 50  # the walk found the package


def test_every_module_level_pattern_is_compiled_on_first_use() -> None:
    root = Path(journal.__file__).parent
    eager = [
        f"{path.relative_to(root)}: {name}"
        for path in sorted(root.rglob("*.py"))
        for name in re.findall(
            r"^(\w+)\s*(?::[^=\n]*)?=\s*re\.compile\(", path.read_text(encoding="utf-8"), re.M
        )
    ]
    assert eager == []


def test_no_lazy_pattern_is_compiled_by_importing_the_package() -> None:
    """Found in review: a pattern made of another's ``.pattern`` compiled that one at
    import.  In a fresh interpreter, every module imported, none is compiled yet."""
    program = (
        "import importlib, pkgutil, journal\n"
        "from journal.core.regex import _Lazy\n"
        "modules = [importlib.import_module(m.name) for m in"
        " pkgutil.walk_packages(journal.__path__, 'journal.') if not m.name.endswith('__main__')]\n"
        "made = [(m.__name__, k) for m in modules for k, v in vars(m).items()"
        " if isinstance(v, _Lazy)]\n"
        "print(len(made), sorted(f'{m}.{k}' for m, k in made"
        " if '_compiled' in vars(vars(__import__(m, fromlist=['x']))[k])))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True
    ).stdout.split(" ", 1)
    assert int(out[0]) > 100  # the patterns were found
    assert out[1].strip() == "[]"
