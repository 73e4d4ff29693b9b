"""Small real rules with awkward fixes, for testing the fixer against the engine.

Each is a genuine ``Rule`` run by a genuine ``Linter`` over genuine text: they exist to produce
the hard cases on purpose (overlapping fixes, fixes of several edits, two insertions at one
point, a front-matter fix that YAML would misread, fixes that never settle, broken edits).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from postlint.core.config import Config
from postlint.core.diagnostic import Edit, Finding, Fix, Severity
from postlint.core.document import Document
from postlint.core.engine import Linter
from postlint.core.rule import FixAvailability, NoOptions, Rule, RuleSet
from postlint.rules.system.fix_not_applied import RULE as FIX_NOT_APPLIED

_SPACES = re.compile(r"(?=[^\S\r\n]{2})")  # overlapping: "   " gives two findings
_QUOTED = re.compile(r'"([^"\r\n]+)"')
_PARAGRAPH_END = re.compile(r"[^\s.?!)\u201d\ufffc](?=(?:\r\n|\r|\n){2}|(?:\r\n|\r|\n)?\Z)")
_OPEN_QUOTE = re.compile("\u201c[^\u201d\\r\\n]*(?=(?:\\r\\n|\\r|\\n){2}|(?:\\r\\n|\\r|\\n)?\\Z)")
_VERY = re.compile(r"\bvery ")
_HASH = re.compile(r"\(hash\)")
_PING = re.compile(r"\bp[io]ng\b")
_WOW = re.compile(r"\bwow\b")
_COLOUR = re.compile(r"\bcolour\b")
_XYZZY = re.compile(r"\bxyzzy\b")
_SUMMER = re.compile(r"\bSummer\b")


def _body(doc: Document) -> str:
    return doc.prose


def double_space(doc: Document, options: NoOptions) -> Iterator[Finding]:
    """Two blanks -> one, reported at every position: runs of three overlap."""
    text = _body(doc)
    for m in _SPACES.finditer(text, doc.body_start):
        start = m.start()
        yield Finding(start, start + 2, "two spaces", Fix((Edit(start, start + 2, " "),)))


def straight_quotes(doc: Document, options: NoOptions) -> Iterator[Finding]:
    """One fix, two edits: both marks of a pair are curled together or not at all."""
    for m in _QUOTED.finditer(_body(doc), doc.body_start):
        edits = (Edit(m.start(), m.start() + 1, "\u201c"), Edit(m.end() - 1, m.end(), "\u201d"))
        yield Finding(m.start(), m.end(), "straight quotes", Fix(edits, message="Curl them"))


def final_stop(doc: Document, options: NoOptions) -> Iterator[Finding]:
    """An insertion at a paragraph's end (where close_quote inserts too)."""
    for m in _PARAGRAPH_END.finditer(_body(doc), doc.body_start):
        yield Finding(m.start(), m.end(), "no full stop", Fix((Edit(m.end(), m.end(), "."),)))


def close_quote(doc: Document, options: NoOptions) -> Iterator[Finding]:
    for m in _OPEN_QUOTE.finditer(_body(doc), doc.body_start):
        yield Finding(
            m.start(), m.end(), "unclosed \u201c", Fix((Edit(m.end(), m.end(), "\u201d"),))
        )


def very(doc: Document, options: NoOptions) -> Iterator[Finding]:
    """An unsafe deletion."""
    for m in _VERY.finditer(_body(doc), doc.body_start):
        yield Finding(m.start(), m.end(), "very", Fix((Edit(m.start(), m.end(), ""),), safe=False))


def title_hash(doc: Document, options: NoOptions) -> Iterator[Finding]:
    """'(hash)' -> ' #' in text fields: fine in a quoted title, a comment in a plain one."""
    for field in doc.text_fields:
        for m in _HASH.finditer(doc.text, field.start, field.end):
            yield Finding(m.start(), m.end(), "hash", Fix((Edit(m.start(), m.end(), " #"),)))


def ping_pong(doc: Document, options: NoOptions) -> Iterator[Finding]:
    """Never settles: ping -> pong -> ping."""
    for m in _PING.finditer(_body(doc), doc.body_start):
        other = "pong" if m.group() == "ping" else "ping"
        yield Finding(m.start(), m.end(), "ping", Fix((Edit(m.start(), m.end(), other),)))


def wow(doc: Document, options: NoOptions) -> Iterator[Finding]:
    """Never settles: every pass adds another '!'."""
    for m in _WOW.finditer(_body(doc), doc.body_start):
        yield Finding(m.start(), m.end(), "wow", Fix((Edit(m.end(), m.end(), "!"),)))


def broken(doc: Document, options: NoOptions) -> Iterator[Finding]:
    """A buggy rule: an edit past the end, and a fix whose own edits overlap."""
    if "BROKEN" in doc.text:
        end = len(doc.text)
        yield Finding(0, 0, "past the end", Fix((Edit(end, end + 5, "x"),)))
        yield Finding(0, 0, "self-overlap", Fix((Edit(0, 2, "a"), Edit(1, 3, "b"))))


def leak(doc: Document, options: NoOptions) -> Iterator[Finding]:
    """A buggy rule: its replacement is a pattern ("colour" -> "colou?r")."""
    for m in _COLOUR.finditer(_body(doc), doc.body_start):
        yield Finding(m.start(), m.end(), "colour", Fix((Edit(m.start(), m.end(), "colou?r"),)))


def spawn(doc: Document, options: NoOptions) -> Iterator[Finding]:
    """A fix that creates another rule's finding: "xyzzy" -> "very big" (T905 reports it)."""
    for m in _XYZZY.finditer(_body(doc), doc.body_start):
        yield Finding(m.start(), m.end(), "xyzzy", Fix((Edit(m.start(), m.end(), "very big"),)))


def no_op(doc: Document, options: NoOptions) -> Iterator[Finding]:
    """A fix that changes nothing ("Summer" -> "Summer") is no fix."""
    for m in _SUMMER.finditer(_body(doc), doc.body_start):
        yield Finding(m.start(), m.end(), "Summer", Fix((Edit(m.start(), m.end(), "Summer"),)))


def _rule(code: str, name: str, check: object, fix: FixAvailability) -> Rule:
    return Rule(
        code=code,
        name=name,
        summary=name,
        severity=Severity.WARNING,
        check=check,  # type: ignore[arg-type]
        fix=fix,
    )


SAFE = FixAvailability.SAFE
SETTLING = (
    _rule("T901", "double-space", double_space, SAFE),
    _rule("T902", "straight-quotes", straight_quotes, SAFE),
    _rule("T903", "final-stop", final_stop, SAFE),
    _rule("T904", "close-quote", close_quote, SAFE),
    _rule("T905", "very", very, FixAvailability.UNSAFE),
    _rule("T906", "title-hash", title_hash, SAFE),
)
UNSETTLING = (
    _rule("T907", "ping-pong", ping_pong, SAFE),
    _rule("T908", "wow", wow, SAFE),
    _rule("T909", "broken", broken, SAFE),
)
# Fixes the fixer must refuse (PL009) or drop.
REFUSED = (
    _rule("T910", "leak", leak, SAFE),
    _rule("T911", "spawn", spawn, SAFE),
    _rule("T912", "no-op", no_op, SAFE),
)


def linter(*rules: Rule) -> Linter:
    """A linter with just these rules (and PL009, which reports what fixing could not do)."""
    return Linter(Config(), rules=RuleSet((*rules, FIX_NOT_APPLIED)))
