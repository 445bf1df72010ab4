"""A small evaluator of Obsidian Bases expressions, for testing our formulas.

It covers the documented syntax our bases use (help.obsidian.md, "Bases syntax"
and "Functions"): numbers, strings, ``null``, ``true``/``false``, note properties
(``due``, ``note.due``), ``formula.X``, ``+ - * / %``, comparisons, ``! && ||``,
the global functions ``if`` (lazy) ``min`` ``max`` ``number`` ``today``, the
methods ``isEmpty()``, ``round()``, ``floor()`` and ``ceil()``, date arithmetic as
Obsidian 1.10 does it: date + "6d" is a date, and date - date a :class:`Duration`, whose ``.days``,
``.hours``, ``.minutes``, ``.seconds`` and ``.milliseconds`` are numbers, and which
is no number itself (``number()``, arithmetic, comparisons and ``round()`` on it
fail; Obsidian shows an error).  Anything else raises, so a formula that strays
from what we checked fails the test instead of passing by accident.
"""

from __future__ import annotations

import math
import operator
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

_TOKEN = re.compile(
    r"\s*(?:(?P<num>\d+(?:\.\d+)?)|(?P<str>\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*')"
    r"|(?P<name>[A-Za-z_]\w*)|(?P<op>&&|\|\||==|!=|>=|<=|[-+*/%<>!().,]))"
)
_DAY_MS = 86_400_000
Node = tuple[Any, ...]


@dataclass(frozen=True)
class Duration:
    """What subtracting two dates gives: a span of time, read through its fields."""

    milliseconds: float

    @property
    def seconds(self) -> float:
        return self.milliseconds / 1000

    @property
    def minutes(self) -> float:
        return self.milliseconds / 60_000

    @property
    def hours(self) -> float:
        return self.milliseconds / 3_600_000

    @property
    def days(self) -> float:
        return self.milliseconds / _DAY_MS


_DURATION_FIELDS = ("days", "hours", "minutes", "seconds", "milliseconds")


def tokens(text: str) -> list[tuple[str, str]]:
    found, at = [], 0
    while at < len(text.rstrip()):
        match = _TOKEN.match(text, at)
        if match is None:
            raise SyntaxError(f"can't read {text[at:]!r}")
        kind = match.lastgroup or ""
        found.append((kind, match.group(kind)))
        at = match.end()
    return found


class _Parser:
    def __init__(self, text: str) -> None:
        self.items = tokens(text)
        self.at = 0

    def peek(self) -> str | None:
        return self.items[self.at][1] if self.at < len(self.items) else None

    def take(self, expected: str | None = None) -> tuple[str, str]:
        if self.at >= len(self.items):
            raise SyntaxError("unexpected end")
        item = self.items[self.at]
        if expected is not None and item[1] != expected:
            raise SyntaxError(f"expected {expected!r}, got {item[1]!r}")
        self.at += 1
        return item

    def binary(self, operators: tuple[str, ...], lower: Callable[[], Node]) -> Node:
        node = lower()
        while self.peek() in operators:
            node = ("op", self.take()[1], node, lower())
        return node

    def expression(self) -> Node:
        return self.binary(("||",), self.conjunction)

    def conjunction(self) -> Node:
        return self.binary(("&&",), self.equality)

    def equality(self) -> Node:
        return self.binary(("==", "!="), self.comparison)

    def comparison(self) -> Node:
        return self.binary(("<", "<=", ">", ">="), self.sum)

    def sum(self) -> Node:
        return self.binary(("+", "-"), self.product)

    def product(self) -> Node:
        return self.binary(("*", "/", "%"), self.unary)

    def unary(self) -> Node:
        if self.peek() in ("!", "-"):
            return ("unary", self.take()[1], self.unary())
        return self.postfix()

    def postfix(self) -> Node:
        node = self.primary()
        while self.peek() == ".":
            self.take()
            name = self.take()[1]
            if self.peek() == "(":
                node = ("method", node, name, self.arguments())
            else:
                node = ("field", node, name)
        return node

    def arguments(self) -> list[Node]:
        self.take("(")
        args = []
        while self.peek() != ")":
            args.append(self.expression())
            if self.peek() == ",":
                self.take()
        self.take(")")
        return args

    def primary(self) -> Node:
        kind, text = self.take()
        if kind == "num":
            return ("value", float(text))
        if kind == "str":
            return ("value", text[1:-1])
        if text == "(":
            node = self.expression()
            self.take(")")
            return node
        if kind == "name":
            if text in ("null", "true", "false"):
                return ("value", {"null": None, "true": True, "false": False}[text])
            if self.peek() == "(":
                return ("call", text, self.arguments())
            return ("name", text)
        raise SyntaxError(f"unexpected {text!r}")


def parse(text: str) -> Node:
    parser = _Parser(text)
    node = parser.expression()
    if parser.peek() is not None:
        raise SyntaxError(f"unexpected {parser.peek()!r} in {text!r}")
    return node


def evaluate(formulas: dict[str, str], name: str, props: dict[str, Any], today: date) -> Any:
    """The value of ``formula.name`` for a note with ``props``."""
    cache: dict[str, Any] = {}

    def formula(key: str) -> Any:
        if key not in cache:
            cache[key] = run(parse(formulas[key]))
        return cache[key]

    def run(node: Node) -> Any:
        kind = node[0]
        if kind == "value":
            return node[1]
        if kind == "name":
            return props.get(node[1])
        if kind == "field":
            if node[1] == ("name", "formula"):
                return formula(node[2])
            if node[1] == ("name", "note"):
                return props.get(node[2])
            value = run(node[1])
            if isinstance(value, Duration) and node[2] in _DURATION_FIELDS:
                return float(getattr(value, node[2]))
            raise NotImplementedError(node)
        if kind == "unary":
            value = run(node[2])
            return (not truthy(value)) if node[1] == "!" else -number(value)
        if kind == "op":
            return binary(node[1], node[2], node[3])
        if kind == "call":
            return call(node[1], node[2])
        if kind == "method":
            return method(run(node[1]), node[2], [run(a) for a in node[3]])
        raise NotImplementedError(node)

    def binary(op: str, left_node: Node, right_node: Node) -> Any:
        left = run(left_node)
        if op == "&&":
            return truthy(left) and truthy(run(right_node))
        if op == "||":
            return truthy(left) or truthy(run(right_node))
        right = run(right_node)
        if op == "==":
            return left == right
        if op == "!=":
            return left != right
        if isinstance(left, date) and isinstance(right, str) and op in "+-":
            days = _duration_days(right)
            return left + timedelta(days=days if op == "+" else -days)
        if op == "+" and (isinstance(left, str) or isinstance(right, str)):
            return text(left) + text(right)
        if isinstance(left, date) and isinstance(right, date):
            if op == "-":
                return Duration((left - right).days * _DAY_MS)
            return _compare(op, left, right)
        if left is None or right is None:
            raise TypeError(f"{op} with null")
        a, b = number(left), number(right)
        if op in ("<", "<=", ">", ">="):
            return _compare(op, a, b)
        return _ARITHMETIC[op](a, b)

    def call(name: str, args: list[Node]) -> Any:
        if name == "if":
            chosen = args[1] if truthy(run(args[0])) else (args[2] if len(args) > 2 else None)
            return run(chosen) if chosen is not None else None
        values = [run(a) for a in args]
        if name in ("min", "max"):
            return (min if name == "min" else max)(number(v) for v in values)
        if name == "number":
            return number(values[0])
        if name == "today":
            return today
        raise NotImplementedError(name)

    return formula(name)


def method(value: Any, name: str, args: list[Any]) -> Any:
    if name == "isEmpty":
        return value is None or value == "" or value == []
    if name == "round" and not args:
        return float(math.floor(number(value) + 0.5))
    if name in ("floor", "ceil") and not args:
        return float(getattr(math, name)(number(value)))
    raise NotImplementedError(name)


def truthy(value: Any) -> bool:
    return value not in (None, False, 0, "") and value == value  # NaN is falsy


def number(value: Any) -> float:
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day).timestamp() * 1000
    raise TypeError(f"not a number: {value!r}")


def text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "null" if value is None else str(value)


def _compare(op: str, a: Any, b: Any) -> bool:
    return bool(_COMPARE[op](a, b))


_ARITHMETIC = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv}
_ARITHMETIC["%"] = operator.mod
_COMPARE = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge}


def _duration_days(value: str) -> int:
    match = re.fullmatch(r"(\d+)\s*d", value.strip())
    if match is None:
        raise NotImplementedError(value)
    return int(match.group(1))
