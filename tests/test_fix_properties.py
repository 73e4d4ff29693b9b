"""Property tests: fixing changes only the edited spans, byte for byte, and is idempotent.

Posts are generated with LF or CRLF, with or without a BOM, non-ASCII text (accents, combining
marks, CJK, emoji), front matter in several quoting styles with comments, and planted defects
for the real rules (repeated words, mojibake, entities, trailing blanks, final newlines, a
headline label, a spliced lede) and for the awkward test rules of ``fix_rules`` (overlapping
fixes, fixes of two edits, two insertions at one point, a front-matter fix YAML would misread).

Every pass is checked on its own (its fixes come from diagnostics of the text it started from,
none overlaps another, each is applied whole) and the whole run end to end: every byte of the
original file outside the edited spans is found, unchanged and in order, in the fixed file.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

import fix_rules
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from postlint.core import frontmatter
from postlint.core.config import Config
from postlint.core.diagnostic import Edit
from postlint.core.engine import Linter
from postlint.core.fix import (
    FixOutcome,
    applicable,
    apply_edits,
    edits_overlap,
    fix_file,
    fix_source,
)
from postlint.core.rule import RuleSet
from postlint.core.source import UTF8_BOM, SourceFile

REAL = Linter(Config())  # built once: these tests lint thousands of posts
AWKWARD = fix_rules.linter(*fix_rules.SETTLING)

WORDS = ["peace", "talks", "the", "café", "Kyiv", "naïve", "e\u0301te\u0301", "日本", "deal"]
WORDS += ["It", "Big", "🇺🇦", "Zürich", "über", "ĳ", "said", "a"]
REAL_DEFECTS = ["the the", "wasnâ€™t", "isn&#8217;t", "Tom &amp; Jerry", "NATO Nato NATO"]
REAL_DEFECTS += ["It has been recently reported that Are we any closer?", "trailing \t"]
AWKWARD_DEFECTS = ['"quoted words"', "a   b", "\u201cunclosed", "very big", "x  \t y", "(hash)"]
TITLES = ["Plain words", "Big News: Talks resume", "Breaking: café (hash) x", "(hash) and (hash)"]
TITLES += ["Tom &amp; Jerry", "It's über"]


@st.composite
def posts(draw: st.DrawFn, defects: list[str]) -> bytes:
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    title = draw(st.sampled_from(TITLES))
    style = draw(st.sampled_from(["double", "single", "plain"]))
    if style == "double":
        shown = f'"{title}"'
    elif style == "single":
        shown = "'" + title.replace("'", "''") + "'"
    else:
        shown = title
    excerpt = " ".join(draw(st.lists(st.sampled_from(WORDS + defects), min_size=1, max_size=4)))
    fm = [
        "---",
        f"title: {shown}  # the headline",
        "# a comment the fixer must keep",
        f'excerpt: "{excerpt}"',
        "tags: [a,  b]",
        "---",
    ]
    paragraphs = []
    for _ in range(draw(st.integers(1, 6))):
        parts = draw(st.lists(st.sampled_from(WORDS + defects), min_size=1, max_size=8))
        end = draw(st.sampled_from(["", ".", "?", "  ", " \t"]))
        paragraphs.append(" ".join(parts) + end)
    text = newline.join(fm) + newline * 2 + (newline * 2).join(paragraphs)
    text += draw(st.sampled_from(["", newline, newline * 3, " " + newline]))
    data = text.encode("utf-8")
    return UTF8_BOM + data if draw(st.booleans()) else data


def _surviving(length: int, passes: list[list[Edit]]) -> list[tuple[int, int, int]]:
    """Original spans no pass edited: (start, end) in the original, start in the final text."""
    segments = [(0, length, 0)]
    for edits in passes:
        ordered = sorted(edits, key=lambda e: (e.start, e.end))
        moved: list[tuple[int, int, int]] = []
        for orig_start, orig_end, cur_start in segments:
            pieces = [(cur_start, cur_start + orig_end - orig_start)]
            for edit in ordered:  # cut each edit out (an insertion splits a piece in two)
                cut: list[tuple[int, int]] = []
                for a, b in pieces:
                    if edit.start == edit.end and a < edit.start < b:
                        cut += [(a, edit.start), (edit.start, b)]
                    elif edit.start < b and a < edit.end:
                        cut += [(a, max(a, edit.start)), (min(b, edit.end), b)]
                    else:
                        cut.append((a, b))
                pieces = [(a, b) for a, b in cut if a < b]
            for a, b in pieces:
                shift = sum(len(e.replacement) - (e.end - e.start) for e in ordered if e.end <= a)
                moved.append((orig_start + a - cur_start, orig_start + b - cur_start, a + shift))
        segments = moved
    return segments


def _check_pass(before: str, after: str, edits: list[Edit]) -> None:
    """``after`` is ``before`` with exactly these edits: gaps and replacements where they belong."""
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    delta, cursor = 0, 0
    for edit in ordered:
        gap = before[cursor : edit.start]
        assert after[cursor + delta : cursor + delta + len(gap)] == gap
        at = edit.start + delta
        assert after[at : at + len(edit.replacement)] == edit.replacement
        delta += len(edit.replacement) - (edit.end - edit.start)
        cursor = edit.end
    assert after[cursor + delta :] == before[cursor:]
    assert len(after) == len(before) + delta


def _byte_at(text: str, offset: int, bom: bool) -> int:
    return len(text[:offset].encode("utf-8")) + (len(UTF8_BOM) if bom else 0)


def check_fixing(linter: Linter, data: bytes, unsafe: bool) -> FixOutcome:
    """Every property of one run of the fixer over ``data``."""
    source = SourceFile.from_bytes("post.md", data)
    outcome = fix_source(linter, source, unsafe=unsafe)
    text = source.text
    passes: list[list[Edit]] = []
    for fix_pass in outcome.passes:
        offered = {
            applicable(d, unsafe)
            for d in linter.lint_source(SourceFile("post.md", text)).diagnostics
        }
        assert all(fix in offered for fix in fix_pass.fixes), "a fix no diagnostic offered"
        edits = [e for fix in fix_pass.fixes for e in fix.edits]
        for i, a in enumerate(edits):
            assert all(not edits_overlap(a, b) for b in edits[i + 1 :]), "overlapping edits"
        after = apply_edits(text, edits)
        _check_pass(text, after, edits)
        passes.append(edits)
        text = after
    assert text == outcome.text
    fixed = source.to_bytes(outcome.text)
    # Every byte outside the edits is still there, unchanged, in order.
    for start, end, new_start in _surviving(len(source.text), passes):
        old_b, new_b = (
            _byte_at(source.text, start, source.bom),
            _byte_at(text, new_start, source.bom),
        )
        length = len(source.text[start:end].encode("utf-8"))
        assert fixed[new_b : new_b + length] == data[old_b : old_b + length]
    assert fixed.startswith(UTF8_BOM) == data.startswith(UTF8_BOM)
    if "\n" not in source.text.replace("\r\n", ""):  # a pure CRLF file stays pure CRLF
        assert "\n" not in outcome.text.replace("\r\n", "")
    if "\r" not in source.text:
        assert "\r" not in outcome.text
    # Front matter that loaded before still loads after.
    block = frontmatter.split(source.text)
    if block is not None and frontmatter.parse(source.text, block).parsed:
        new_block = frontmatter.split(outcome.text)
        assert new_block is not None and frontmatter.parse(outcome.text, new_block).parsed
    # Settled and idempotent: nothing fixable is left, and fixing again changes nothing.
    assert outcome.settled
    assert not [d for d in outcome.remaining if applicable(d, unsafe) is not None]
    again = fix_source(linter, SourceFile("post.md", outcome.text, source.bom), unsafe=unsafe)
    assert again.text == outcome.text and again.fixed == 0
    assert outcome.fixed == sum(p.fixed for p in outcome.passes)
    assert outcome.result.fixed == outcome.fixed
    assert outcome.result.fixed_text == (outcome.text if outcome.changed else None)
    return outcome


ALL = Linter(Config(), rules=RuleSet((*REAL.rules, *fix_rules.SETTLING)))

# benchmarks/fuzz.py raises every count for a long campaign outside CI.
CAMPAIGN = int(os.environ.get("POSTLINT_FUZZ_EXAMPLES", "0"))
FEW = settings(
    max_examples=CAMPAIGN or 60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
MANY = settings(
    max_examples=CAMPAIGN or 300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@FEW
@given(posts(REAL_DEFECTS), st.booleans())
def test_real_rules_change_only_their_spans_and_settle(data: bytes, unsafe: bool) -> None:
    check_fixing(REAL, data, unsafe)


@MANY
@given(posts(AWKWARD_DEFECTS), st.booleans())
def test_overlapping_and_multi_edit_fixes_change_only_their_spans(
    data: bytes, unsafe: bool
) -> None:
    outcome = check_fixing(AWKWARD, data, unsafe)
    # The front-matter guard: a refused fix leaves no fix behind and says why.
    for d in outcome.remaining:
        if d.code == "PL009":
            assert "not applied" in d.message and "title" in d.message


# Three equal paragraphs (a refrain PR109 leaves alone): a PR108 fix in one alone would make
# the other two a repeated paragraph, so each is refused; once another rule's fixes changed
# the text they were still refused, and a second --fix applied them (not idempotent).
REFRAIN = (
    b'---\ntitle: "Plain words"  # the headline\n# a comment the fixer must keep\n'
    b'excerpt: "peace"\ntags: [a,  b]\n---\n\n'
    + b"\n\n".join(
        [b"the the peace peace peace the the wasn\xc3\xa2\xe2\x82\xac\xe2\x84\xa2t peace peace"] * 3
    )
    + b"  "
)


@FEW
@given(posts(REAL_DEFECTS + AWKWARD_DEFECTS), st.booleans())
@example(REFRAIN, False)
def test_all_rules_together(data: bytes, unsafe: bool) -> None:
    check_fixing(ALL, data, unsafe)


@settings(
    max_examples=CAMPAIGN // 10 or 25, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(posts(REAL_DEFECTS + AWKWARD_DEFECTS), st.sampled_from([0o644, 0o600, 0o664, 0o755]))
def test_fixed_file_on_disk_is_the_fixed_text_with_its_mode(data: bytes, mode: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "post.md"
        path.write_bytes(data)
        path.chmod(mode)
        result = fix_file(AWKWARD, path, "post.md", unsafe=True, write=True)
        expected = fix_source(AWKWARD, SourceFile.from_bytes("post.md", data), unsafe=True)
        assert path.read_bytes() == expected.source.to_bytes(expected.text)
        assert result.result.fixed == expected.fixed
        assert stat.S_IMODE(path.stat().st_mode) == mode
        assert os.listdir(folder) == ["post.md"]  # no temporary file left behind
        again = fix_file(AWKWARD, path, "post.md", unsafe=True, write=True)
        assert again.result.fixed == 0 and not again.diff
