"""PR122 (literal emphasis) and PR123 (closing quote as opener): properties and fixes.

The renderer is markdown-it in CommonMark mode, the parser the prose view already uses: a
finding is right when the rendered HTML shows the markers, and a fix is right when the fixed
text renders them as emphasis.
"""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from crash_guard import without_crash
from postlint.core.config import Config
from postlint.core.diagnostic import Diagnostic, Edit
from postlint.core.engine import Linter
from postlint.rules.prose.closing_quote_opener import _ELISIONS

_RENDER = MarkdownIt("commonmark")
_WORDS = st.lists(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8), min_size=1, max_size=4
).map(" ".join)
_MARKERS = st.sampled_from(("**", "__", "*", "_"))


def lint(text: str, code: str) -> list[Diagnostic]:
    result = without_crash(Linter(Config(select=(code,))).lint_text(text, "post.md"))
    return [d for d in result.diagnostics if d.code == code]


def post(body: str) -> str:
    return f"---\ntitle: A post\n---\n\n{body}\n"


def apply(text: str, edits: tuple[Edit, ...]) -> str:
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        text = text[: edit.start] + edit.replacement + text[edit.end :]
    return text


@settings(max_examples=60, deadline=None)
@given(_WORDS, _MARKERS, st.sampled_from(("lead", "trail", "both")))
def test_spaced_markers_are_found_and_the_fix_renders_emphasis(
    words: str, marker: str, where: str
) -> None:
    inner = {"lead": f" {words}", "trail": f"{words} ", "both": f" {words} "}[where]
    if len(marker) == 1 and where == "both":
        inner = f" {words}"  # a single marker spaced on both sides reads as an operator
    text = post(f"Before {marker}{inner}{marker} after.")
    assert "<em>" not in _RENDER.render(text) and "<strong>" not in _RENDER.render(text)
    found = lint(text, "PR122")
    assert len(found) == 1
    fix = found[0].fix
    assert fix is not None and fix.safe
    fixed = apply(text, fix.edits)
    assert fixed.replace(" ", "") == text.replace(" ", "")  # only spaces were removed
    rendered = _RENDER.render(fixed)
    assert "<em>" in rendered or "<strong>" in rendered
    assert not lint(fixed, "PR122")


@settings(max_examples=60, deadline=None)
@given(_WORDS, _MARKERS)
def test_real_emphasis_is_never_reported(words: str, marker: str) -> None:
    text = post(f"Before {marker}{words}{marker} and {marker}{words}{marker}, after.")
    assert not lint(text, "PR122")


def test_punctuation_before_the_closer_gets_no_fix() -> None:
    # "**Note: **text": without the space the closer follows ':' and precedes a letter, so it
    # still would not close; where the emphasis ends is the author's choice.
    found = lint(post("**Note: **the bridge is closed."), "PR122")
    assert len(found) == 1 and found[0].fix is None


def test_operators_lists_and_escapes_are_not_emphasis() -> None:
    body = "* item one\n* item two\n\n2 * 3 * 4 is 24, and a * b is a*b.\n\n\\* not \\*"
    assert not lint(post(body), "PR122")


@settings(max_examples=60, deadline=None)
@given(_WORDS, st.sampled_from(("”", "’")))
def test_a_closing_mark_that_opens_a_quotation_is_found(words: str, mark: str) -> None:
    closer = "”" if mark == "”" else "’"
    assume(mark == "”" or words.split()[0] not in _ELISIONS)  # ’em, ’n’: apostrophes
    text = post(f"The mayor said {mark}{words.capitalize()}{closer} on Monday.")
    found = lint(text, "PR123")
    assert [d.message[1] for d in found] == [mark]
    assert found[0].fix is not None and not found[0].fix.safe
    fixed = apply(text, found[0].fix.edits)
    assert not lint(fixed, "PR123")


@settings(max_examples=60, deadline=None)
@given(_WORDS)
def test_opening_marks_apostrophes_and_inches_are_never_found(words: str) -> None:
    body = (
        f"They said “{words}” and ‘{words}’ on a 13” screen, in the ’90s, "
        f"rock ’n’ roll, ’tis the students’ {words}."
    )
    assert not lint(post(body), "PR123")


def test_a_post_in_swedish_quotes_with_the_closing_mark() -> None:
    text = "---\ntitle: Ett inlägg\nlang: sv\n---\n\nHan sa ”Hej” och gick.\n"
    assert not lint(text, "PR123")
    assert lint(text.replace("lang: sv", "lang: en-GB"), "PR123")
