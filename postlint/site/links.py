"""The links in a post's body, each with the exact span of its target, code left out.

Markdown inline links and images, reference definitions, HTML `href`/`src`, Jekyll's
`{% post_url %}` and `{% link %}` tags and Hugo's `ref`/`relref` shortcodes. Fenced and
indented code blocks (from the prose view's block map) and code spans are skipped. Every
pattern is a single pass without nested repetition.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from postlint.core.document import Document

# A destination, then an optional title, then the closing parenthesis: `[a](b "c")`.
_INLINE = re.compile(
    r"\]\([ \t]*<?([^\s()<>]+)>?(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?[ \t]*\)"
)
_REFERENCE = re.compile(r"^ {0,3}\[([^\]\n^][^\]\n]*)\]:[ \t]*<?([^\s<>]+)", re.MULTILINE)
_LABEL = re.compile(r"\[([^\[\]\n]{1,200})\]")
_COMMENT_OPEN = "<!--"
_COMMENT_CLOSE = "-->"
_HTML = re.compile(r"""\b(?:href|src)[ \t]*=[ \t]*["']([^"'<>\s]+)["']""", re.IGNORECASE)
_LIQUID = re.compile(r"\{%-?[ \t]*(post_url|link)[ \t]+([^\s%}]+)[ \t]*-?%\}")
_HUGO = re.compile(
    r"""\{\{[<%][ \t]*(ref|relref)[ \t]+(?:path=)?["']?([^"'\s<>%}]+)["']?[ \t]*[>%]\}\}"""
)
_TICKS = re.compile(r"`+")
# What every match of a pattern holds, found far faster than the pattern (a case-blind `\b`
# alternation is tried at every word): a region without it is not searched.
_HTML_EQUALS = re.compile(r"""=[ \t]*["']""")


def _may_match(pattern: re.Pattern[str], text: str, start: int, end: int) -> bool:
    if pattern is _HTML:
        return _HTML_EQUALS.search(text, start, end) is not None
    if pattern is _REFERENCE:
        return text.find("]:", start, end) != -1
    return True


@dataclass(frozen=True)
class Link:
    kind: str  # "link" (Markdown or HTML), "image", "post_url", "link_tag", "ref"
    target: str
    start: int  # the target's span in the file
    end: int


def _code_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Backtick code spans in ``text[start:end]``, paired greedily (linear)."""
    spans: list[tuple[int, int]] = []
    if text.find("`", start, end) == -1:
        return spans
    opened, width = -1, 0  # the open run's start and length
    for run in _TICKS.finditer(text, start, end):
        at, after = run.span()
        if opened < 0:
            opened, width = at, after - at
        elif after - at == width:
            spans.append((opened, after))
            opened = -1
    return spans


def _regions(doc: Document) -> list[tuple[int, int]]:
    """The body without its code blocks and HTML comments (neither is rendered as links)."""
    hidden = [(b.start, b.end) for b in doc.blocks if b.kind == "code"]
    text = doc.text
    at = text.find(_COMMENT_OPEN, doc.body_start)
    while at != -1:
        close = text.find(_COMMENT_CLOSE, at + len(_COMMENT_OPEN))
        end = len(text) if close == -1 else close + len(_COMMENT_CLOSE)
        hidden.append((at, end))
        at = text.find(_COMMENT_OPEN, end)
    regions: list[tuple[int, int]] = []
    cursor = doc.body_start
    for start, end in sorted(hidden):
        if start > cursor:
            regions.append((cursor, start))
        cursor = max(cursor, end)
    if cursor < len(text):
        regions.append((cursor, len(text)))
    return regions


def _used_labels(text: str, start: int) -> dict[str, int]:
    """How often each `[label]` appears (a reference definition counts once itself)."""
    counts: dict[str, int] = {}
    for match in _LABEL.finditer(text, start):
        label = " ".join(match.group(1).split()).casefold()
        counts[label] = counts.get(label, 0) + 1
    return counts


def links(doc: Document) -> tuple[Link, ...]:
    """The post's links, found once per document (several site rules read them)."""
    return doc.view.analysis(_ANALYSIS, lambda: tuple(_scan(doc)))


_ANALYSIS = "postlint.site.links"


def _scan(doc: Document) -> Iterator[Link]:
    text = doc.text
    labels: dict[str, int] | None = None
    for start, end in _regions(doc):
        code = _code_spans(text, start, end)

        starts = [a for a, _ in code]

        def in_code(
            offset: int, code: list[tuple[int, int]] = code, starts: list[int] = starts
        ) -> bool:
            index = bisect.bisect_right(starts, offset) - 1  # spans are sorted and disjoint
            return index >= 0 and offset < code[index][1]

        for match in _LIQUID.finditer(text, start, end):
            if not in_code(match.start()):
                kind = "post_url" if match.group(1) == "post_url" else "link_tag"
                yield Link(kind, match.group(2), match.start(2), match.end(2))
        for match in _HUGO.finditer(text, start, end):
            if not in_code(match.start()):
                yield Link("ref", match.group(2), match.start(2), match.end(2))
        for pattern in (_INLINE, _REFERENCE, _HTML):
            if not _may_match(pattern, text, start, end):
                continue
            group = 2 if pattern is _REFERENCE else 1
            for match in pattern.finditer(text, start, end):
                target = match.group(group)
                if in_code(match.start()) or target.startswith(("{{", "{%")):
                    continue
                if pattern is _REFERENCE:
                    if labels is None:
                        labels = _used_labels(text, doc.body_start)
                    if labels.get(" ".join(match.group(1).split()).casefold(), 0) < 2:
                        continue  # an unused definition renders nothing
                before = text[max(start, match.start() - 200) : match.start()]
                opening = before.rfind("[")
                if pattern is _INLINE and opening > 0 and before[opening - 1] == "]":
                    continue  # `[text][label](words)`: a reference link, then plain text
                image = pattern is _INLINE and opening > 0 and before[opening - 1] == "!"
                html_image = pattern is _HTML and match.group(0)[:3].lower() == "src"
                kind = "image" if image or html_image else "link"
                yield Link(kind, target, match.start(group), match.end(group))
