"""Code actions for one checked post: pure functions from what was checked to LSP edits.

- apply one diagnostic's fix (safe, or labelled unsafe);
- fix all safe problems in the file (the same passes as ``postlint check --fix``);
- disable the rule on this line, in the comment form of the line's place: Markdown comments in
  the body, ``# postlint: disable=CODE`` in YAML or TOML front matter (see postlint.core.suppress);
- add the diagnostic's word or phrase to the project vocabulary (a command: the server writes
  the file that ``postlint check`` reads).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass

from lsprotocol import types

from postlint.core.diagnostic import Diagnostic, Edit
from postlint.core.document import Document
from postlint.core.engine import Linter
from postlint.core.frontmatter import Block, Kind
from postlint.core.source import SourceFile
from postlint.core.vocabulary import REJECTED_CODE, WORD_RULES
from postlint.interfaces.server.convert import Converter

ADD_TO_VOCABULARY = "postlint.addToVocabulary"
FIX_ALL_KIND = "source.fixAll.postlint"
_NEXT_LINE = re.compile(r"^[ \t]*<!--[ \t]*postlint-disable-next-line\b[^>\r\n]*?([ \t]*)-->")
_YAML = re.compile(r"#[ \t]*postlint:[ \t]*disable[ \t]*=[ \t]*[\w.,\- \t]*[\w.-]")
_PARAGRAPH_START = re.compile(r"[^\W_]|[#*_\"“‘'(]")  # a line that starts a paragraph or heading
_TERM = re.compile(r"[^\W\d_][\w'’.\- ]*")
MAX_TERM_LENGTH = 60
MAX_TERM_WORDS = 5


@dataclass(frozen=True)
class Checked:
    """One buffer as linted: the state every action and hover is computed from."""

    uri: str
    version: int | None
    linter: Linter
    source: SourceFile
    converter: Converter
    diagnostics: tuple[tuple[Diagnostic, types.Diagnostic], ...]


def text_edit(checked: Checked, edit: Edit) -> types.TextEdit:
    return types.TextEdit(checked.converter.range(edit.start, edit.end), edit.replacement)


def _workspace_edit(checked: Checked, edits: list[Edit]) -> types.WorkspaceEdit:
    return types.WorkspaceEdit(changes={checked.uri: [text_edit(checked, e) for e in edits]})


def actions(checked: Checked, start: int, end: int) -> list[types.CodeAction]:
    """Every action for the diagnostics touching ``start``..``end``, then fix-all."""
    found: list[types.CodeAction] = []
    for diagnostic, lsp in checked.diagnostics:
        if diagnostic.start <= end and start <= max(diagnostic.end, diagnostic.start):
            found.extend(_for_diagnostic(checked, diagnostic, lsp))
    everything = fix_all(checked)
    if everything is not None:
        found.append(everything)
    return found


def _for_diagnostic(
    checked: Checked, diagnostic: Diagnostic, lsp: types.Diagnostic
) -> Iterator[types.CodeAction]:
    fix = diagnostic.fix
    if fix is not None and fix.edits and _fix_applies(checked, list(fix.edits)):
        what = fix.message or f"Fix {diagnostic.code}"
        yield types.CodeAction(
            title=f"{what} ({diagnostic.code}{'' if fix.safe else ', unsafe'})",
            kind=types.CodeActionKind.QuickFix,
            diagnostics=[lsp],
            is_preferred=fix.safe,
            edit=_workspace_edit(checked, list(fix.edits)),
        )
    disable = disable_edit(checked, diagnostic)
    if disable is not None:
        yield types.CodeAction(
            title=f"Disable {diagnostic.selector} on this line",
            kind=types.CodeActionKind.QuickFix,
            diagnostics=[lsp],
            edit=_workspace_edit(checked, [disable]),
        )
    term = vocabulary_term(checked, diagnostic)
    if term is not None:
        yield types.CodeAction(
            title=f"Add '{term}' to the project vocabulary",
            kind=types.CodeActionKind.QuickFix,
            diagnostics=[lsp],
            command=types.Command(
                title=f"Add '{term}' to the project vocabulary",
                command=ADD_TO_VOCABULARY,
                arguments=[checked.uri, term],
            ),
        )


def _fix_applies(checked: Checked, edits: list[Edit]) -> bool:
    """The fix's edits fit the text and leave the rest of the front matter as it was (the
    guard ``--fix`` uses: a fix it would refuse is not offered)."""
    from postlint.core.fix import OverlappingEdits, apply_edits, front_matter_change

    text = checked.source.text
    try:
        new = apply_edits(text, edits)
    except (OverlappingEdits, ValueError):
        return False
    return front_matter_change(text, new, edits) is None


def fix_all(checked: Checked) -> types.CodeAction | None:
    """One edit that applies every safe fix, as ``postlint check --fix`` would."""
    from postlint.core.fix import fix_source

    if not any(d.fix is not None and d.fix.safe and d.fix.edits for d, _ in checked.diagnostics):
        return None
    outcome = fix_source(checked.linter, checked.source)
    if not outcome.changed:
        return None
    edit = minimal_edit(checked.source.text, outcome.text)
    return types.CodeAction(
        title=f"Fix all safe problems in this file (postlint: {outcome.fixed})",
        kind=FIX_ALL_KIND,
        edit=_workspace_edit(checked, [edit]),
    )


def minimal_edit(old: str, new: str) -> Edit:
    """One edit turning ``old`` into ``new``: the differing middle, common ends kept."""
    prefix = 0
    limit = min(len(old), len(new))
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    return Edit(prefix, len(old) - suffix, new[prefix : len(new) - suffix])


# --- disable on this line ---------------------------------------------------------------------


def disable_edit(checked: Checked, diagnostic: Diagnostic) -> Edit | None:
    """The edit that switches ``diagnostic`` off on its line, or None where no comment can."""
    source = checked.source
    doc = Document(source)
    line = diagnostic.start_pos.line
    lines = source.lines
    line_start, line_end = lines.line_span(line)
    block = doc.block
    selector = diagnostic.selector
    if block is not None and line_start < block.body_start:
        if not block.content_start <= line_start < block.content_end:
            return None  # a fence line: a comment there would break the front matter
        return _front_matter_edit(source.text, block, line_start, line_end, selector)
    if any(b.kind == "code" and b.start <= diagnostic.start < b.end for b in doc.blocks):
        return None  # comments in code are examples, not suppressions
    return _markdown_edit(source, block, line, selector)


def _front_matter_edit(
    text: str, block: Block, line_start: int, line_end: int, selector: str
) -> Edit | None:
    kind = block.kind
    if kind not in (Kind.YAML, Kind.TOML):
        return None  # JSON has no comments
    existing = _YAML.search(text, line_start, line_end)
    if existing is not None:
        edit = Edit(existing.end(), existing.end(), f",{selector}")
    else:
        edit = Edit(line_end, line_end, f"  # postlint: disable={selector}")
    before = text[block.content_start : block.content_end]
    at = edit.start - block.content_start
    after = before[:at] + edit.replacement + before[at:]
    return edit if _same_data(kind, before, after) else None


def _same_data(kind: Kind, before: str, after: str) -> bool:
    """A comment must not change a value (it would, inside a block scalar or multi-line
    string): the front matter loads to the same data with it."""
    import yaml

    try:
        if kind == Kind.TOML:
            return tomllib.loads(before) == tomllib.loads(after)
        return bool(yaml.safe_load(before) == yaml.safe_load(after))
    except Exception:  # unparsable before or after, or too deep to compare: offer nothing
        return False


def _markdown_edit(
    source: SourceFile, block: Block | None, line: int, selector: str
) -> Edit | None:
    """A comment line before a paragraph or heading that starts after a blank line; else a
    disable/enable pair at the end of the line (a comment line inside a paragraph would split
    it: an HTML comment interrupts a paragraph in CommonMark)."""
    lines = source.lines
    line_start, line_end = lines.line_span(line)
    previous = lines.line_text(line - 1) if line > 1 else None
    body_start = block.body_start if block is not None else None
    if previous is not None:
        existing = _NEXT_LINE.match(previous)
        if existing is not None:
            at = lines.line_span(line - 1)[0] + existing.start(1)
            return Edit(at, at, f" {selector}")
    clean = previous is not None and (not previous.strip() or line_start == body_start)
    if clean and _PARAGRAPH_START.match(source.text, line_start):
        comment = f"<!-- postlint-disable-next-line {selector} -->{source.newline}"
        return Edit(line_start, line_start, comment)
    pair = f" <!-- postlint-disable {selector} --><!-- postlint-enable {selector} -->"
    return Edit(line_end, line_end, pair)


# --- vocabulary -------------------------------------------------------------------------------


def vocabulary_term(checked: Checked, diagnostic: Diagnostic) -> str | None:
    """The word or short phrase a word rule reported, when it could be a vocabulary entry."""
    if checked.linter.config.vocabulary is None or not diagnostic.code.startswith(WORD_RULES):
        return None
    term = " ".join(checked.source.text[diagnostic.start : diagnostic.end].split())
    if diagnostic.code == REJECTED_CODE or (
        len(term) <= MAX_TERM_LENGTH
        and len(term.split()) <= MAX_TERM_WORDS
        and _TERM.fullmatch(term) is not None
    ):
        return term or None
    return None
