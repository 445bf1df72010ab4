"""Rendering notes from Jinja templates, safely.

Templates come from the vault's ``.journal/templates/`` first, then the ones
shipped in the package.  They run in jinja2's sandbox with StrictUndefined;
the context must be plain data; the loader refuses symlinks and any name that
would leave the template folders.  Any error names the template file and line,
and so do generated-section markers the rendered text gets wrong.  What a template
makes is held to :data:`MAX_NOTE` characters, what its blocks build up before using
it too (see :class:`_BoundedCode`).
"""

from __future__ import annotations

import functools
import importlib
import re
import sys
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping
from pathlib import Path, PurePosixPath
from typing import Any, cast

import jinja2
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame, optimizeconst
from jinja2.filters import FILTERS as JINJA_FILTERS
from jinja2.lexer import Lexer
from jinja2.optimizer import Optimizer
from jinja2.sandbox import SandboxedEnvironment

from journal.adapters.cachedir import cache_subfolder
from journal.core.codec import SCALAR_TYPES, is_sequence
from journal.core.errors import JournalError
from journal.core.formatting import (
    amount,
    number,
    plural,
    stray_marks_dropped,
    table_pipes_only,
)
from journal.core.generated import SectionError, check_markers, section
from journal.core.links import composed
from journal.core.regex import lazy

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
            inside = [p for p in (*reversed(path.parents), path) if folder in (p, *p.parents)]
            linked = next((p for p in inside if p.is_symlink()), None)  # the outermost
            if linked is not None:
                raise TemplateProblem(
                    "templates may not be symlinks"
                    if linked == path
                    else "template folders may not be symlinks (make it a folder of its own)",
                    path=self.shown(str(linked)),
                )
            try:
                data = path.read_bytes()
                mtime = path.stat().st_mtime
            except OSError as exc:
                raise TemplateProblem(
                    f"can't read template: {exc.strerror}", path=self.shown(str(path))
                ) from None
            try:  # a BOM (Windows Notepad's) would be text of the note
                source = data.decode("utf-8").removeprefix("\ufeff")
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
_TOO_LONG = f"template error: a note of over {MAX_NOTE:,} characters"
#: The names of the compiled templates kept in the cache: those compiled otherwise (by a
#: code generator without :class:`_BoundedCode`'s buffers, named ``__jinja2_*``; before
#: :class:`_LineLexer`, ``bounded-*``; before ``~`` wrote numbers as :func:`_text` and
#: spaces between tags were left out, ``lines-*``, and with one of the two, ``text-*`` or
#: ``tags-*``; before spaces after them were, ``spaced-*``) are not read.
_CACHED = "bare-%s.cache"
#: The error of a method written as a value (``month.items``: a mapping's own).
_METHOD = (
    "template error: a method, not a value: call it (`text.upper()`), or read the "
    'key of that name with brackets (`month["items"]`, not `month.items`)'
)
#: The methods of a mapping (``month.items``), which an attribute names before a key.
_DICT_METHODS = frozenset(name for name in dir(dict) if not name.startswith("_"))
#: The spaces that end a line, and its line break.
_SPACES_TO_LINE_END = lazy(r"[ \t]*\n")
#: A :class:`SectionError` of a section the rendered text names twice.
_TWICE = lazy(r"section '(.+)' appears twice")


def _text(value: Any) -> str:
    """``value`` as text, a number as the tool writes it (``0.3``, never ``1e-05``)."""
    return number(value) if type(value) is float else str(value)


class _Method:
    """A mapping's method read as a value (``month.items``): called, it is the method
    (``month.items()``, unwrapped by :meth:`_Sandbox.call`); used in any other way (as a
    test, a loop, a filter's value, text), it is an error telling to read the key."""

    __slots__ = ("_method",)

    def __init__(self, method: Callable[..., Any]) -> None:
        self._method = method

    def _fail(self, *args: Any, **kwargs: Any) -> Any:
        raise TemplateProblem(_METHOD)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # (a protocol's lookup, as jinja2's Undefined has it)
            raise AttributeError(name)
        self._fail()

    __bool__ = __iter__ = __len__ = __str__ = __repr__ = __contains__ = __getitem__ = _fail
    __eq__ = __ne__ = __lt__ = __le__ = __gt__ = __ge__ = __hash__ = _fail
    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = __truediv__ = _fail
    __rtruediv__ = __floordiv__ = __rfloordiv__ = __mod__ = __rmod__ = __pow__ = _fail
    __rpow__ = __pos__ = __neg__ = __int__ = __float__ = _fail


def _usable(value: Any) -> None:
    """The error of ``value`` if it is none to use: an undefined name's (``'nope' is
    undefined``) or a method's (:class:`_Method`)."""
    if isinstance(value, jinja2.StrictUndefined):
        value._fail_with_undefined_error()
    if isinstance(value, _Method):
        value._fail()


class _Folder(Optimizer):
    """jinja2's optimizer, which computes the value of constant expressions when a
    template is compiled, but for ``~``: its value is made by :func:`_text` too."""

    def visit_Concat(self, node: nodes.Concat, *args: Any, **kwargs: Any) -> nodes.Node:
        node.nodes = [self.visit(item, *args, **kwargs) for item in node.nodes]
        if all(isinstance(item, nodes.Const) for item in node.nodes):
            text = "".join(_text(cast(nodes.Const, item).value) for item in node.nodes)
            return nodes.Const(text, lineno=node.lineno, environment=self.environment)
        return node


class _BoundedCode(CodeGenerator):
    """jinja2's code generator, but for the buffers it makes: the output of a filter,
    macro, call or set block (a section's, say) is built up in a list before it is used,
    where the note's text does not see it; here a :class:`_Buffer`, which counts it.
    ``~`` writes a number as :func:`_text` does, when compiled (:class:`_Folder`) and
    when run (:meth:`_Sandbox.text_join`)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.optimizer is not None:
            self.optimizer = _Folder(self.environment)

    def buffer(self, frame: Frame) -> None:
        frame.buffer = self.temporary_identifier()
        self.writeline(f"{frame.buffer} = environment.new_buffer()")

    def _output_child_to_const(self, node: nodes.Expr, frame: Frame, finalize: Any) -> str:
        if self.optimizer is not None:  # a ``~`` in it folded by _Folder first
            node = cast(nodes.Expr, self.optimizer.visit(node, frame.eval_ctx))
        return super()._output_child_to_const(node, frame, finalize)

    @optimizeconst
    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        """jinja2's, with :meth:`_Sandbox.text_join` for its ``str_join``."""
        if frame.eval_ctx.volatile:
            self.write("(markup_join if context.eval_ctx.volatile else environment.text_join)((")
        else:
            self.write("markup_join((" if frame.eval_ctx.autoescape else "environment.text_join((")
        for item in node.nodes:
            self.visit(item, frame)
            self.write(", ")
        self.write("))")


class _Buffer(list[str]):
    """A block's output, counted into :attr:`_Sandbox.held` as it grows, until it is
    joined (:meth:`_Sandbox.concat`): from then on the text counts where it is put."""

    __slots__ = ("environment", "size")

    def __init__(self, environment: _Sandbox) -> None:
        super().__init__()
        self.environment = environment
        self.size = 0

    def append(self, chunk: str) -> None:  # _Sandbox.hold inline (a call per chunk cost 1%)
        size = len(chunk)
        environment = self.environment
        environment.held += size
        if environment.held > MAX_NOTE:
            raise TemplateProblem(_TOO_LONG)
        self.size += size
        list.append(self, chunk)

    def extend(self, chunks: Iterable[str]) -> None:  # a few parts at a time: made already
        parts = list(chunks)
        size = sum(map(len, parts))
        self.environment.hold(size)
        self.size += size
        list.extend(self, parts)

    def release(self) -> None:
        self.environment.held -= self.size
        self.size = 0


class _LineLexer(Lexer):
    """jinja2's lexer, but ``trim_blocks`` takes the line break after a tag (a block's
    or a comment's) only when the tag stands alone on its line, with no text (nor
    ``{{ ... }}``) before it there: ``- {{ r.goal }}{% if r.due %} ...{% endif %}``
    keeps its line break, as the line it ends is text.  Spaces between and after tags
    on a line of tags alone (``{% set a = 1 %}  {% set b = 2 %} ``) are left out with
    the line, which ``lstrip_blocks`` and ``trim_blocks`` do not do."""

    def tokeniter(self, *args: Any, **kwargs: Any) -> Iterator[tuple[int, str, str]]:
        text_line = tag_line = 0  # the line of the last text; where the last tag began
        held: list[tuple[int, str, str]] = []  # from spaces after a tag on a line of tags
        last = last_value = ""
        for lineno, token, value in super().tokeniter(*args, **kwargs):
            if token in ("block_begin", "comment_begin", "raw_end"):
                tag_line = lineno
            if token in ("block_end", "comment_end", "raw_end") and value.endswith("\n"):
                if tag_line == text_line and not value.startswith("-"):  # trim_blocks' \n
                    yield from held
                    held = []
                    yield lineno, token, value[:-1]
                    yield lineno, "data", "\n"
                    continue
                yield from (t for t in held if t[1] != "data")  # a line of tags: left out
                held = []
            elif token == "data" and not value.strip(" \t"):
                if last in ("block_end", "comment_end") and text_line != lineno:
                    held.append((lineno, token, value))  # spaces between tags, or text?
                    continue
            elif token == "data":
                end = _SPACES_TO_LINE_END.match(value)
                if (
                    end
                    and last in ("block_end", "comment_end")
                    and text_line != lineno
                    and not last_value.startswith("+")  # (``+%}`` keeps the line break)
                    and not last_value.endswith("\n")  # (taken: the data is the next line)
                ):  # the line of tags ends: its spaces and line break are left out
                    yield from (t for t in held if t[1] != "data")
                    held = []
                    lineno, value = lineno + 1, value[end.end() :]
                    if not value:
                        continue
                text_line = lineno + value.rstrip().count("\n")
            elif token == "variable_end":
                text_line = lineno
            last, last_value = token, value
            if held and token in ("data", "variable_begin"):  # text follows: spaces are text
                yield from held
                held = []
            if held:
                held.append((lineno, token, value))
            else:
                yield lineno, token, value
        yield from (t for t in held if t[1] != "data")  # spaces ending the last line of tags


class _Template(jinja2.Template):
    """jinja2's template, but an imported one's text (its module's, built up whole) is
    counted as a block's is."""

    def make_module(
        self,
        vars: dict[str, Any] | None = None,
        shared: bool = False,
        locals: Mapping[str, Any] | None = None,
    ) -> jinja2.environment.TemplateModule:
        context = self.new_context(vars, shared, locals)
        body = cast(_Sandbox, self.environment).collect(self.root_render_func(context))
        body.release()
        return jinja2.environment.TemplateModule(self, context, body)


class _Sandbox(SandboxedEnvironment):
    """jinja2's sandbox, which bounds ``range`` but not ``*`` and ``**``: bounded here.
    What a note is made of is bounded too (:class:`_BoundedCode`)."""

    intercepted_binops = frozenset({"*", "**"})
    code_generator_class = _BoundedCode
    template_class = _Template
    #: characters of the note being rendered: written, and held in blocks' buffers
    held = 0

    @functools.cached_property
    def lexer(self) -> Lexer:
        return _LineLexer(self)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        made = _made_size(operator, left, right)
        if made > MAX_VALUE:
            raise TemplateProblem(_TOO_BIG)
        return super().call_binop(context, operator, left, right)

    def getattr(self, obj: Any, attribute: str) -> Any:
        """jinja2's, but a mapping's method (``month.items``) is a :class:`_Method`; a
        mapping's key is read first (plain data: the context's)."""
        if type(obj) is dict:
            if attribute not in _DICT_METHODS:
                try:  # (one lookup: a template reads keys that are there)
                    return obj[attribute]
                except KeyError:
                    return self.undefined(obj=obj, name=attribute)
            return _Method(super().getattr(obj, attribute))
        return super().getattr(obj, attribute)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        """jinja2's, calling a :class:`_Method`'s method (``month.items()``)."""
        if type(__obj) is _Method:
            __obj = __obj._method
        return super().call(__context, __obj, *args, **kwargs)

    @staticmethod
    def text_join(parts: Iterable[Any]) -> str:
        """``a ~ b``: a number in it as :func:`_text` writes it."""
        return "".join(map(_text, parts))

    def hold(self, size: int) -> None:
        """Count ``size`` more characters of the note; an error past :data:`MAX_NOTE`."""
        self.held += size
        if self.held > MAX_NOTE:
            raise TemplateProblem(_TOO_LONG)

    def new_buffer(self) -> _Buffer:
        return _Buffer(self)

    def collect(self, chunks: Iterable[str]) -> _Buffer:
        """``chunks`` counted as they come (a template's or a block's output); past
        :data:`MAX_NOTE`, the error is raised in the template that makes them, whose
        traceback then gives the line."""
        buffer = self.new_buffer()
        for chunk in chunks:
            try:
                buffer.append(chunk)
            except TemplateProblem as exc:
                if isinstance(chunks, Generator):
                    chunks.throw(exc)
                raise
        return buffer

    def concat(self, parts: Iterable[str]) -> str:
        """A buffer's text (or a block's, rendered for ``self.name()`` or ``super()``),
        no longer counted there: it counts where it is put next."""
        buffer = parts if isinstance(parts, _Buffer) else self.collect(parts)
        text = "".join(buffer)
        buffer.release()
        return text


def _center(value: Any, width: int = 80) -> str:
    """jinja2's ``center``, to a width of at most :data:`MAX_VALUE`."""
    if width > MAX_VALUE:
        raise TemplateProblem(_TOO_BIG)
    return str(value).center(width)


def _finalize(value: Any) -> Any:
    """A ``{{ ... }}``'s value as written: a number as the tool writes it (``0.3``, never
    ``1e-05``); a method (``month.items``: the mapping's own) is an error, not the
    text of a Python object, which differs on every run; a text without the pipes' marks
    it cut off (:func:`stray_marks_dropped`), composed (:func:`composed`: a name copied
    from a file a Mac named decomposed, NFD, is written as it will be once renamed, and
    a section's hash is of the text written)."""
    kind = type(value)
    if kind is str:  # most values (a review's 4,800): a text, the same ones again and again
        return _written(value)
    if kind is float:
        return number(value)
    if callable(value) and not isinstance(value, jinja2.Undefined):  # (those can be called)
        raise TemplateProblem(_METHOD)
    return value


@functools.lru_cache(maxsize=4096)
def _written(text: str) -> str:
    """A text as :func:`_finalize` writes it."""
    return composed(stray_marks_dropped(text))


def _section(text: str, name: str | None = None) -> str:
    """:func:`section` of the text as it is written (:func:`table_pipes_only`), whose end
    marker ends its line: it takes the place of the line of ``{% endfilter %}``, which
    ``trim_blocks`` takes away with its line break."""
    if name is None:
        example = '{% filter section("scoreboard") %}...{% endfilter %}'
        raise TemplateProblem(f"template error: a section needs a name: {example}")
    return section(table_pipes_only(text), name) + "\n"


def _plural(count: Any, noun: str, nouns: str | None = None) -> str:
    """:func:`plural`, for a number only (``{{ 3 | plural("day") }}``)."""
    if isinstance(count, bool) or not isinstance(count, (int, float)):
        raise TemplateProblem(_needs("plural", "a number", count, '{{ 3 | plural("day") }}'))
    return plural(count, noun, nouns)


def _amount(value: Any, unit: str | None) -> str:
    """:func:`amount`, for a number or a text only (``{{ g.target | amount(g.unit) }}``)."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str, type(None))):
        example = "{{ g.target | amount(g.unit) }}"
        raise TemplateProblem(_needs("amount", "a number or a text", value, example))
    return amount(value, unit)


def _string(value: Any) -> str:
    """jinja2's ``string``, a number as :func:`_text` writes it."""
    if type(value) is float:
        return number(value)
    return value if isinstance(value, str) else str(value)  # (markupsafe's soft_str)


def _json_default(value: Any) -> Any:
    """What ``tojson`` makes of a value JSON has none for: an undefined name's or a
    method's error (:func:`_usable`), else jinja2's."""
    _usable(value)
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _needs(name: str, what: str, value: Any, example: str) -> str:
    """The error of filter ``name`` given ``value``, which is not ``what`` it needs (an
    undefined name or a method never gets this far: :func:`_checked`)."""
    if isinstance(value, str):
        given = f"the text '{value}'"
    elif isinstance(value, bool):
        given = str(value).lower()
    else:
        given = "none" if value is None else f"a {type(value).__name__}"
    return f"template error: {name} needs {what} before it ({example}), not {given}"


#: The filters every template gets (docs/templates.md), beside jinja2's.
FILTERS: dict[str, Callable[..., Any]] = {
    "section": _section,
    "plural": _plural,
    "amount": _amount,
    "center": _center,
    "string": _string,
}


def _checked(function: Callable[..., Any]) -> Callable[..., Any]:
    """Filter ``function``, but an undefined name or a method as its value is that one's
    own error (:func:`_usable`), not Python's (``type StrictUndefined doesn't define
    __round__ method``).  The value comes after the context or environment a filter
    asks for (``jinja_pass_arg``, which the wrapper keeps)."""
    at = 1 if hasattr(function, "jinja_pass_arg") else 0

    @functools.wraps(function)
    def checked(*args: Any, **kwargs: Any) -> Any:
        _usable(args[at])
        return function(*args, **kwargs)

    return checked


@functools.cache
def _checked_filters() -> dict[str, Callable[..., Any]]:
    """jinja2's filters and :data:`FILTERS`, :func:`_checked`, but ``default`` (``d``),
    whose value may be undefined."""
    filters = {**JINJA_FILTERS, **FILTERS}
    return {
        name: function if name in ("default", "d") else _checked(function)
        for name, function in filters.items()
    }


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
    try:
        folder = cache_subfolder("templates")
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(str(folder), _CACHED)


class Renderer:
    """Renders templates for one vault."""

    def __init__(self, vault_root: Path | None):
        self.root = vault_root
        folders = [vault_root / VAULT_TEMPLATES] if vault_root else []
        self.loader = _FolderLoader([*folders, shipped_folder()], self.shown)
        self.env = _Sandbox(
            loader=self.loader,
            bytecode_cache=_bytecode_cache(),
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True,
            autoescape=False,
            finalize=_finalize,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.filters.update(_checked_filters())
        self.env.policies["json.dumps_kwargs"] = {"sort_keys": True, "default": _json_default}
        del self.env.globals["lipsum"]  # lorem ipsum, as long as asked: no note needs it

    def shown(self, filename: str) -> str:
        """A template file as errors show it: vault-relative for a vault override."""
        path = Path(filename)
        if self.root is not None and path.is_relative_to(self.root):
            return path.relative_to(self.root).as_posix()
        return filename

    def render(self, name: str, context: Mapping[str, Any]) -> str:
        """The text of template ``name``, the ``|`` of texts from :func:`one_line`
        escaped in table rows only (:func:`table_pipes_only`); any error (and
        generated-section markers the text gets wrong) is a :class:`TemplateProblem`
        with the file and line."""
        _check_plain(context, "context")
        self.env.held = 0
        try:
            template = self.env.get_template(name)
            text = "".join(self.env.collect(template.generate(dict(context))))
        except TemplateProblem as exc:
            if exc.line is not None:
                raise
            raise self._runtime_problem(name, exc) from None
        except jinja2.TemplateSyntaxError as exc:
            path = self.shown(exc.filename) if exc.filename else name
            raise TemplateProblem(
                f"template error: {exc.message}", path=path, line=exc.lineno
            ) from None
        except Exception as exc:
            raise self._runtime_problem(name, exc) from None
        if text.partition("\n")[0].rstrip(" \t") == "---":  # under the note's own block
            raise TemplateProblem(
                "template error: starts with a '---' line, as properties do, but templates "
                "can't set properties: journal writes them (from the command's options, a "
                "review's and a plan's from your notes); remove the block",
                path=self.shown(template.filename or name),
                line=self._dashes_line(name),
            )
        try:
            check_markers(text)
        except SectionError as exc:
            twice = _TWICE.fullmatch(exc.message)
            raise TemplateProblem(
                f"renders broken section markers (line {exc.line} of the text it renders, "
                f"under the note's properties): {exc.message}",
                path=self.shown(template.filename or name),
                line=self._second_section_line(name, twice.group(1)) if twice else None,
            ) from None
        return table_pipes_only(text)

    def _dashes_line(self, name: str) -> int | None:
        """The line of template ``name`` that is a ``---`` line (the first), which
        starts the rendered text; None if none is (a ``{{ ... }}`` made it)."""
        source = self.loader.get_source(self.env, name)[0]
        lines = enumerate(source.split("\n"), 1)
        return next((n for n, text in lines if text.rstrip() == "---"), None)

    def _second_section_line(self, name: str, section: str) -> int | None:
        """The line of template ``name`` that names ``section`` a second time
        (``section("scoreboard")``); None when it names it once or not at all (an
        included template or a value made the section)."""
        source = self.loader.get_source(self.env, name)[0]
        found = list(re.finditer(rf"section\(\s*([\"']){re.escape(section)}\1", source))
        return source.count("\n", 0, found[1].start()) + 1 if len(found) > 1 else None

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
            if exc.path is not None and line is None:  # the template itself can't be loaded
                return exc
            message = exc.message if exc.path is None else f"{exc.path}: {exc.message}"
        elif isinstance(exc, RecursionError) and not self._loads_itself():  # (a tryout: it
            message = (  # was told as a template that includes itself)
                "template error: a macro that calls itself without end (or nesting too deep "
                "to render): give its calling of itself a condition that ends it"
            )
        elif isinstance(exc, RecursionError):  # an override that extends or includes its name
            message = (
                "template error: a template that extends, includes or imports itself: in "
                f"{VAULT_TEMPLATES}/ a name reads this override again, which shadows the "
                "shipped template of that name (copy the shipped one's text instead)"
            )
        elif isinstance(exc, (JournalError, jinja2.TemplateError)):
            message = f"template error: {exc.message if isinstance(exc, JournalError) else exc}"
        else:
            detail = f": {exc}" if str(exc) else ""  # a MemoryError says nothing more
            message = f"template error: {type(exc).__name__}{detail}"
        return TemplateProblem(message, path=path, line=line)

    def _loads_itself(self) -> bool:
        """Whether a template file read loads itself (``include``, ``extends``,
        ``import`` of its own name), directly or through others read."""
        named = {Path(file).name: file for file in self.loader.files}
        kinds = (nodes.Include, nodes.Extends, nodes.Import, nodes.FromImport)
        loads: dict[str, set[str]] = {}
        for name, file in named.items():
            try:
                tree = self.env.parse(Path(file).read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, jinja2.TemplateError):
                continue
            loaded = [getattr(node, "template", None) for node in tree.find_all(kinds)]
            if any(not isinstance(held, nodes.Const) for held in loaded):
                return True  # a name computed (`{% include name %}`): may be its own
            loads[name] = {
                Path(held.value).name
                for held in loaded
                if isinstance(held, nodes.Const) and isinstance(held.value, str)
            } & named.keys()
        for start, first in loads.items():
            seen, todo = set(), list(first)
            while todo:
                name = todo.pop()
                if name == start:
                    return True
                if name not in seen:
                    seen.add(name)
                    todo.extend(loads.get(name, ()))
        return False


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
    if kind is dict or (kind is not list and isinstance(value, Mapping)):
        items: Iterable[tuple[Any, Any]] = value.items()
        spelled = ".{}"
    elif kind is list or is_sequence(value):
        items = enumerate(value)
        spelled = "[{}]"
    else:
        return "", value
    for key, item in items:
        kind = type(item)
        if kind in SCALAR_TYPES:  # most are: no call for them (a review's 8,000)
            continue
        if (kind is dict and SCALAR_TYPES.issuperset(map(type, item.values()))) or (
            kind is list and SCALAR_TYPES.issuperset(map(type, item))
        ):  # a row of scalars, most containers (a review's 1,000): no call either
            continue
        found = _not_plain(item)
        if found is not None:
            return spelled.format(key) + found[0], found[1]
    return None
