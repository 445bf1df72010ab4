"""YAML 1.2 loading on PyYAML's (C) parser: the one module that imports ``yaml``.

PyYAML resolves plain scalars by YAML 1.1 rules (``NO`` -> False, ``10:00`` ->
600, ``0012`` -> 10).  Obsidian (js-yaml) and users read them as YAML 1.2
core does, so this loader resolves the 1.2 core schema only: ``true``/``false``,
``null``/``~``, decimal/``0o``/``0x`` integers and floats.  Dates stay text;
keys stay the text the user typed.  Mappings remember the line of each key,
duplicate keys are errors, and alias expansion is bounded.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterator
from typing import Any, ClassVar

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from journal.core.plain_scalars import YAML12, yaml_int
from journal.core.plain_yaml import NAN, LineList, LineMap, Sources, Span

MAX_EXPANDED_NODES = 20_000
_STR = "tag:yaml.org,2002:str"

try:
    _Base: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Base = yaml.SafeLoader

YAMLError = yaml.YAMLError
MarkedYAMLError = yaml.MarkedYAMLError
ReaderError = yaml.reader.ReaderError  # a character YAML reads no text with
ConstructorError = yaml.constructor.ConstructorError  # building, not reading, failed


#: What YAML 1.1 (PyYAML's reader, libyaml) takes for line breaks besides CR and LF, and
#: YAML 1.2 and Obsidian's js-yaml for text: NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR.
#: Read as breaks, one in a plain value made the note unreadable and moved every line
#: number after it (found in a tryout: pasted text holds U+2028).
ONLY_11_BREAKS = "\x85\u2028\u2029"


def as_12(text: str) -> tuple[str, dict[int, str] | None]:
    """``text`` with each of :data:`ONLY_11_BREAKS` in it replaced by a private-use
    character it does not hold (one character for one: every offset and line stays),
    and the table that puts them back (None: ``text`` holds none)."""
    if not any(char in text for char in ONLY_11_BREAKS):
        return text, None
    free = (chr(code) for code in range(0xF8F0, 0xF900) if chr(code) not in text)
    stand_ins = {char: next(free) for char in ONLY_11_BREAKS}
    back = {ord(stand_in): char for char, stand_in in stand_ins.items()}
    return text.translate({ord(char): s for char, s in stand_ins.items()}), back


def restored(text: str, back: dict[int, str] | None) -> str:
    """``text`` read from one :func:`as_12` made, with its stand-ins put back."""
    return text if back is None else text.translate(back)


class Yaml12Loader(_Base):  # type: ignore[valid-type,misc]
    """A safe loader with YAML 1.2 core-schema resolution and line tracking."""

    yaml_implicit_resolvers: ClassVar[dict[str, list[tuple[str, re.Pattern[str]]]]] = {}
    nan_value = NAN  # the plain reader's: one NaN, equal to itself wherever it was read
    back: dict[int, str] | None = None  # see as_12: what the text's stand-ins were

    def __init__(self, stream: Any) -> None:
        if isinstance(stream, str):
            stream, self.back = as_12(stream)
        super().__init__(stream)
        # Only a text holding '*' can hold an alias; the expansion check costs a walk.
        self._may_alias = not isinstance(stream, str) or "*" in stream

    def construct_document(self, node: Node) -> Any:
        if self._may_alias:
            _check_expansion(node)
        return super().construct_document(node)

    # The composer calls these two around every node, for path resolvers, which this
    # loader has none of: C functions that do nothing, called faster than a method.
    descend_resolver = staticmethod(operator.is_)  # (parent, index)
    ascend_resolver = staticmethod(tuple)  # ()

    def resolve(self, kind: type[Node], value: Any, implicit: tuple[bool, bool]) -> str:
        """A node's tag, as :meth:`yaml.resolver.BaseResolver.resolve` finds it (this
        loader has no path resolvers, and each of its implicit resolvers names the first
        characters it matches), a scalar's in one look-up of its first character."""
        if kind is not ScalarNode:
            tag: str = super().resolve(kind, value, implicit)
            return tag
        if implicit[0]:
            for tag, pattern in self.yaml_implicit_resolvers.get(value[:1], ()):
                if pattern.match(value):
                    return tag
        return _STR

    def _value(self, node: Node) -> Any:
        """``construct_object(node, deep=True)``; in a text without aliases, where no
        node is shared, without the bookkeeping of nodes built (text straight away)."""
        if self._may_alias:
            return self.construct_object(node, deep=True)
        if node.tag == _STR and node.__class__ is ScalarNode:
            return restored(node.value, self.back)
        construct = self.yaml_constructors.get(node.tag)
        if construct is None:  # an unknown tag: construct_object says so
            return self.construct_object(node, deep=True)
        return construct(self, node)

    def construct_mapping(self, node: Node, deep: bool = False) -> LineMap:
        if not isinstance(node, MappingNode):
            raise yaml.constructor.ConstructorError(
                None, None, "expected a mapping", node.start_mark
            )
        mapping = LineMap()
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                placeholder = node.flow_style and isinstance(key_node, MappingNode)
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    "'{{...}}' (a template's placeholder?) reads as a mapping in YAML: quote "
                    'it, as in "{{date}}"'
                    if placeholder
                    else "a property name must be text, not a list or mapping",
                    key_node.start_mark,
                )
            key = restored(key_node.value, self.back)
            if key in mapping:
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    f"duplicate key '{key}' (first on line {mapping.key_lines[key]})",
                    key_node.start_mark,
                )
            value = self._value(value_node)
            mapping[key] = value
            mapping.key_lines[key] = key_node.start_mark.line + 1
            source = _source(value, value_node)
            if source:
                mapping.sources[key] = source
        return mapping


def _source(value: Any, node: Node) -> str | Sources | None:
    """What :data:`Sources` holds for ``value`` read from ``node``: a plain number's
    text, a list's or mapping's sources (empty: none), or None."""
    if isinstance(value, (LineMap, LineList)):
        return value.sources
    if isinstance(value, (int, float)) and isinstance(node, ScalarNode) and not node.style:
        return str(node.value)
    return None


def _construct_map(loader: Yaml12Loader, node: MappingNode) -> LineMap:
    return loader.construct_mapping(node)


def _construct_seq(loader: Yaml12Loader, node: SequenceNode) -> LineList:
    items = LineList()
    if not isinstance(node, SequenceNode):  # `!!seq x`; `a: !!seq` alone is an empty list
        if node.value == "":
            return items
        raise yaml.constructor.ConstructorError(None, None, "expected a list", node.start_mark)
    for child in node.value:
        value = loader._value(child)
        source = _source(value, child)
        if source:
            items.sources[str(len(items))] = source
        items.append(value)
        items.item_lines.append(child.start_mark.line + 1)
    return items


def _construct_int(loader: Yaml12Loader, node: ScalarNode) -> int:
    return yaml_int(str(loader.construct_scalar(node)))


def _construct_text(loader: Yaml12Loader, node: ScalarNode) -> str:
    return restored(str(loader.construct_scalar(node)), loader.back)


def _checked(tag: str, meaning: str, construct: Callable[[Any, ScalarNode], Any]) -> None:
    """Build ``!!tag`` values with ``construct``; a value that can't be read so (``!!int
    x``, ``!!float`` alone, an integer of more digits than Python reads) is an error
    that names its line."""

    def checked(loader: Yaml12Loader, node: ScalarNode) -> Any:
        try:
            return construct(loader, node)
        except (ValueError, KeyError, IndexError) as exc:
            shown = " ".join(str(node.value).split())
            shown = shown if len(shown) <= 40 else shown[:39] + "…"
            raise yaml.constructor.ConstructorError(
                None, None, f"`{shown}` can't be read as {meaning} (!!{tag})", node.start_mark
            ) from exc

    Yaml12Loader.add_constructor(f"tag:yaml.org,2002:{tag}", checked)


def _refuse(loader: Yaml12Loader, node: Node) -> None:
    raise yaml.constructor.ConstructorError(
        None, None, f"values of type {node.tag} are not supported in properties", node.start_mark
    )


for _implicit in YAML12:
    Yaml12Loader.add_implicit_resolver(
        f"tag:yaml.org,2002:{_implicit.tag}", _implicit.pattern, _implicit.starts
    )
Yaml12Loader.add_constructor("tag:yaml.org,2002:map", _construct_map)
Yaml12Loader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)
_checked("int", "a whole number", _construct_int)
_checked("float", "a number", Yaml12Loader.construct_yaml_float)
_checked("bool", "true or false", Yaml12Loader.construct_yaml_bool)
Yaml12Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_text)
# text built by construct_object (a text holding '*', or `!!str`): its stand-ins put back
Yaml12Loader.add_constructor("tag:yaml.org,2002:str", _construct_text)
for _tag in ("binary", "set", "omap", "pairs"):
    Yaml12Loader.add_constructor(f"tag:yaml.org,2002:{_tag}", _refuse)


def _check_expansion(root: Node) -> None:
    """Refuse alias bombs and recursive aliases before anything is built."""
    sizes: dict[int, int] = {}
    stack: list[tuple[Node, bool]] = [(root, False)]
    open_nodes: set[int] = set()
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            children = _children(node)
            sizes[key] = 1 + sum(sizes[id(c)] for c in children)
            open_nodes.discard(key)
            if sizes[key] > MAX_EXPANDED_NODES:
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    f"aliases expand to more than {MAX_EXPANDED_NODES} values",
                    node.start_mark,
                )
            continue
        if key in sizes:
            continue
        if key in open_nodes:
            raise yaml.constructor.ConstructorError(
                None, None, "an alias refers to itself", node.start_mark
            )
        open_nodes.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node))


def _children(node: Node) -> list[Node]:
    if isinstance(node, MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, SequenceNode):
        return list(node.value)
    return []


def spans(text: str) -> Span | None:
    """The span tree of the root mapping of ``text`` (None when it is not a mapping)."""
    loader = Yaml12Loader(text)
    try:
        node = loader.get_single_node()
    finally:
        loader.dispose()
    if not isinstance(node, MappingNode):
        return None
    return _span(node, text, _shared(node), loader.back)


def _shared(root: Node) -> set[int]:
    """The ids of nodes reached more than once: an anchored node that aliases name."""
    seen: set[int] = set()
    shared: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            shared.add(id(node))
            continue
        seen.add(id(node))
        stack.extend(_children(node))
    return shared


def _span(node: Node, text: str, shared: set[int], back: dict[int, str] | None) -> Span:
    span = _bare_span(node, text, shared, back)
    span.shared = id(node) in shared
    return span


def _bare_span(node: Node, text: str, shared: set[int], back: dict[int, str] | None) -> Span:
    start, end = node.start_mark.index, node.end_mark.index
    column = node.start_mark.column
    if isinstance(node, ScalarNode):
        if node.style in ("|", ">"):
            return Span(start, start + len(text[start:end].rstrip()), column, "block-scalar")
        return Span(start, end, column, "scalar")
    flow = bool(getattr(node, "flow_style", False))
    if isinstance(node, SequenceNode):
        items = [_span(child, text, shared, back) for child in node.value]
        if not flow and items:
            end = max(item.end for item in items)
        return Span(start, end, column, "flow-seq" if flow else "block-seq", items=items)
    assert isinstance(node, MappingNode)
    entries: dict[str, Span] = {}
    for key_node, value_node in node.value:
        child = _span(value_node, text, shared, back)
        child.key_start = key_node.start_mark.index
        child.key_end = key_node.end_mark.index
        child.key_column = key_node.start_mark.column
        key = str(key_node.value)
        entries[restored(key, back)] = child
    if not flow and entries:
        end = max(max(e.end, e.key_end) for e in entries.values())
    return Span(start, end, column, "flow-map" if flow else "block-map", entries=entries)


def quote_ending_on(text: str, line: int) -> tuple[str, int, int] | None:
    """The last quoted value that ends on ``line`` (counted from 0, as YAML's marks
    are), where YAML stopped, as its quote (``"`` or ``'``), the line it opens on and
    where in ``text`` it ends; None when none does.  ``status: "done`` is closed only
    by the next ``"`` further down, which YAML then trips over; ``'it's'`` ends at
    its apostrophe."""
    found = None
    for token in _scanned(text):
        if not isinstance(token, yaml.ScalarToken):
            continue
        if token.style in ('"', "'") and token.end_mark.line == line:
            found = (token.style, int(token.start_mark.line), int(token.end_mark.index))
    return found


def tokens(text: str) -> list[tuple[str, int, int]]:
    """The tokens YAML's scanner reads in ``text``, up to its end or where the scanner
    gives up: each as its kind (the token's class name without ``Token``:
    ``FlowSequenceStart``, ``Value``, ``Scalar``...) and where in ``text`` it starts and
    ends.  Comments are in none; a block scalar's text is one ``Scalar``."""
    return [
        (type(token).__name__.removesuffix("Token"), token.start_mark.index, token.end_mark.index)
        for token in _scanned(text)
    ]


def _scanned(text: str) -> Iterator[Any]:
    """The tokens of YAML's scanner in ``text`` (read as YAML 1.2), up to its end or
    where the scanner gives up."""
    try:
        yield from yaml.scan(as_12(text)[0], Loader=_Base)
    except yaml.YAMLError:
        return


def load(text: str) -> Any:
    """One YAML document read with the rules above (raises :data:`YAMLError`)."""
    return yaml.load(text, Loader=Yaml12Loader)
