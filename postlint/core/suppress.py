"""Inline suppression comments, and the ones that no longer suppress anything (PL100).

Markdown body: ``<!-- postlint-disable CODES -->`` ... ``<!-- postlint-enable CODES -->`` (all
rules without codes), ``<!-- postlint-disable-next-line CODES -->``, ``<!-- postlint-disable-file
CODES -->``. Front matter: ``# postlint: disable=CODES`` on the line it applies to. CODES are
rule codes, names, prefixes, sub-codes or ``house.<name>``, separated by spaces or commas.
Comments inside code blocks and inline code are examples, not suppressions.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from postlint.core import catalog
from postlint.core.diagnostic import Diagnostic, Edit, Finding, Fix
from postlint.core.document import Document
from postlint.core.rule import RuleSet
from postlint.core.selection import Selection, is_known, specificity, suggest

# ``<!--[ \t]*postlint-(KIND)(?![\w-])([^>\r\n]*?)[ \t]*-->``, found in linear time: the
# opening part below (its ``[ \t]*`` holds no other start), then the first ``>`` or line break
# after it, which must close ``-->`` (the codes hold no ``>``); see _markdown_comments.
_MARKDOWN_OPEN = re.compile(
    r"<!--[ \t]*postlint-(disable-next-line|disable-file|disable|enable)(?![\w-])"
)
_STOP = re.compile(r"[>\r\n]")
_YAML = re.compile(r"#[ \t]*postlint:[ \t]*disable[ \t]*=[ \t]*([\w.,\- \t]*[\w.-])")
_CODE = re.compile(r"[^\s,]+")
_LINE_END = re.compile(r"\r\n|\r|\n|\Z")
UNUSED_CODE = catalog.UNUSED_SUPPRESSION


@dataclass(frozen=True)
class Code:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Comment:
    kind: str  # "disable", "enable", "disable-next-line", "disable-file", "yaml"
    start: int
    end: int
    line: int
    codes: tuple[Code, ...]  # empty: every rule

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.text for c in self.codes)


@dataclass(frozen=True)
class Region:
    """Lines ``first``..``last`` (inclusive) where a comment's codes are off."""

    comment: int  # index of the comment that made it
    codes: tuple[str, ...]  # empty: every rule ...
    excluded: tuple[str, ...]  # ... except these (re-enabled by a later enable comment)
    first: int
    last: int


@dataclass
class _Open:
    comment: int
    codes: tuple[str, ...]
    excluded: tuple[str, ...]
    first: int


@dataclass
class Parsed:
    comments: list[Comment] = field(default_factory=list)
    regions: list[Region] = field(default_factory=list)
    closed_by: dict[int, set[int]] = field(default_factory=dict)  # enable -> disables it closed


def find_comments(doc: Document) -> list[Comment]:
    """Suppression comments in source order (front-matter ones only inside the front matter)."""
    text, lines = doc.text, doc.source.lines
    found: list[tuple[int, Comment]] = []
    block = doc.block
    if block is not None:
        for m in _YAML.finditer(text, block.content_start, block.content_end):
            found.append((m.start(), _comment("yaml", m, lines.position(m.start()).line)))
    code_blocks = (
        [(b.start, b.end) for b in doc.blocks if b.kind == "code"] if "<!--" in text else []
    )
    starts = [s for s, _ in code_blocks]
    ticks = _Backticks(text)
    for kind, start, end, codes_start, codes_end in _markdown_comments(text, doc.body_start):
        index = bisect.bisect_right(starts, start) - 1
        if index >= 0 and code_blocks[index][0] <= start < code_blocks[index][1]:
            continue
        if ticks.odd_before(start):  # inside inline code
            continue
        codes = _codes(text[codes_start:codes_end], codes_start)
        found.append((start, Comment(kind, start, end, lines.position(start).line, codes)))
    return [c for _, c in sorted(found, key=lambda item: item[0])]


def _markdown_comments(text: str, pos: int) -> list[tuple[str, int, int, int, int]]:
    """(kind, start, end, codes start, codes end) of each Markdown suppression comment."""
    found: list[tuple[str, int, int, int, int]] = []
    resume, stop = pos, -1
    for m in _MARKDOWN_OPEN.finditer(text, pos):
        if m.start() < resume:
            continue
        if stop < m.end():  # the first '>' or line break after the opening, found once
            found_stop = _STOP.search(text, m.end())
            stop = found_stop.start() if found_stop else len(text)
        if stop == len(text) or text[stop] != ">" or stop - 2 < m.end():
            continue
        if text[stop - 2 : stop] != "--":
            continue
        codes_end = m.end() + len(text[m.end() : stop - 2].rstrip(" \t"))
        found.append((m.group(1), m.start(), stop + 1, m.end(), codes_end))
        resume = stop + 1
    return found


class _Backticks:
    """Whether an odd number of backticks precede an offset on its line; offsets are asked
    in increasing order, so each character is counted once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.counted = 0  # backticks are counted up to here ...
        self.ticks = 0  # ... from the start of its line

    def odd_before(self, offset: int) -> bool:
        newline = self.text.rfind("\n", self.counted, offset)
        if newline >= 0:
            self.counted, self.ticks = newline + 1, 0
        self.ticks += self.text.count("`", self.counted, offset)
        self.counted = offset
        return self.ticks % 2 == 1


def _codes(written: str, base: int) -> tuple[Code, ...]:
    return tuple(
        Code(c.group(0), base + c.start(), base + c.end()) for c in _CODE.finditer(written)
    )


def _comment(kind: str, m: re.Match[str], line: int) -> Comment:
    group = m.lastindex or 1
    return Comment(kind, m.start(), m.end(), line, _codes(m.group(group), m.start(group)))


def parse(doc: Document) -> Parsed:
    """Comments and the line regions they switch off."""
    parsed = Parsed(find_comments(doc))
    line_count = doc.source.lines.line_count
    open_: list[_Open] = []
    for index, comment in enumerate(parsed.comments):
        names = comment.names
        if comment.kind == "disable-file":
            parsed.regions.append(Region(index, names, (), 1, line_count))
        elif comment.kind == "disable-next-line":
            parsed.regions.append(Region(index, names, (), comment.line + 1, comment.line + 1))
        elif comment.kind == "yaml":
            parsed.regions.append(Region(index, names, (), comment.line, comment.line))
        elif comment.kind == "disable":
            open_.append(_Open(index, names, (), comment.line))
        else:
            parsed.closed_by[index] = _enable(parsed, open_, names, comment.line)
    for entry in open_:  # no enable: off to the end of the file
        parsed.regions.append(
            Region(entry.comment, entry.codes, entry.excluded, entry.first, line_count)
        )
    return parsed


def _enable(parsed: Parsed, open_: list[_Open], names: tuple[str, ...], line: int) -> set[int]:
    """Close the open ranges an enable comment names; what it does not name stays off."""
    wanted = {n.casefold() for n in names}
    closed: set[int] = set()
    for entry in list(open_):
        if names and entry.codes and not any(c.casefold() in wanted for c in entry.codes):
            continue  # this range is about other rules
        parsed.regions.append(Region(entry.comment, entry.codes, entry.excluded, entry.first, line))
        open_.remove(entry)
        closed.add(entry.comment)
        if not names:
            continue
        if entry.codes:
            rest = tuple(c for c in entry.codes if c.casefold() not in wanted)
            if rest:
                open_.append(_Open(entry.comment, rest, (), line))
        else:  # "disable" of everything, then "enable X": everything but X stays off
            open_.append(_Open(entry.comment, (), entry.excluded + names, line))
    return closed


def _matches(selector: str, diagnostic: Diagnostic, rules: RuleSet) -> bool:
    rule = rules.get(diagnostic.code)
    if rule is None:
        return selector.upper() == diagnostic.code
    return specificity(selector, rule, diagnostic.sub_code) >= 0


@dataclass
class Usage:
    all_used: set[int] = field(default_factory=set)  # comments without codes that suppressed
    codes_used: dict[int, set[str]] = field(default_factory=dict)


def apply(
    diagnostics: Sequence[Diagnostic], regions: Sequence[Region], rules: RuleSet
) -> tuple[list[Diagnostic], Usage]:
    """The diagnostics no region switches off, and which comments and codes were needed."""
    usage = Usage()
    suppressed_at: set[int] = set()
    for index, diagnostic, covering in _covering(diagnostics, regions):
        line = diagnostic.start_pos.line
        suppressed = False
        for region in covering:
            if not region.first <= line <= region.last:
                continue
            if not region.codes:
                if any(_matches(x, diagnostic, rules) for x in region.excluded):
                    continue
                suppressed = True
                usage.all_used.add(region.comment)
                continue
            for code in region.codes:
                if _matches(code, diagnostic, rules):
                    suppressed = True
                    usage.codes_used.setdefault(region.comment, set()).add(code)
        if suppressed:
            suppressed_at.add(index)
    kept = [d for i, d in enumerate(diagnostics) if i not in suppressed_at]
    return kept, usage


def _covering(
    diagnostics: Sequence[Diagnostic], regions: Sequence[Region]
) -> Iterator[tuple[int, Diagnostic, list[Region]]]:
    """Each diagnostic with the regions that may cover its line, by one sweep over both
    sorted by line (not every region for every diagnostic)."""
    order = sorted(range(len(diagnostics)), key=lambda i: diagnostics[i].start_pos.line)
    by_first = sorted(regions, key=lambda r: r.first)
    active: list[Region] = []
    following = 0
    for index in order:
        line = diagnostics[index].start_pos.line
        grew = False
        while following < len(by_first) and by_first[following].first <= line:
            active.append(by_first[following])
            following += 1
            grew = True
        if grew or (active and active[0].last < line):
            active = [r for r in active if r.last >= line]
        yield index, diagnostics[index], active


def suppress(
    doc: Document,
    diagnostics: Sequence[Diagnostic],
    selection: Selection,
    rules: RuleSet,
    house: tuple[str, ...] = (),
) -> tuple[list[Diagnostic], list[Finding]]:
    """(diagnostics left, PL100 findings): the engine's whole use of this module."""
    parsed = parse(doc)
    if not parsed.comments:
        return list(diagnostics), []
    kept, usage = apply(diagnostics, parsed.regions, rules)
    findings: list[Finding] = []
    for index, comment in enumerate(parsed.comments):
        if comment.kind == "enable":
            if not parsed.closed_by.get(index):
                findings.append(
                    _remove(doc, comment, "nothing to enable: no disable comment before it is open")
                )
            continue
        if not comment.codes:
            if index not in usage.all_used:
                findings.append(
                    _unused_comment(
                        doc, parsed, index, "unused suppression: nothing here is reported"
                    )
                )
            continue
        if any(_names_unused_rule(c.text) for c in comment.codes):
            continue  # naming PL100 keeps the comment on purpose
        used = usage.codes_used.get(index, set())
        problems: list[str] = []
        stale: list[Code] = []
        for code in comment.codes:
            if not is_known(code.text, rules, house):
                hint = suggest(code.text, rules, house)
                problems.append(
                    f"unknown rule {code.text!r}" + (f" (did you mean {hint!r}?)" if hint else "")
                )
                stale.append(code)
            elif code.text not in used and selection.names_enabled(code.text, rules):
                problems.append(f"nothing here is reported for {code.text}")
                stale.append(code)
        if not stale:
            continue
        message = "unused suppression: " + "; ".join(problems)
        if len(stale) == len(comment.codes):
            findings.append(_unused_comment(doc, parsed, index, message))
        else:
            findings.append(_remove_codes(doc, comment, stale, message))
    return kept, _not_switched_off(findings, parsed, doc)


def _names_unused_rule(code: str) -> bool:
    """Only PL100 by code or name switches PL100 off (not ALL or PL: they are too broad)."""
    return code.upper() == UNUSED_CODE or code == "unused-suppression"


def _not_switched_off(findings: list[Finding], parsed: Parsed, doc: Document) -> list[Finding]:
    """PL100 findings minus those on lines whose comments name PL100 explicitly."""
    quiet = [r for r in parsed.regions if any(_names_unused_rule(c) for c in r.codes)]
    if not quiet:
        return findings
    lines = doc.source.lines
    return [
        f
        for f in findings
        if not any(r.first <= lines.position(f.start).line <= r.last for r in quiet)
    ]


def _removal_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The comment's whole line when it stands alone there; else it and the blanks before it."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = _LINE_END.search(text, end)
    assert line_end is not None
    if not text[line_start:start].strip() and not text[end : line_end.start()].strip():
        return line_start, line_end.end()
    before = text[line_start:start]
    return line_start + len(before.rstrip()), end


def _remove(doc: Document, comment: Comment, message: str) -> Finding:
    start, end = _removal_span(doc.text, comment.start, comment.end)
    return Finding(
        comment.start,
        comment.end,
        f"{message}; remove it",
        fix=Fix((Edit(start, end, ""),), message="Remove the comment"),
    )


def _unused_comment(doc: Document, parsed: Parsed, index: int, message: str) -> Finding:
    """Remove the comment, and the enable comment that closes only its range."""
    comment = parsed.comments[index]
    edits = [Edit(*_removal_span(doc.text, comment.start, comment.end), "")]
    for enable, closed in parsed.closed_by.items():
        partner = parsed.comments[enable]
        if closed == {index} and (not partner.codes or set(partner.names) <= set(comment.names)):
            edits.append(Edit(*_removal_span(doc.text, partner.start, partner.end), ""))
    edits.sort(key=lambda e: e.start)
    return Finding(
        comment.start,
        comment.end,
        f"{message}; remove the comment",
        fix=Fix(tuple(edits), message="Remove the comment"),
    )


def _remove_codes(doc: Document, comment: Comment, stale: list[Code], message: str) -> Finding:
    first, last = comment.codes[0], comment.codes[-1]
    separator = ", " if "," in doc.text[first.start : last.end] else " "
    rest = separator.join(c.text for c in comment.codes if c not in stale)
    fix = Fix(
        (Edit(first.start, last.end, rest),), message="Remove " + ", ".join(c.text for c in stale)
    )
    return Finding(
        comment.start,
        comment.end,
        f"{message}; remove {'it' if len(stale) == 1 else 'them'} from the comment",
        fix=fix,
    )
