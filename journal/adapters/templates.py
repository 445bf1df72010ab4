"""Rendering notes from Jinja templates, safely.

Templates come from the vault's ``.journal/templates/`` first, then the ones
shipped in the package.  They run in jinja2's sandbox with StrictUndefined;
the context must be plain data; the loader refuses symlinks and any name that
would leave the template folders.  Errors name the template file and line.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from importlib import resources
from pathlib import Path, PurePosixPath
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from journal.adapters.cachedir import cache_folder
from journal.core.errors import JournalError

VAULT_TEMPLATES = ".journal/templates"


class TemplateProblem(JournalError):
    """A template that can't be found, parsed or rendered."""


def shipped_folder() -> Path:
    """The folder of the templates installed with the package."""
    return Path(str(resources.files("journal.templates")))


class _FolderLoader(jinja2.BaseLoader):
    """Loads ``name`` from the first folder that has it; never follows symlinks."""

    def __init__(self, folders: list[Path]) -> None:
        self.folders = folders

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        pure = PurePosixPath(template)
        if pure.is_absolute() or ".." in pure.parts or "\\" in template or not pure.parts:
            raise TemplateProblem(f"template name '{template}' is not allowed")
        for folder in self.folders:
            path = folder.joinpath(*pure.parts)
            if not path.exists() and not path.is_symlink():
                continue
            if any(p.is_symlink() for p in (path, *path.parents) if folder in (p, *p.parents)):
                raise TemplateProblem("templates may not be symlinks", path=str(path))
            source = path.read_text(encoding="utf-8")
            mtime = path.stat().st_mtime
            return source, str(path), lambda p=path, m=mtime: p.stat().st_mtime == m
        raise jinja2.TemplateNotFound(template)


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Compiled templates kept in the user cache (keyed by name and source), so a
    command does not compile its template on every run; none if it can't be made."""
    folder = cache_folder() / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(str(folder))


class Renderer:
    """Renders templates for one vault."""

    def __init__(self, vault_root: Path | None, filters: Mapping[str, Callable[..., Any]] = {}):
        folders = [vault_root / VAULT_TEMPLATES] if vault_root else []
        self.env = SandboxedEnvironment(
            loader=_FolderLoader([*folders, shipped_folder()]),
            bytecode_cache=_bytecode_cache(),
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True,
            autoescape=False,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.filters.update(filters)

    def render(self, name: str, context: Mapping[str, Any]) -> str:
        _check_plain(context, "context")
        try:
            return self.env.get_template(name).render(dict(context))
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateProblem(
                f"template error: {exc.message}", path=exc.filename or name, line=exc.lineno
            ) from None
        except jinja2.TemplateNotFound:
            raise TemplateProblem(f"no template named '{name}'") from None
        except jinja2.TemplateError as exc:
            path, line = _template_frame(name)
            raise TemplateProblem(f"template error: {exc}", path=path, line=line) from None


def _template_frame(name: str) -> tuple[str, int | None]:
    """The template file and line of the exception being handled (jinja puts them
    in the traceback)."""
    tb = sys.exc_info()[2]
    found: tuple[str, int | None] = (name, None)
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith((".j2", ".md")):
            found = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return found


def _check_plain(value: Any, where: str) -> None:
    """Only plain data may reach a template (no objects with methods)."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return
    if isinstance(value, Mapping):
        for key, item in value.items():
            _check_plain(item, f"{where}.{key}")
        return
    if isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            _check_plain(item, f"{where}[{index}]")
        return
    raise TypeError(f"template context holds a {type(value).__name__} at {where}")
