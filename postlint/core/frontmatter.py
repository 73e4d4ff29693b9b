"""Front matter: find the block, parse it safely, and keep every key's and value's position.

python-frontmatter is silent about most failures (see DESIGN.md, "Known traps") and strips the
body, so offsets cannot come from it. Here the block is split on the original text, YAML is
composed (not loaded) so each node keeps its marks, and values are built from nodes by our own
bounded walk: timestamps stay the text the author wrote, aliases and nesting are budgeted,
duplicate keys and unsafe tags become problems with positions instead of silent data loss.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from postlint.core.fm_limits import (
    MAX_DEPTH,
    json_too_deep,
    too_deep_message,
    yaml_too_deep,
)

MAX_NODES = 100_000  # values built from YAML, aliases expanded; a "billion laughs" stops here


class Kind(StrEnum):
    YAML = "yaml"
    TOML = "toml"
    JSON = "json"


@dataclass(frozen=True)
class Block:
    """Where the front matter sits. ``content`` is the text between the fences."""

    kind: Kind
    open_start: int
    open_end: int  # end of the opening fence (before its line break)
    content_start: int
    content_end: int
    body_start: int  # first offset of the Markdown body
    closed: bool = True


@dataclass(frozen=True)
class Problem:
    """Something wrong inside the front matter; ``kind`` picks the rule that reports it."""

    kind: (
        str  # "syntax", "duplicate-key", "unsupported-tag", "too-complex", "not-mapping", "truthy"
    )
    start: int
    end: int
    message: str


@dataclass(frozen=True)
class Located:
    """A value with its span in the file. Maps keep key spans too; scalars their source text."""

    start: int
    end: int
    value: Any = None
    tag: str = "str"  # "str", "int", "float", "bool", "null", "timestamp", "map", "seq", ...
    plain: bool = False  # an unquoted scalar
    raw: str = ""
    entries: tuple[tuple[Located, Located], ...] = ()  # (key, value) for maps
    items: tuple[Located, ...] = ()  # for sequences

    def child(self, key: str | int) -> tuple[Located | None, Located | None]:
        """(key node, value node) for a map key or a sequence index."""
        if isinstance(key, int):
            if self.items and 0 <= key < len(self.items):
                return None, self.items[key]
            return None, None
        for k, v in reversed(self.entries):  # the last duplicate is the one that counts
            if k.value == key:
                return k, v
        return None, None


@dataclass(frozen=True)
class FrontMatter:
    block: Block
    data: Any  # plain Python data (dict for a valid post); None when it could not be parsed
    root: Located | None
    problems: tuple[Problem, ...] = ()

    @property
    def parsed(self) -> bool:
        return self.root is not None and not any(p.kind == "syntax" for p in self.problems)


_FENCE_END = r"[ \t]*(?:\r\n|\r|\n|\Z)"
_LINE_START = r"(?<![^\r\n])"  # "^" for CR, LF and CR LF alike (re's "^" knows only LF)
_YAML_CLOSE = re.compile(_LINE_START + r"(?:---|\.\.\.)" + _FENCE_END)
_TOML_CLOSE = re.compile(_LINE_START + r"\+\+\+" + _FENCE_END)
_JSON_CLOSE = re.compile(_LINE_START + r"\}[ \t]*(?:\r\n|\r|\n|\Z)")
_OPEN = re.compile(r"(---|\+\+\+)[ \t]*(\r\n|\r|\n|\Z)")


_LEADING_BLANK_LINES = re.compile(r"(?:[ \t]*(?:\r\n|\r|\n))+")


def split(text: str, blank_lines: bool = False) -> Block | None:
    """Find the front matter block at the start of ``text``.

    Files read as bytes have their BOM removed already; text handed to the API may still
    start with U+FEFF, which is skipped here so offsets stay offsets into that text.
    ``blank_lines``: the generator (Hugo, Zola) accepts blank lines before the opening fence.
    """
    lead = 1 if text.startswith("\ufeff") else 0
    if blank_lines:
        blank = _LEADING_BLANK_LINES.match(text, lead)
        lead = blank.end() if blank else lead
    opening = _OPEN.match(text, lead)
    if opening:
        kind = Kind.YAML if opening.group(1) == "---" else Kind.TOML
        closer = _YAML_CLOSE if kind is Kind.YAML else _TOML_CLOSE
        content_start = opening.end()
        open_end = lead + len(opening.group(1))
        close = closer.search(text, content_start) if opening.group(2) else None
        if close is None:
            # Unclosed: lint the rest as body rather than guess where the YAML ends.
            return Block(kind, lead, open_end, content_start, content_start, content_start, False)
        return Block(kind, lead, open_end, content_start, close.start(), close.end())
    if text.startswith("{", lead):
        close = _JSON_CLOSE.search(text, lead)
        if close is None:
            return Block(Kind.JSON, lead, lead + 1, lead, lead, lead, False)
        end_of_brace = close.start() + 1
        return Block(Kind.JSON, lead, lead + 1, lead, end_of_brace, close.end())
    return None


def parse(text: str, block: Block) -> FrontMatter:
    if not block.closed:
        return FrontMatter(block, None, None)
    content = text[block.content_start : block.content_end]
    if block.kind is Kind.YAML:
        return _parse_yaml(content, block)
    if block.kind is Kind.TOML:
        from postlint.core.frontmatter_toml import parse_toml

        return parse_toml(content, block)
    return _parse_json(content, block)


# --- YAML ---------------------------------------------------------------------------------

_TAG_PREFIX = "tag:yaml.org,2002:"
_SCALAR_TAGS = {"str", "int", "float", "bool", "null", "timestamp", "binary", "value"}
_TRUTHY_WORDS = re.compile(r"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$")


class _TooComplex(Exception):
    def __init__(self, node: Node, message: str) -> None:
        super().__init__(message)
        self.node = node


class _BadScalar(Exception):
    """A tagged scalar its tag cannot read (``!!bool maybe``, ``!!int x``), at its node."""

    def __init__(self, node: Node, message: str) -> None:
        super().__init__(message)
        self.node = node


@dataclass
class _Builder:
    """One conversion's state (budget, problems); never shared between documents."""

    offset: int
    first_line: int  # the file's line number of the YAML text's first line
    constructor: SafeConstructor = field(default_factory=SafeConstructor)
    problems: list[Problem] = field(default_factory=list)
    count: int = 0
    active: set[int] = field(default_factory=set)
    top_key: Node | None = None

    def span(self, node: Node) -> tuple[int, int]:
        return self.offset + node.start_mark.index, self.offset + node.end_mark.index

    def problem(self, kind: str, node: Node, message: str) -> None:
        start, end = self.span(node)
        self.problems.append(Problem(kind, start, end, message))

    def build(self, node: Node, depth: int = 0) -> Located:
        self.count += 1
        if self.count > MAX_NODES:
            # Blame the top-level key being built: that is where the author must look.
            raise _TooComplex(
                self.top_key or node,
                f"front matter expands to more than {MAX_NODES} values "
                "(nested aliases?): write the values out or simplify",
            )
        if depth > MAX_DEPTH:
            raise _TooComplex(node, f"front matter is nested deeper than {MAX_DEPTH} levels")
        if id(node) in self.active:
            raise _TooComplex(node, "an alias refers to the value that contains it")
        self.active.add(id(node))
        try:
            if isinstance(node, ScalarNode):
                return self._scalar(node)
            if isinstance(node, SequenceNode):
                self._check_tag(node, "seq")
                items = tuple(self.build(child, depth + 1) for child in node.value)
                start, end = self.span(node)
                return Located(start, end, [i.value for i in items], "seq", items=items)
            assert isinstance(node, MappingNode)
            self._check_tag(node, "map")
            return self._mapping(node, depth)
        finally:
            self.active.discard(id(node))

    def _check_tag(self, node: Node, expected: str) -> None:
        if node.tag != _TAG_PREFIX + expected:
            self.problem(
                "unsupported-tag",
                node,
                f"YAML tag {node.tag!r} is not allowed: postlint loads front matter safely; "
                "remove the tag",
            )

    def _scalar(self, node: ScalarNode) -> Located:
        start, end = self.span(node)
        plain = not node.style  # None from PyYAML, "" from libyaml
        short = node.tag[len(_TAG_PREFIX) :] if node.tag.startswith(_TAG_PREFIX) else node.tag
        if short not in _SCALAR_TAGS:
            self._check_tag(node, "str")
            return Located(start, end, node.value, "str", plain, node.value)
        value: Any = node.value
        if short in {"int", "float", "bool", "null"}:
            try:
                value = getattr(self.constructor, f"construct_yaml_{short}")(node)
            except (ConstructorError, LookupError, ValueError, TypeError, ArithmeticError):
                # PyYAML's bool constructor raises KeyError for any word it does not know
                shown = node.value if len(node.value) <= 40 else node.value[:37] + "..."
                raise _BadScalar(
                    node, f"{shown!r} is not a valid !!{short} value: fix it or remove the tag"
                ) from None
        if short == "bool" and plain and _TRUTHY_WORDS.match(node.value):
            self.problems.append(
                Problem(
                    "truthy",
                    start,
                    end,
                    f"'{node.value}' is read as the boolean {str(value).lower()} by YAML 1.1; "
                    f'write {str(value).lower()} or quote it ("{node.value}") if you meant text',
                )
            )
        return Located(start, end, value, short, plain, node.value)

    def _mapping(self, node: MappingNode, depth: int) -> Located:
        entries: list[tuple[Located, Located]] = []
        data: dict[Any, Any] = {}
        first_seen: dict[Any, Node] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _TAG_PREFIX + "merge":
                merged = self.build(value_node, depth + 1)
                sources = merged.items if merged.tag == "seq" else (merged,)
                for source in sources:
                    for k, v in source.entries:
                        if k.value not in data:
                            data[k.value] = v.value
                continue
            key = self.build(key_node, depth + 1)
            if depth == 0:
                self.top_key = key_node
            value = self.build(value_node, depth + 1)
            # JSON Schema and our reporters expect string keys: "2020: x" becomes "2020".
            hashable_key = key.value if isinstance(key.value, str) else (key.raw or str(key.value))
            if isinstance(key.value, list | dict):  # a complex key (``? [a, b]``): rules
                key = replace(key, value=hashable_key)  # compare and hash keys, so text it is
            if hashable_key in first_seen:
                first_line = first_seen[hashable_key].start_mark.line + self.first_line
                self.problem(
                    "duplicate-key",
                    key_node,
                    f"duplicate key '{hashable_key}' (first defined on line {first_line}); "
                    "YAML keeps only the last value: remove one of them",
                )
            else:
                first_seen[hashable_key] = key_node
            entries.append((key, value))
            data[hashable_key] = value.value
        start, end = self.span(node)
        return Located(start, end, data, "map", entries=tuple(entries))


def _yaml_error_problem(exc: yaml.YAMLError, block: Block, content: str) -> Problem:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    index = mark.index if mark is not None else 0
    if isinstance(exc, yaml.reader.ReaderError):
        index = exc.position
    start = block.content_start + min(index, len(content))
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    message = f"YAML syntax error: {problem}"
    if context:
        message += f" ({context})"
    hint = _yaml_hint(content, index, str(problem))
    if hint:
        message += f"; {hint}"
    return Problem("syntax", start, start, message)


def _yaml_hint(content: str, index: int, problem: str) -> str:
    if "mapping values are not allowed" in problem:
        return "quote the value if it contains ': ' (e.g. title: \"A: B\")"
    if "found character '\\t'" in problem or "\\t" in problem:
        return "YAML does not allow tabs for indentation: use spaces"
    return ""


# libyaml reads YAML as Jekyll (Ruby's Psych) does: it takes a tab as a separator ("tags:\tx",
# "- name\t"), which PyYAML's pure-Python scanner refuses. Its marks are character offsets too,
# and it is several times faster. When it refuses a text, the pure-Python loader runs again for
# the error: its messages and positions are the more precise.
_LIBYAML_LOADER = getattr(yaml, "CSafeLoader", None)


def _compose(content: str) -> Node | None:
    if _LIBYAML_LOADER is not None:
        try:
            return yaml.compose(content, Loader=_LIBYAML_LOADER)
        except yaml.YAMLError:
            pass
    return yaml.compose(content, Loader=yaml.SafeLoader)


_LONG_NUMBER = re.compile(r"[0-9][0-9_]{4299}")  # Python reads at most 4,300 digits


def _unreadable_value(content: str, block: Block, kind: str, exc: ValueError) -> FrontMatter:
    """A value the parser accepts but Python cannot build, at the long number if there is one."""
    found = _LONG_NUMBER.search(content)
    start = block.content_start + (found.start() if found else 0)
    reason = "a number longer than 4,300 digits" if found else str(exc)
    message = f"{kind} value cannot be read ({reason}): shorten it or quote it as text"
    return FrontMatter(block, None, None, (Problem("syntax", start, start + 1, message),))


def _too_deep(block: Block, index: int, kind: str) -> FrontMatter:
    start = block.content_start + index
    return FrontMatter(
        block, None, None, (Problem("too-complex", start, start + 1, too_deep_message(kind)),)
    )


def _parse_yaml(content: str, block: Block) -> FrontMatter:
    deep = yaml_too_deep(content)
    if deep is not None:
        return _too_deep(block, deep, "YAML" if block.kind is Kind.YAML else "JSON")
    try:
        node = _compose(content)
    except yaml.YAMLError as exc:
        return FrontMatter(block, None, None, (_yaml_error_problem(exc, block, content),))
    except RecursionError:
        start = block.content_start
        problem = Problem("too-complex", start, start, "front matter is nested too deeply")
        return FrontMatter(block, None, None, (problem,))
    if node is None:  # empty front matter: an empty mapping, so "required" errors point at ---
        root = Located(block.open_start, block.open_end, {}, "map")
        return FrontMatter(block, {}, root)
    builder = _Builder(block.content_start, first_line=2 if block.kind is Kind.YAML else 1)
    try:
        root = builder.build(node)
    except _TooComplex as exc:
        start, end = builder.span(exc.node)
        too_complex = Problem("too-complex", start, end, str(exc))
        return FrontMatter(block, None, None, (*builder.problems, too_complex))
    except _BadScalar as exc:
        start, end = builder.span(exc.node)
        return FrontMatter(block, None, None, (Problem("syntax", start, end, str(exc)),))
    except (ConstructorError, ValueError) as exc:
        start = block.content_start
        return FrontMatter(block, None, None, (Problem("syntax", start, start, str(exc)),))
    problems = list(builder.problems)
    if root.tag != "map":
        problems.append(_not_mapping(root))
    return FrontMatter(block, root.value, root, tuple(problems))


def _not_mapping(root: Located) -> Problem:
    what = {"seq": "a list", "str": "a single text value"}.get(root.tag, f"a {root.tag} value")
    return Problem(
        "not-mapping",
        root.start,
        root.end,
        f"front matter is {what}, not a set of 'key: value' pairs",
    )


def _python_tag(value: Any) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, dict):
        return "map"
    if isinstance(value, list):
        return "seq"
    return {int: "int", float: "float", str: "str"}.get(type(value), "timestamp")


# --- JSON ---------------------------------------------------------------------------------


def _parse_json(content: str, block: Block) -> FrontMatter:
    duplicates: list[str] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        seen: dict[str, Any] = {}
        for key, value in items:
            if key in seen:
                duplicates.append(key)
            seen[key] = value
        return seen

    deep = json_too_deep(content)
    if deep is not None:
        return _too_deep(block, deep, "JSON")
    try:
        data = json.loads(content, object_pairs_hook=pairs)
    except json.JSONDecodeError as exc:
        start = block.content_start + exc.pos
        problem = Problem("syntax", start, start, f"JSON syntax error: {exc.msg}")
        return FrontMatter(block, None, None, (problem,))
    except ValueError as exc:  # Python's own limits, such as an integer of 5,000 digits
        return _unreadable_value(content, block, "JSON", exc)
    except RecursionError:
        start = block.content_start
        return FrontMatter(
            block,
            None,
            None,
            (Problem("too-complex", start, start, "front matter is nested too deeply"),),
        )
    # JSON is valid YAML flow syntax: compose it to get node positions.
    located = _parse_yaml(content, block)
    root = (
        located.root
        if located.root is not None
        else Located(block.open_start, block.open_end, data, _python_tag(data))
    )
    problems = [p for p in located.problems if p.kind in {"duplicate-key", "not-mapping"}]
    if not isinstance(data, dict) and not any(p.kind == "not-mapping" for p in problems):
        problems.append(_not_mapping(root))
    return FrontMatter(block, data, root, tuple(problems))
