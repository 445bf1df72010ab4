"""Rendering notes from Jinja templates, safely.

Templates come from the vault's ``.journal/templates/`` first, then the ones
shipped in the package.  They run in jinja2's sandbox with StrictUndefined;
the context must be plain data; the loader refuses symlinks and any name that
would leave the template folders.  Any error names the template file and line,
and so do generated-section markers the rendered text gets wrong.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path, PurePosixPath
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from journal.adapters.cachedir import cache_folder
from journal.core.codec import SCALAR_TYPES, is_sequence
from journal.core.errors import JournalError
from journal.core.generated import SectionError, check_markers

VAULT_TEMPLATES = ".journal/templates"


class TemplateProblem(JournalError):
    """A template that can't be found, read, parsed or rendered."""


def shipped_folder() -> Path:
    """The folder of the templates installed with the package (a regular package, on
    disk: found without ``importlib.resources``, which takes a while to import)."""
    module = importlib.import_module("journal.templates")
    return Path(module.__file__ or "").parent


class _FolderLoader(jinja2.BaseLoader):
    """Loads ``name`` from the first folder that has it; never follows symlinks.

    ``shown`` turns a template's file name into the path an error shows."""

    def __init__(self, folders: list[Path], shown: Callable[[str], str]) -> None:
        self.folders = folders
        self.shown = shown
        self.files: set[str] = set()  # every template file served (traceback frames)

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
                raise TemplateProblem("templates may not be symlinks", path=self.shown(str(path)))
            try:
                data = path.read_bytes()
                mtime = path.stat().st_mtime
            except OSError as exc:
                raise TemplateProblem(
                    f"can't read template: {exc.strerror}", path=self.shown(str(path))
                ) from None
            try:
                source = data.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise TemplateProblem(
                    "template is not UTF-8 text",
                    path=self.shown(str(path)),
                    line=data.count(b"\n", 0, exc.start) + 1,
                ) from None
            self.files.add(str(path))
            return source, str(path), lambda p=path, m=mtime: p.stat().st_mtime == m
        raise jinja2.TemplateNotFound(template)


#: The most a template may make: characters of its note, and items (or characters) of a
#: value it multiplies or raises to a power.  A review is some 10,000 characters; a
#: template in a shared vault must not fill the memory (``{{ 'a' * 10**10 }}``).
MAX_NOTE = 5_000_000
MAX_VALUE = 1_000_000
_TOO_BIG = f"template error: a value of over {MAX_VALUE:,} items or digits"


class _Sandbox(SandboxedEnvironment):
    """jinja2's sandbox, which bounds ``range`` but not ``*`` and ``**``: bounded here."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        made = _made_size(operator, left, right)
        if made > MAX_VALUE:
            raise TemplateProblem(_TOO_BIG)
        return super().call_binop(context, operator, left, right)


def _center(value: Any, width: int = 80) -> str:
    """jinja2's ``center``, to a width of at most :data:`MAX_VALUE`."""
    if width > MAX_VALUE:
        raise TemplateProblem(_TOO_BIG)
    return str(value).center(width)


def _made_size(operator: str, left: Any, right: Any) -> int:
    """About how many items (text, list) or decimal digits ``left operator right`` makes."""
    if isinstance(left, int) and isinstance(right, int):  # a bit is about 0.3 digits
        if operator == "*":
            return (left.bit_length() + right.bit_length()) // 3
        return max(left.bit_length(), 1) * max(right, 0) // 3
    if operator == "*":
        for items, times in ((left, right), (right, left)):
            if isinstance(items, (str, list, tuple)) and isinstance(times, int):
                return len(items) * times
    return 0


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
        self.root = vault_root
        folders = [vault_root / VAULT_TEMPLATES] if vault_root else []
        self.loader = _FolderLoader([*folders, shipped_folder()], self.shown)
        self.env = _Sandbox(
            loader=self.loader,
            bytecode_cache=_bytecode_cache(),
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True,
            autoescape=False,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.filters.update(filters)
        self.env.filters["center"] = _center
        del self.env.globals["lipsum"]  # lorem ipsum, as long as asked: no note needs it

    def shown(self, filename: str) -> str:
        """A template file as errors show it: vault-relative for a vault override."""
        path = Path(filename)
        if self.root is not None and path.is_relative_to(self.root):
            return path.relative_to(self.root).as_posix()
        return filename

    def render(self, name: str, context: Mapping[str, Any]) -> str:
        """The text of template ``name``; any error (and generated-section markers
        the text gets wrong) is a :class:`TemplateProblem` with the file and line."""
        _check_plain(context, "context")
        try:
            template = self.env.get_template(name)
            text = _bounded(template.generate(dict(context)))
        except TemplateProblem as exc:
            if exc.path is not None:
                raise
            raise self._runtime_problem(name, exc) from None
        except jinja2.TemplateSyntaxError as exc:
            path = self.shown(exc.filename) if exc.filename else name
            raise TemplateProblem(
                f"template error: {exc.message}", path=path, line=exc.lineno
            ) from None
        except Exception as exc:
            raise self._runtime_problem(name, exc) from None
        try:
            check_markers(text)
        except SectionError as exc:
            raise TemplateProblem(
                f"renders broken section markers (line {exc.line} of the note): {exc.message}",
                path=self.shown(template.filename or name),
            ) from None
        return text

    def _runtime_problem(self, name: str, exc: Exception) -> TemplateProblem:
        """``exc``, raised while loading or rendering, at the innermost template line
        of the traceback (jinja rewrites frames to carry the template's file and line)."""
        path: str | None = None
        if not isinstance(exc, jinja2.TemplateNotFound):  # the file it came from, if read
            served = [f for f in self.loader.files if Path(f).name == Path(name).name]
            path = self.shown(served[0]) if len(served) == 1 else name
        line = None
        tb = sys.exc_info()[2]
        while tb is not None:
            filename = tb.tb_frame.f_code.co_filename
            if filename in self.loader.files:
                path, line = self.shown(filename), tb.tb_lineno
            tb = tb.tb_next
        if isinstance(exc, jinja2.TemplateNotFound):
            message = f"no template named '{exc.name}'"
        elif isinstance(exc, TemplateProblem):
            message = exc.message
        elif isinstance(exc, (JournalError, jinja2.TemplateError)):
            message = f"template error: {exc.message if isinstance(exc, JournalError) else exc}"
        else:
            detail = f": {exc}" if str(exc) else ""  # a MemoryError says nothing more
            message = f"template error: {type(exc).__name__}{detail}"
        return TemplateProblem(message, path=path, line=line)


def _bounded(chunks: Iterable[str]) -> str:
    """The rendered text, stopped once it is over :data:`MAX_NOTE` characters."""
    parts = []
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > MAX_NOTE:
            raise TemplateProblem(f"template error: a note of over {MAX_NOTE:,} characters")
        parts.append(chunk)
    return "".join(parts)


def _check_plain(value: Any, where: str) -> None:
    """Only plain data may reach a template (no objects with methods)."""
    found = _not_plain(value)
    if found is not None:
        path, item = found
        raise TypeError(f"template context holds a {type(item).__name__} at {where}{path}")


def _not_plain(value: Any) -> tuple[str, Any] | None:
    """Where under ``value`` (``.key[0]``...) the first value that is not plain data is,
    and that value; None when all is plain.  The place is spelled only once found."""
    kind = type(value)  # the common types first, without the ABCs' checks
    if kind in SCALAR_TYPES or isinstance(value, (str, int, float)):  # bool is an int
        return None
    if kind is dict or isinstance(value, Mapping):
        items: Iterable[tuple[Any, Any]] = value.items()
        spelled = ".{}"
    elif kind is list or is_sequence(value):
        items = enumerate(value)
        spelled = "[{}]"
    else:
        return "", value
    for key, item in items:
        found = _not_plain(item)
        if found is not None:
            return spelled.format(key) + found[0], found[1]
    return None
