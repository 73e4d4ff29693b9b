"""The five kinds of house rule, as pure functions over a Document.

Each reads the prose view (code, URLs, HTML and front matter masked) and the front-matter text
fields, never code. Spans are offsets into the original file: an area is a string plus the
offset where it starts, and every match inside it is shifted by that offset.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from postlint.core.diagnostic import Edit, Finding, Fix
from postlint.core.document import Document, TextField
from postlint.core.protect import NAME
from postlint.rules.house.model import HouseRule
from postlint.rules.house.patterns import (
    Match,
    compile_literals,
    compile_user_pattern,
    find,
    normalized,
)


@dataclass(frozen=True)
class Compiled:
    """A house rule with its patterns built once per run."""

    rule: HouseRule
    matchers: tuple[Any, ...] = ()  # existence: literals + RE2; substitution: one alternation
    exceptions: Any = None  # a literal alternation of allowed phrases
    table: tuple[tuple[str, str], ...] = ()  # substitution: normalized bad -> preferred
    pairs: tuple[tuple[Any, Any, str, str], ...] = ()  # consistency


def _exceptions(rule: HouseRule) -> Any:
    return compile_literals(rule.exceptions, rule.ignore_case) if rule.exceptions else None


def compile_existence(rule: HouseRule) -> Compiled:
    ic = rule.ignore_case
    matchers: list[Any] = (
        [compile_literals(rule.tokens, ic, rule.whole_words)] if rule.tokens else []
    )
    matchers += [compile_user_pattern(p, ic) for p in rule.patterns]
    return Compiled(rule, tuple(matchers), _exceptions(rule))


def compile_substitution(rule: HouseRule) -> Compiled:
    ic = rule.ignore_case
    matcher = compile_literals((bad for bad, _ in rule.swap), ic, rule.whole_words)
    table = tuple((normalized(bad, ic), good) for bad, good in rule.swap)
    return Compiled(rule, (matcher,), _exceptions(rule), table)


def compile_consistency(rule: HouseRule) -> Compiled:
    ic = rule.ignore_case
    pairs = tuple(
        (compile_literals([a], ic), compile_literals([b], ic), a, b) for a, b in rule.pairs
    )
    return Compiled(rule, (), _exceptions(rule), pairs=pairs)


def compile_capitalization(rule: HouseRule) -> Compiled:
    # exceptions keep their case as written
    return Compiled(rule, (), compile_literals(rule.exceptions, False) if rule.exceptions else None)


def compile_length(rule: HouseRule) -> Compiled:
    return Compiled(rule)


# --- where a rule looks ------------------------------------------------------------------------


def located_field(doc: Document, key: str) -> TextField | None:
    """A front-matter string whose characters sit verbatim in the file (exact word offsets)."""
    for text_field in doc.text_fields:
        if text_field.key == key:
            return text_field
    node = _value_node(doc, key)
    if node is None or not isinstance(node.value, str) or not node.value:
        return None
    start, end = node.start, node.end
    raw = doc.text[start:end]
    if len(raw) >= 2 and raw[0] in "\"'" and raw[-1] == raw[0]:
        start, end = start + 1, end - 1
    return TextField(key, start, end, node.value) if doc.text[start:end] == node.value else None


def _value_node(doc: Document, key: str) -> Any:
    fm = doc.front_matter
    if fm is None or fm.root is None or fm.root.tag != "map":
        return None
    return fm.root.child(key)[1]


def _areas(doc: Document, rule: HouseRule, default: tuple[str, ...]) -> list[tuple[str, int]]:
    """(text, offset) pairs: the prose body (or only its headings) and front-matter fields."""
    scope = rule.scope or default
    areas: list[tuple[str, int]] = []
    if "body" in scope:
        areas.append((doc.prose, 0))
    elif "headings" in scope:
        areas.extend((text, start) for start, _, text in _headings(doc))
    keys = [f.key for f in doc.text_fields] if "fields" in scope else []
    keys += [k for k in scope if k not in ("body", "headings", "fields", *keys)]
    for key in keys:
        located = located_field(doc, key)
        if located is not None:
            areas.append((located.text, located.start))
    return areas


def _headings(doc: Document) -> Iterator[tuple[int, int, str]]:
    """(start, end, text) of each heading's words: ATX markers and setext underlines left out."""
    prose = doc.prose
    for block in doc.blocks:
        if block.kind != "heading":
            continue
        line = prose[block.start : block.end].splitlines()[0] if block.end > block.start else ""
        lead = len(line) - len(line.lstrip(" #"))
        body = line[lead:].rstrip().rstrip("#").rstrip()
        if body:
            yield block.start + lead, block.start + lead + len(body), body


def _matches(area: str, matchers: tuple[Any, ...], exceptions: Any) -> Iterator[Match]:
    allowed = [(m.start, m.end) for m in find(exceptions, area)] if exceptions is not None else []
    for matcher in matchers:
        for match in find(matcher, area):
            if not any(s <= match.start and match.end <= e for s, e in allowed):
                yield match


def _message(rule: HouseRule, default: str, **values: str) -> str:
    text = rule.message or default
    for key, value in values.items():
        text = text.replace("{" + key + "}", value)
    return text


def _finding(
    rule: HouseRule, start: int, end: int, message: str, fix: Fix | None = None
) -> Finding:
    return Finding(start, end, message, fix=fix, sub_code=rule.sub_code, severity=rule.severity)


# --- the kinds -----------------------------------------------------------------------------------


def check_existence(doc: Document, compiled: Compiled) -> Iterator[Finding]:
    rule = compiled.rule
    for area, offset in _areas(doc, rule, ("body", "fields")):
        for m in _matches(area, compiled.matchers, compiled.exceptions):
            message = _message(rule, "avoid '{match}' (house style)", match=m.text)
            yield _finding(rule, offset + m.start, offset + m.end, message)


def check_substitution(doc: Document, compiled: Compiled) -> Iterator[Finding]:
    rule = compiled.rule
    table = dict(compiled.table)
    protected = doc.protected
    for area, offset in _areas(doc, rule, ("body", "fields")):
        for m in _matches(area, compiled.matchers, compiled.exceptions):
            good = table.get(normalized(m.text, rule.ignore_case))
            if good is None or m.text == good:
                continue
            if m.text[:1].isupper() and good[:1].islower():
                good = good[:1].upper() + good[1:]  # keep a capital at the start of a sentence
            start, end = offset + m.start, offset + m.end
            message = _message(
                rule,
                "use '{preferred}' instead of '{match}' (house style)",
                match=m.text,
                preferred=good,
            )
            fix = None
            reason = protected.reason(start, end, whole_identifier=True)
            if reason is None or (reason == NAME and _is_a_name(m.text, rule)):
                edit = Edit(start, end, good)
                fix = Fix((edit,), safe=rule.safe, message=f"Replace with '{good}'")
            yield _finding(rule, start, end, message, fix)


def _is_a_name(matched: str, rule: HouseRule) -> bool:
    """A swap the house wrote for a name (``Kiev = "Kyiv"``) is meant for names too."""
    folded = matched.casefold()
    return any(bad.casefold() == folded and bad[:1].isupper() for bad, _ in rule.swap)


def check_consistency(doc: Document, compiled: Compiled) -> Iterator[Finding]:
    rule = compiled.rule
    areas = _areas(doc, rule, ("body", "fields"))
    for first, second, a, b in compiled.pairs:
        hits_a = [
            (m, off) for area, off in areas for m in _matches(area, (first,), compiled.exceptions)
        ]
        hits_b = [
            (m, off) for area, off in areas for m in _matches(area, (second,), compiled.exceptions)
        ]
        if not hits_a or not hits_b:
            continue
        minority, other = (hits_b, a) if len(hits_b) <= len(hits_a) else (hits_a, b)
        counts = f"{len(minority)} vs {len(hits_a) + len(hits_b) - len(minority)}"
        for m, offset in minority:
            message = _message(
                rule,
                "'{match}' and '{other}' both appear in this post ({counts}); use one of them",
                match=m.text,
                other=other,
                counts=counts,
            )
            yield _finding(rule, offset + m.start, offset + m.end, message)


# A word starts with a letter not glued to a letter, digit, apostrophe or dot, and is not part
# of a name with dots ("18F's", "x.py" and "analytics.usa.gov" hold no words to check).
_WORD = re.compile(r"(?<![\w'’.])[^\W\d_][\w'’]*(?:-[\w'’]+)*(?![\w-]|\.\w)")
_MINOR = frozenset(
    (
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "en",
        "for",
        "from",
        "if",
        "in",
        "into",
        "nor",
        "of",
        "off",
        "on",
        "onto",
        "or",
        "per",
        "so",
        "the",
        "to",
        "up",
        "via",
        "vs",
        "with",
        "yet",
    )
)
# After ": " ". " "? " "! " a subtitle or a new sentence may start (not inside "x.py" or "1.5").
_NEW_SENTENCE = re.compile(r"[:.?!][\"'”’)]?\s+[\"'“‘(]?$")


def _is_i(word: str) -> bool:
    return word == "I" or word.startswith(("I'", "I’"))


def _case_problems(text: str, style: str, exceptions: Any) -> list[tuple[int, int, str]]:
    """(start, end, corrected) for each word that breaks the style, offsets into ``text``.

    Sentence case: the first word starts with a capital, later ones do not; after ": " or ". "
    either is fine ("Midas: a marketplace", "the U.S. government"). Title case: every word but
    minor ones starts with a capital; the first, the last and one after ": " always do.
    """
    kept = [(m.start, m.end) for m in find(exceptions, text)] if exceptions is not None else []
    words = [m for m in _WORD.finditer(text) if not any(s <= m.start() < e for s, e in kept)]
    problems: list[tuple[int, int, str]] = []
    for index, m in enumerate(words):
        word = m.group(0)
        if word.isupper() or any(c.isupper() for c in word[1:]):  # NATO, iPhone, JavaScript
            continue
        before = text[: m.start()]
        first = not any(c.isalnum() for c in before)
        restart = not first and bool(_NEW_SENTENCE.search(before))
        if style == "sentence":
            if first and word[0].islower():
                problems.append((m.start(), m.end(), word[0].upper() + word[1:]))
            elif word[0].isupper() and not (first or restart or _is_i(word)):
                problems.append((m.start(), m.end(), word.lower()))
        else:
            edge = first or restart or index == len(words) - 1
            if word[0].islower() and (edge or word not in _MINOR):
                problems.append((m.start(), m.end(), word[0].upper() + word[1:]))
    return problems


def check_capitalization(doc: Document, compiled: Compiled) -> Iterator[Finding]:
    rule = compiled.rule
    scope = rule.scope or ("title", "headings")
    targets: list[tuple[str, int, str]] = []  # (what, offset, text)
    if "headings" in scope or "body" in scope:
        targets.extend(("heading", start, text) for start, _, text in _headings(doc))
    keys = [f.key for f in doc.text_fields] if "fields" in scope else []
    keys += [k for k in scope if k not in ("body", "headings", "fields", *keys)]
    for key in keys:
        located = located_field(doc, key)
        if located is not None:
            targets.append((f"`{key}`", located.start, located.text))
    for what, offset, text in targets:
        problems = _case_problems(text, rule.style, compiled.exceptions)
        if not problems:
            continue
        words = ", ".join(f"'{text[s:e]}' -> '{fixed}'" for s, e, fixed in problems)
        message = _message(
            rule,
            "{what} is not in {style} case: {words} (list proper names in the rule's exceptions)",
            what=what,
            style=rule.style,
            words=words,
            match=text,
        )
        edits = tuple(Edit(offset + s, offset + e, fixed) for s, e, fixed in problems)
        fix = Fix(edits, safe=False, message=f"Write in {rule.style} case")
        yield _finding(rule, offset + problems[0][0], offset + problems[-1][1], message, fix)


def check_length(doc: Document, compiled: Compiled) -> Iterator[Finding]:
    return _length(doc, compiled.rule)


def _length(doc: Document, rule: HouseRule) -> Iterator[Finding]:
    node = _value_node(doc, rule.field)
    if node is None or not isinstance(node.value, str):
        return
    size = len(node.value)
    if rule.max is not None and size > rule.max:
        limit = f"at most {rule.max}"
    elif rule.min is not None and size < rule.min:
        limit = f"at least {rule.min}"
    else:
        return
    message = _message(
        rule,
        "`{field}` is {size} characters long; house style allows {limit}",
        field=rule.field,
        size=str(size),
        limit=limit,
        match=node.value,
    )
    end = node.start + len(
        doc.text[node.start : node.end].rstrip()
    )  # block scalars end a line later
    yield _finding(rule, node.start, end, message)
