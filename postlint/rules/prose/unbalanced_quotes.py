"""A quotation that is opened and never closed, or closed and never opened.

## What it does
Pairs the double quotation marks (straight `"` and curly “ ”) of each paragraph and heading and
reports the mark left over: an opening mark whose quotation never ends, or a closing mark with
no quotation to close. Masked text (code, URLs, HTML, template tags) is not read.

The defect: a reader cannot tell where a quotation ends (or begins). It is certain when a mark
pairs with nothing before the next heading or the end of the post.

Quotations may run over several paragraphs. The usual convention is accepted: a paragraph that
leaves a quotation open is fine when the next paragraph opens with a quotation mark (a plain
paragraph that does not is reported: the quotation was never closed), and a quotation set off
by a colon ("From her nomination:" and three quoted paragraphs, the last one closed) may run
on without it. A quotation may also run into a list or a block quote, and on after it, as
long as a closing mark ends it before the next heading. A closing mark directly after a bare
URL counts, though an autolinker may take it into the link. A curly mark typed the wrong way round still pairs (the direction is judged by the
characters around it), marks written as entities (`&#8220;`, `&rdquo;`) count as the marks
they show, an inch mark after a digit (`15"`, `13” MacBook`) is not a quotation, and single
quotes are not checked: they cannot be told apart from apostrophes.

## Why is this bad?
Readers cannot tell where a quotation ends, so words may be put in the wrong mouth; in copy that
went through a pipeline it usually means text was cut or marks were mangled.

## Example
```markdown
---
title: A post
---

"We are close to a deal, he said on Tuesday.
```

## Use instead
```markdown
---
title: A post
---

"We are close to a deal," he said on Tuesday.

"The essential question is security," she said. "Who will give those guarantees?

"If the answers are weak, it sets up another crisis."
```

## Fix
None: only the author knows where the quotation ends.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from postlint.core.diagnostic import Finding, Severity
from postlint.core.document import Document
from postlint.core.prose_view import MASK, Block
from postlint.core.rule import NoOptions, Rule
from postlint.rules.prose._text import occurrences

_MARK = re.compile(r"[\"“”]")
# Before an opening mark: the start of a line, space, an opening bracket or a dash.
_OPEN_BEFORE = frozenset("([{<—–-/*_“‘")
# After a closing mark: space, punctuation, a closing bracket or the end of the block.
_CLOSE_AFTER = frozenset(".,;:!?)]}>—–*_”’'\"")
# A block that opens with a quotation mark (after list or block-quote markers and emphasis).
_LEADING_MARK = re.compile(r"(?:[ \t]*(?:>|[-+*]|\d{1,9}[.)])(?=[ \t]))*[ \t>]*[*_]*([\"“”])")

OPEN, CLOSE, EITHER = "open", "close", "either"


@dataclass(frozen=True)
class Leftover:
    """A mark that pairs with nothing."""

    offset: int
    kind: str  # OPEN or CLOSE


def _role(prose: str, at: int, block: Block) -> str | None:
    """OPEN, CLOSE or EITHER for the mark at ``at``, judged by its neighbours; None: no quote."""
    before = prose[at - 1] if at > block.start else " "
    after = prose[at + 1] if at + 1 < block.end else " "
    opens = before.isspace() or before in _OPEN_BEFORE
    closes = after.isspace() or (after in _CLOSE_AFTER and prose[at + 1 : at + 3] != "..")
    mark = prose[at]
    if mark == "“":
        return CLOSE if closes and not opens else OPEN
    if mark == "”" and not (before.isdigit() and closes):
        return OPEN if opens and not closes else CLOSE
    if before.isdigit() and closes and mark in '"”':
        return None  # 15" or 13” MacBook: a measurement, unless it ends a quotation (checked later)
    if opens and not closes:
        return OPEN
    if closes and not opens:
        return CLOSE
    return EITHER


# Quotation marks written as character references: the same marks to the reader.
_ENTITY_MARK = re.compile(r"&(?:#8220|#x201[cC]|ldquo|#8221|#x201[dD]|rdquo|quot|#34|#x22);")
_ENTITY_CHAR = {"8220": "“", "201c": "“", "ldquo": "“", "8221": "”", "201d": "”", "rdquo": "”"}


def _with_entity_marks(prose: str) -> str:
    """``prose`` with each quotation-mark entity as its mark (at its end; offsets kept)."""
    if "&" not in prose:
        return prose

    def mark(match: re.Match[str]) -> str:
        name = match.group(0)[1:-1].lstrip("#").lower().lstrip("x")
        return "\ufffc" * (len(match.group(0)) - 1) + _ENTITY_CHAR.get(name, '"')

    return _ENTITY_MARK.sub(mark, prose)


@dataclass
class _Scan:
    """Pairing state carried from block to block (one scan per document)."""

    stack: list[int] = field(default_factory=list)  # offsets of the marks still open
    carried: bool = False  # the outermost quotation was left open by an earlier block
    html_quote: bool = False  # an HTML block just before may have opened a quotation


def _scan_block(prose: str, block: Block, state: _Scan) -> Iterator[Leftover]:
    """Pair the marks of one block, continuing ``state``; yield the marks that pair with none."""
    if not _holds_mark(prose, block.start, block.end):
        return  # most blocks: nothing to pair, and no mark to re-open a quotation with
    stack = state.stack
    skip = -1
    if stack:
        leading = _LEADING_MARK.match(prose, block.start, block.end)
        if leading is not None and _role(prose, leading.start(1), block) != CLOSE:
            skip = leading.start(1)  # the mark that re-opens a quotation running on
            stack[-1], state.carried = skip, False
    marks = [match.start() for match in _MARK.finditer(prose, block.start, block.end)]
    for index, at in enumerate(marks):
        role = _role(prose, at, block)
        if at == skip or (role is None and not stack):
            continue
        if role is None and (len(marks) - index - 1) % 2 == 1:
            # 'a 15" screen," he said': an inch mark, since an odd number of marks follow and
            # one of them must close the quotation (counted once per block: linear time)
            continue
        if state.carried:
            # A quotation running on from an earlier block ends at its first closing mark; an
            # opening mark first means it was never closed.
            state.carried = False
            if role == OPEN:
                yield Leftover(stack.pop(), OPEN)
                stack.append(at)
            else:
                stack.pop()
            continue
        if role == OPEN or (role == EITHER and not stack):
            stack.append(at)  # a quotation opens (possibly inside another)
        elif stack:
            stack.pop()
        elif state.html_quote:
            state.html_quote = False  # closes a quotation left open by an HTML block before
        else:
            yield Leftover(at, CLOSE)


def _holds_mark(prose: str, start: int, end: int) -> bool:
    """Does ``prose[start:end]`` hold a quotation mark (three substring searches, no slice)?"""
    return (
        prose.find('"', start, end) >= 0
        or prose.find("“", start, end) >= 0
        or prose.find("”", start, end) >= 0
    )


def _breaks_quotation(prose: str, previous: Block, block: Block) -> bool:
    """A plain paragraph after a plain paragraph must reopen a quotation that runs on."""
    plain = (False, False)
    return (
        block.kind == previous.kind == "paragraph"
        and (previous.in_list, previous.in_blockquote) == plain
        and (block.in_list, block.in_blockquote) == plain
        and _LEADING_MARK.match(prose, block.start, block.end) is None
    )


def _introduces(prose: str, block: Block | None) -> bool:
    """A block ending in a colon: the quotation after it is set off and may run on."""
    return block is not None and prose[block.start : block.end].rstrip("\ufffc \t\r\n*_").endswith(
        ":"
    )


def unbalanced(prose: str, blocks: tuple[Block, ...]) -> Iterator[Leftover]:
    """The unpaired marks of a body, in order, with quotations allowed to run on."""
    state = _Scan()
    # The block before the open quotation, and whether it ends in a colon ("From her
    # nomination:"): judged only when a quotation runs on (most blocks carry none).
    lead_in: Block | None = None
    introduced: bool | None = None
    for index, block in enumerate(blocks):
        previous = blocks[index - 1] if index else None
        if not state.carried:
            lead_in, introduced = previous, None
        elif previous is not None:
            if introduced is None:
                introduced = _introduces(prose, lead_in)
            if not introduced and _breaks_quotation(prose, previous, block):
                yield from (Leftover(at, OPEN) for at in state.stack)
                state = _Scan()
        if block.kind == "heading":
            yield from (Leftover(at, OPEN) for at in state.stack)  # no quotation runs past it
            state = _Scan()
            yield from _scan_block(prose, block, state)
            yield from (Leftover(at, OPEN) for at in state.stack)
            state = _Scan()
            continue
        if block.kind == "html":
            inner = _Scan()
            for _ in _scan_block(prose, block, inner):
                pass  # marks inside HTML are not reported, only followed
            state.html_quote = state.html_quote or bool(inner.stack)
            continue
        if block.kind != "paragraph":
            continue  # lists' paragraphs are paragraphs; tables and code are not read
        yield from _scan_block(prose, block, state)
        # Only the outermost quotation may run on into the next block.
        if len(state.stack) > 1:
            yield from (Leftover(at, OPEN) for at in state.stack[1:])
            del state.stack[1:]
        state.carried = bool(state.stack)
    yield from (Leftover(at, OPEN) for at in state.stack)  # the post ends inside a quotation


_BARE_URL = ("http://", "https://", "www.")
_URL_LOOK = 2048  # longer than any URL worth reading


def _with_marks_after_urls(text: str, prose: str) -> str:
    """``prose`` with a closing mark that a bare URL's mask swallowed shown again.

    "... at https://example.gov/page”" closes its quotation for the reader, whatever the
    autolinker takes into the link.
    """
    marks = []
    for match in _on_url_lines(text):
        at = match.start()
        after = match.end()  # the masked run must end here (or after closing markup)
        while after < len(prose) and text[after] in "*_)]" and prose[after] == MASK:
            after += 1
        if prose[at] != MASK or (after < len(prose) and prose[after] == MASK):
            continue
        space = max(text.rfind(" ", max(0, at - _URL_LOOK), at), text.rfind("\n", 0, at))
        if text.startswith(_BARE_URL, space + 1):
            marks.append(at)
    if not marks:
        return prose
    chars = list(prose)
    for at in marks:
        chars[at] = text[at]
    return "".join(chars)


def _on_url_lines(text: str) -> Iterator[re.Match[str]]:
    r"""``_CLOSING_AFTER_URL.finditer(text)``, less the matches no bare URL can own: only the
    text from each bare URL's start (at the text's start or after a space or a line feed) to
    the end of its line is searched.

    Why no kept mark is lost: a mark is kept only when a bare URL starts just after the last
    space or line feed before it, so with no line feed between the URL's start and the mark.
    The search of a line stops before its line feed, where ``$`` then matches as ``\s`` did,
    and the look-behind still reads the text before the search's start. The lines are
    searched in order, each once, so the matches come in the same order."""
    starts = sorted(
        at
        for needle in _BARE_URL
        for at in occurrences(text, needle)
        if at == 0 or text[at - 1] in " \n"
    )
    done = 0
    for start in starts:
        if start < done:
            continue  # on a line already searched
        done = text.find("\n", start)
        if done < 0:
            done = len(text)
        yield from _CLOSING_AFTER_URL.finditer(text, start, done)


# The mark first, then the character before it: Python's regex engine skips ahead to the next
# mark instead of trying the look-behind at every position. The run of closing markup cannot
# give back a character to ``\s`` or the end, so it is possessive; each try reads only the
# markup after one mark (no mark in it): linear.
_CLOSING_AFTER_URL = re.compile(r"[”\"](?<=[\w/][”\"])(?=[*_)\]]*+(?:\s|$))")


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    body = doc.body_start
    blocks = tuple(b for b in doc.view.blocks if b.start >= body)
    prose = _with_marks_after_urls(doc.text, _with_entity_marks(doc.prose))
    for leftover in unbalanced(prose, blocks):
        if leftover.kind == OPEN:
            message = (
                "this quotation is never closed: add the closing mark where it ends "
                "(a quotation that runs on opens the next paragraph with a mark)"
            )
        else:
            message = (
                "this mark closes a quotation that was never opened: "
                "add the opening mark or delete this one"
            )
        yield Finding(leftover.offset, leftover.offset + 1, message)


RULE = Rule(
    code="PR107",
    supersedes=("PS001",),  # on the same span, this rule says more than proselint
    name="unbalanced-quotes",
    summary="A quotation mark is never closed (or never opened) in its paragraph",
    severity=Severity.WARNING,
    check=check,
)
