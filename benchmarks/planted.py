"""Recall of the own prose rules on defects planted into real posts.

For each corpus blog, picks posts at random (seeded), plants one defect of each kind in a
shape generated from parts (not the rules' test phrasings), lints the variant with the kind's
rule and counts it found when a diagnostic of that code overlaps the planted text.

    python benchmarks/planted.py [CORPUS] [--per-blog 40] [--seed 14]
"""

from __future__ import annotations

import argparse
import random
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from postlint.core.config import Config
from postlint.core.document import Document
from postlint.core.engine import Linter
from postlint.core.source import SourceFile
from postlint.rules.prose.repeated_word import ALLOWED

Plant = tuple[str, int, int] | None  # the variant's text, and the planted span

SUBJECTS = (
    "Officials", "Government sources", "Insiders", "Two people familiar with the plan",
    "Analysts", "Local reporters", "The ministry", "Critics", "Several experts", "Police",
    "Sources close to the board", "A spokesperson", "Observers", "Engineers at the firm",
    "Witnesses", "Three senior staff members", "The company", "Experts",
)  # fmt: skip
VERBS = (
    "said", "say", "confirmed", "claim", "believe", "have suggested", "told reporters",
    "indicated", "warned", "insisted", "noted", "revealed", "have confirmed", "stated",
    "announced", "admitted", "added", "explained", "maintain", "reported", "acknowledged",
)  # fmt: skip
PASSIVES = ("believed", "understood", "reported", "thought", "expected", "alleged", "known",
            "confirmed", "claimed", "rumoured", "suggested", "announced", "said")  # fmt: skip
HEARSAY = ("Allegedly,", "Reportedly,", "Apparently,", "Supposedly,", "Rumour has it that",
           "Reportedly", "Purportedly,", "Word is that", "Allegedly")  # fmt: skip
SOURCES = ("local media", "a leaked memo", "people close to the mayor", "the broadcaster",
           "several reports", "early estimates", "an internal email", "sources")  # fmt: skip
PERFECTS = ("has been", "has recently been", "had been", "was", "has now been")
OPENERS = (
    "The", "A", "This", "These", "In", "After", "Many", "Some", "Our", "We", "It", "There",
    "When", "Most", "Several", "Despite", "For", "Every",
)  # fmt: skip
FLASH = ("Breaking", "BREAKING", "Just in", "Huge news", "Exclusive", "Must read", "Big update",
         "HOT", "Developing", "MUST SEE", "Urgent", "Shocking", "Live", "Watch", "JUST IN",
         "Breaking News", "EXCLUSIVE", "Alert", "Trending", "Hot news", "Update", "Viral",
         "MUST READ", "Must watch", "BIG NEWS")  # fmt: skip
SEPARATORS = (": ", " - ", " | ", "! ", " — ")
ENTITIES = {"’": ("&rsquo;", "&#8217;", "&#x2019;"), "—": ("&mdash;", "&#8212;"),
            "“": ("&ldquo;", "&#8220;"), "”": ("&rdquo;", "&#8221;"), "–": ("&ndash;",),
            " and ": (" &amp; ",), "'": ("&#39;", "&apos;", "&#x27;"), "‘": ("&lsquo;", "&#8216;"),
            "…": ("&hellip;", "&#8230;"), "...": ("&hellip;",), "é": ("&eacute;", "&#233;"),
            "\"": ("&quot;", "&#34;"), " - ": (" &ndash; ", " &#8211; ")}  # fmt: skip
_WORD = re.compile(r"(?<![\w'’.\-`*_\[])[a-z]{2,}(?![\w'’\-`*_\]])")


def _paragraphs(text: str, doc: Document, words: int = 10) -> list[tuple[int, int]]:
    found = []
    for block in doc.view.blocks:
        if block.kind != "paragraph" or block.in_list or block.in_blockquote:
            continue
        if block.start < doc.body_start or "\ufffc" in doc.prose[block.start : block.end]:
            continue
        if len(text[block.start : block.end].split()) >= words:
            found.append((block.start, block.end))
    return found


def _reshape_copy(copy: str, rng: random.Random) -> str:
    """The copy as a pipeline re-emits it: rewrapped, re-punctuated, re-marked or re-quoted."""
    shape = rng.randrange(6)
    if shape == 1:  # rewrapped: one line, or broken at other spaces
        words = copy.split()
        width = rng.choice((8, 12, 1000))
        copy = "\n".join(" ".join(words[i : i + width]) for i in range(0, len(words), width))
    elif shape == 2:  # apostrophes and quotes converted by a typographer
        copy = copy.replace("'", "\u2019") if "'" in copy else copy.replace("\u2019", "'")
    elif shape == 3:  # emphasis added around a word in the middle
        words = copy.split(" ")
        at = len(words) // 2
        if words[at].isalpha():
            words[at] = f"**{words[at]}**"
        copy = " ".join(words)
    elif shape == 4:  # final punctuation changed
        copy = copy.rstrip(".!?:") + rng.choice((".", "!", ""))
    elif shape == 5:  # doubled spaces
        copy = re.sub(r"(?<=\S) (?=\S)", "  ", copy, count=3)
    return copy


def plant_duplicate(text: str, doc: Document, rng: random.Random) -> Plant:
    paragraphs = _paragraphs(text, doc, 12)
    if len(paragraphs) < 2:
        return None
    start, end = rng.choice(paragraphs[:-1])
    later = [p for p in paragraphs if p[0] > end]
    at = rng.choice(later)[1]
    heading = (
        "\n\n## " + rng.choice(("Update", "More details", "Next steps"))
        if rng.random() < 0.3
        else ""
    )
    copy = heading + "\n\n" + _reshape_copy(text[start:end], rng)
    return text[:at] + copy + text[at:], at + len(heading) + 2, at + len(copy)


def plant_lede(text: str, doc: Document, rng: random.Random) -> Plant:
    candidates = [
        p for p in _paragraphs(text, doc) if text[p[0] : p[1]].split(" ", 1)[0] in OPENERS
    ]
    if not candidates:
        return None
    start, _ = rng.choice(candidates)
    shape = rng.randrange(4)
    if shape == 0:
        lead = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)}{rng.choice((' that', ''))} "
    elif shape == 1:
        tense = rng.choice(("is", "is widely", "is now", *PERFECTS))
        lead = f"It {tense} {rng.choice(PASSIVES)} that "
    elif shape == 2:
        lead = f"{rng.choice(HEARSAY)} "
    else:
        lead = f"According to {rng.choice(SOURCES)}, "
    return text[:start] + lead + text[start:], start, start + len(lead)


def plant_entity(text: str, doc: Document, rng: random.Random) -> Plant:
    spots = []
    for start, end in _paragraphs(text, doc, 5):
        for char, forms in ENTITIES.items():
            at = text.find(char, start, end)
            if at >= 0:
                spots.append((at, char, forms))
    if not spots:
        return None
    at, char, forms = rng.choice(spots)
    entity = rng.choice(forms)
    return text[:at] + entity + text[at + len(char) :], at, at + len(entity)


def plant_label(text: str, doc: Document, rng: random.Random) -> Plant:
    # The value may start on the next line (a folded YAML scalar): the label goes before it.
    line = re.search(r"^title[ \t]*[:=]\s*([\"']?)", text, re.MULTILINE)
    if line is None or doc.block is None or line.start() > doc.block.content_end:
        return None
    label = rng.choice(FLASH) + rng.choice(SEPARATORS)
    at = line.end()
    if not line.group(1) and rng.random() < 0.5 and ":" in label:
        pass  # an unquoted YAML title that the label breaks: must still be found
    return text[:at] + label + text[at:], at, at + len(label)


def plant_repeat(text: str, doc: Document, rng: random.Random) -> Plant:
    paragraphs = _paragraphs(text, doc)
    if not paragraphs:
        return None
    start, end = rng.choice(paragraphs)
    # Words the rule documents as doubled on purpose ("had had", "many many") are not planted.
    words = [m for m in _WORD.finditer(text, start, end) if m.group(0) not in ALLOWED]
    if not words:
        return None
    word = rng.choice(words)
    shape = rng.randrange(8)
    w = word.group(0)
    at_start = word.start() == start
    if shape == 0:
        new = f"{w} {w}"
    elif shape == 1:
        new = f"{w}, {w},"
    elif shape == 2:
        new = f"**{w}** {w}"
    elif shape == 3:
        new = f"{w}\n{w}"
    elif shape == 4:
        new = f"{w.capitalize()} {w}" if at_start else f"{w} {w}"
    elif shape == 5:
        new = f"{w}  {w}"
    elif shape == 6:
        new = f"{w} [{w}](https://example.com/{w})"
    else:
        new = f"{w}; {w};"
    if shape in (1, 7) and text[word.end() : word.end() + 1] in ",.;:":
        new = f"{w} {w}"
    return text[: word.start()] + new + text[word.end() :], word.start(), word.start() + len(new)


def _phrase(text: str, doc: Document, rng: random.Random) -> tuple[int, int] | None:
    """Two to four plain words in a body paragraph, away from any markup."""
    paragraphs = _paragraphs(text, doc)
    if not paragraphs:
        return None
    start, end = rng.choice(paragraphs)
    words = list(re.finditer(r"(?<=[ \n])[A-Za-z]+(?: [A-Za-z]+){1,3}(?=[ \n,.])", text[start:end]))
    if not words:
        return None
    match = rng.choice(words)
    return start + match.start(), start + match.end()


def plant_emphasis(text: str, doc: Document, rng: random.Random) -> Plant:
    span = _phrase(text, doc, rng)
    if span is None:
        return None
    at, end = span
    marker = rng.choice(("**", "__", "*", "_"))
    phrase = text[at:end]
    new = rng.choice((f"{marker} {phrase}{marker}", f"{marker}{phrase} {marker}"))
    if len(marker) == 2 and rng.random() < 0.3:
        new = f"{marker} {phrase} {marker}"
    return text[:at] + new + text[end:], at, at + len(new)


def plant_quote(text: str, doc: Document, rng: random.Random) -> Plant:
    span = _phrase(text, doc, rng)
    if span is None:
        return None
    at, end = span
    mark = rng.choice(("”", "”", "’"))
    new = f"{mark}{text[at:end]}{mark}"
    return text[:at] + new + text[end:], at, at + 1


KINDS: dict[str, tuple[str, Callable[[str, Document, random.Random], Plant]]] = {
    "duplicate paragraph": ("PR109", plant_duplicate),
    "lede splice": ("PR101", plant_lede),
    "HTML entity": ("PR106", plant_entity),
    "headline label": ("PR102", plant_label),
    "repeated word": ("PR108", plant_repeat),
    "literal emphasis": ("PR122", plant_emphasis),
    "closing quote opener": ("PR123", plant_quote),
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", nargs="?", default="../shared/corpus", type=Path)
    parser.add_argument("--per-blog", type=int, default=40)
    parser.add_argument("--seed", type=int, default=14, help="0 draws a fresh seed")
    args = parser.parse_args()
    seed = args.seed or random.SystemRandom().randrange(1, 10**6)
    print(f"seed {seed}")
    rng = random.Random(seed)
    linters = {code: Linter(Config(select=(code,))) for code, _ in KINDS.values()}
    found: Counter[str] = Counter()
    planted: Counter[str] = Counter()
    missed: list[str] = []
    for blog in sorted(p for p in args.corpus.iterdir() if p.is_dir()):
        posts = sorted(blog.rglob("*.md"))
        rng.shuffle(posts)
        for kind, (code, plant) in KINDS.items():
            count = 0
            for path in posts:
                if count >= args.per_blog:
                    break
                text = path.read_text(encoding="utf-8", errors="replace")
                doc = Document(SourceFile.from_bytes(str(path), text.encode()))
                variant = plant(text, doc, rng)
                if variant is None:
                    continue
                count += 1
                new_text, start, end = variant
                result = linters[code].lint_text(new_text, str(path))
                hit = any(
                    d.code == code and d.start < max(end, start + 1) and d.end > start - 1
                    for d in result.diagnostics
                )
                planted[kind] += 1
                found[kind] += hit
                if not hit:
                    missed.append(f"{kind}: {path} {new_text[start:end][:80]!r}")
    for kind in KINDS:
        share = 100 * found[kind] / planted[kind] if planted[kind] else 0.0
        print(f"{kind:20} {found[kind]:4}/{planted[kind]:<4} {share:5.1f}%")
    for line in missed[:40]:
        print("missed", line)


if __name__ == "__main__":
    main()
