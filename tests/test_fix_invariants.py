"""The fixer's four invariants on real posts and on generated ones, for both tiers.

On every post of ../shared/corpus (six blogs) and on the sample in tests/fix_sample, after
``--fix`` and after ``--fix --unsafe-fixes``: no new pattern-syntax character, no new finding
of any kind, a second run changes nothing, nothing changes outside the reported edits. Linting
runs in-process (one Linter for all posts), so the whole corpus takes a minute or two.
Hypothesis then plants the defects of every fixable rule in generated text.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fix_invariants import violations
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import CORPUS
from postlint.core import vocabulary
from postlint.core.config import Config
from postlint.core.engine import Linter
from postlint.core.rule import FixAvailability, discover
from postlint.rules.house import HouseRule

SAMPLE = Path(__file__).parent / "fix_sample"
REAL = Linter(Config())
# with proselint 0.16's whole default set too (some of its fixable checks are off by default)
FULL = Linter(Config(extend_select=("PS001",)))
BLOGS = sorted(p.name for p in CORPUS.iterdir() if p.is_dir()) if CORPUS.is_dir() else []


def _posts(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix in (".md", ".markdown"))


@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
def test_invariants_hold_on_the_sample(unsafe: bool) -> None:
    posts = _posts(SAMPLE)
    assert len(posts) >= 3
    broken, applied = [], 0
    for post in posts:
        problems, fixes = violations(FULL, post.name, post.read_bytes(), unsafe=unsafe)
        broken += problems
        applied += fixes
    assert broken == []
    assert applied >= (14 if not unsafe else 20)  # the sample is full of fixable defects


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the repo")
@pytest.mark.parametrize("blog", BLOGS or ["none"])
def test_invariants_hold_on_every_corpus_post(blog: str) -> None:
    posts = _posts(CORPUS / blog)
    assert posts, f"no posts in {blog}"
    broken, applied = [], 0
    for post in posts:
        data = post.read_bytes()
        for unsafe in (False, True):
            problems, fixes = violations(REAL, str(post), data, unsafe=unsafe)
            broken += problems
            applied += fixes
    assert broken == []
    assert applied > 0  # real posts have fixable defects: the test is not vacuous


# --- generated text, with every fixable rule's defects ----------------------------------------

KYIV = HouseRule(name="kyiv", kind="substitution", swap=(("Kiev", "Kyiv"),))
VOCABULARY = vocabulary.parse("!utilize -> use\n", Path("vocabulary.txt"))
HOUSE = Linter(Config(house=(KYIV,), vocabulary=VOCABULARY))

# For each fixable rule, text that makes it offer a fix (checked below, so none is vacuous).
DEFECTS: dict[str, list[str]] = {
    "AI108": ["Breaking: Talks resume"],  # the title again as the first paragraph
    "AI104": ["Would you like me to add a section on composting?", "I hope this helps!"],
    "AI105": ["Sure! Here's a rewritten version of the article:"],
    "AI106": [
        "rates rose citeturn0search3",
        "risks 【4:0†source】.",
        "slowed :contentReference[oaicite:2]{index=2} in",
    ],
    "AI107": ["([Reuters](https://www.reuters.com/markets?utm_source=chatgpt.com))"],
    "PR116": ["met\u200b on Monday", "Budget\u2060 talks"],
    "PR119": ["in the in the town", "to a to a minimum"],
    "PR122": ["the ** new budget** passed", "**Help wanted: **\nWe want"],
    "PR123": ["he said ”We are close,” and left"],
    "PR199": ["we utilize it", "Utilize the tools"],
    "HS001": ["talks in Kiev", "the Kiev Ballet", "“in Kiev”"],
    "PL100": ["<!-- postlint-disable-next-line PR108 -->\nA clean line."],
    "PR101": ["It has been recently reported that Are we any closer?"],
    "PR102": [],  # a front-matter title: see TITLES
    "PR105": ["wasnâ€™t", "cafÃ©", "â€œquotedâ€\x9d"],
    "PR106": ["isn&#8217;t", "a &amp;mdash; b"],
    "PR108": ["the the", "to\nto", "“the the”", "Walla Walla", "rust-analyzer rust-analyzer"],
    "PR111": ["trailing \t\n", "end.  \n"],
    "PR112": [],  # the end of the post: see ENDINGS
    "PR113": ["NATO Nato NATO", "email e-mail email", "organise organize organize"],
    "PS001": [
        "It ends here.  Two. The third.",
        "alot",
        "cafe",
        "cafe\u0301",
        "resume",
        "Adequate enough",
        "the analyses show",
        "the Labour Party and labor",
        "centre center center",
        "rust-analyzer",
        "in Summer",
        "very unique",
        "u.s. led campaign",
        "; meantime, we",
    ],
}
WORDS = ["peace", "talks", "the", "Big", "Kyiv", "naïve", "日本", "said", "a", "It", "🇺🇦"]
TITLES = ["A post", "Breaking: Talks resume", "Tom &amp; Jerry", "wasnâ€™t it"]
ENDINGS = ["", "\n", "\n\n\n", " \n"]


def test_every_fixable_rule_has_defects_that_it_fixes() -> None:
    fixable = {r.code for r in discover() if r.fix is not FixAvailability.NONE}
    assert fixable == set(DEFECTS)
    text = '---\ntitle: "Breaking: Talks resume"\n---\n\n' + "\n\n".join(
        "\n\n".join(items) for items in DEFECTS.values()
    )
    offered = {d.code for d in HOUSE.lint_text(text + "\n\n\n").diagnostics if d.fix is not None}
    assert offered == fixable


@st.composite
def posts(draw: st.DrawFn) -> bytes:
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    defects = [d for items in DEFECTS.values() for d in items]
    paragraphs = []
    for _ in range(draw(st.integers(1, 5))):
        parts = draw(st.lists(st.sampled_from(WORDS + defects), min_size=1, max_size=7))
        paragraphs.append(" ".join(parts) + draw(st.sampled_from(["", ".", "  ", "?"])))
    title = draw(st.sampled_from(TITLES))
    head = newline.join(["---", f'title: "{title}"', "---"])
    body = (newline * 2).join(p.replace("\n", newline) for p in paragraphs)
    text = head + newline * 2 + body + draw(st.sampled_from(ENDINGS)).replace("\n", newline)
    return text.encode("utf-8")


# The house style's "Kyiv" and PR113's majority "Kiev" swap two words back and forth: the
# fixer stopped in the middle of that round, so a second run changed the text.
SWAPPING = b'---\ntitle: "A post"\n---\n\nKyiv\n\ntalks in Kiev\n\n\xe2\x80\x9cin Kiev\xe2\x80\x9d'


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=posts(), unsafe=st.booleans())
@example(data=SWAPPING, unsafe=True)
def test_invariants_hold_on_generated_posts(data: bytes, unsafe: bool) -> None:
    problems, _ = violations(HOUSE, "p.md", data, unsafe=unsafe)
    assert problems == []


def test_a_chain_of_overlapping_unsafe_fixes_settles_in_one_run() -> None:
    """Eleven adjacent assistant offers: each pass deletes every other one, and the final line
    break waits for the last; with 10 passes a second --fix still changed the text."""
    offer = "Would you like me to add a section on composting?"
    body = "\n\n".join([f"{offer} {offer}", f"{offer} {offer} wasnâ€™t wasnâ€™t {offer}"] * 2)
    data = f'---\ntitle: "A post"\n---\n\npeace\n\n{body} rates rose citeturn0search3  '.encode()
    problems, _ = violations(HOUSE, "p.md", data, unsafe=True)
    assert problems == []
