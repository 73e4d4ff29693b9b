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

from postlint.config import Config
from postlint.document import Document
from postlint.engine import Linter
from postlint.source import SourceFile

Plant = tuple[str, int, int] | None  # the variant's text, and the planted span

SUBJECTS = (
    "Officials", "Government sources", "Insiders", "Two people familiar with the plan",
    "Analysts", "Local reporters", "The ministry", "Critics", "Several experts", "Police",
)  # fmt: skip
VERBS = (
    "said", "say", "confirmed", "claim", "believe", "have suggested", "told reporters",
    "indicated", "warned", "insisted", "noted", "revealed",
)  # fmt: skip
PASSIVES = ("believed", "understood", "reported", "thought", "expected", "alleged", "known")
HEARSAY = ("Allegedly,", "Reportedly,", "Apparently,", "Supposedly,", "Rumour has it that")
SOURCES = ("local media", "a leaked memo", "people close to the mayor", "the broadcaster")
OPENERS = (
    "The", "A", "This", "These", "In", "After", "Many", "Some", "Our", "We", "It", "There",
    "When", "Most", "Several", "Despite", "For", "Every",
)  # fmt: skip
FLASH = ("Breaking", "BREAKING", "Just in", "Huge news", "Exclusive", "Must read", "Big update",
         "HOT", "Developing", "MUST SEE", "Urgent", "Shocking", "Live", "Watch")  # fmt: skip
SEPARATORS = (": ", " - ", " | ", "! ", " — ")
ENTITIES = {"’": ("&rsquo;", "&#8217;", "&#x2019;"), "—": ("&mdash;", "&#8212;"),
            "“": ("&ldquo;", "&#8220;"), "”": ("&rdquo;", "&#8221;"), "–": ("&ndash;",),
            " and ": (" &amp; ",), "'": ("&#39;", "&apos;")}  # fmt: skip
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


def plant_duplicate(text: str, doc: Document, rng: random.Random) -> Plant:
    paragraphs = _paragraphs(text, doc, 12)
    if len(paragraphs) < 2:
        return None
    start, end = rng.choice(paragraphs[:-1])
    later = [p for p in paragraphs if p[0] > end]
    at = rng.choice(later)[1]
    copy = "\n\n" + text[start:end]
    return text[:at] + copy + text[at:], at + 2, at + len(copy)


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
        lead = f"It is {rng.choice(('', 'widely ', 'now '))}{rng.choice(PASSIVES)} that "
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
    line = re.search(r"^title[ \t]*[:=][ \t]*([\"']?)", text, re.MULTILINE)
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
    words = [m for m in _WORD.finditer(text, start, end) if m.group(0) not in ("had", "that")]
    if not words:
        return None
    word = rng.choice(words)
    shape = rng.randrange(4)
    w = word.group(0)
    if shape == 0:
        new = f"{w} {w}"
    elif shape == 1:
        new = f"{w}, {w},"
    elif shape == 2:
        new = f"**{w}** {w}"
    else:
        new = f"{w}\n{w}"
    if shape == 1 and text[word.end() : word.end() + 1] in ",.;:":
        new = f"{w} {w}"
    return text[: word.start()] + new + text[word.end() :], word.start(), word.start() + len(new)


KINDS: dict[str, tuple[str, Callable[[str, Document, random.Random], Plant]]] = {
    "duplicate paragraph": ("PR109", plant_duplicate),
    "lede splice": ("PR101", plant_lede),
    "HTML entity": ("PR106", plant_entity),
    "headline label": ("PR102", plant_label),
    "repeated word": ("PR108", plant_repeat),
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", nargs="?", default="../shared/corpus", type=Path)
    parser.add_argument("--per-blog", type=int, default=40)
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args()
    rng = random.Random(args.seed)
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
