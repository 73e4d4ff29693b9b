"""The anchors a post's headings make, by each generator's slug rules, plus explicit ids.

Jekyll (kramdown's GFM parser) and Hugo (Goldmark's `github` ids) slug like GitHub: lower
case, drop what is not a letter, digit, `-`, `_` or space, spaces become `-`; VuePress and
Eleventy use markdown-it-anchor. Repeated headings get `-1`, `-2`. Explicit ids
(`{#id}`, `id="..."`, `<a name="...">`) count for every generator. Headings are found by a
line scan that skips fenced code: linear, no Markdown parser needed for another post.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$")
_CLOSING = re.compile(r"[ \t]+#+$|^#+$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_ATTRIBUTE = re.compile(r"[ \t]*\{[^{}]*#([\w:.-]+)[^{}]*\}$")
_HTML_ID = re.compile(r"""\b(?:id|name)\s*=\s*["']([^"'<>]{1,200})["']""")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"<[^>]*>|[*`]|(?<!\w)_|_(?!\w)")
_GITHUB_DROP = re.compile(r"[^\w\- ]")
_VUEPRESS_SPECIAL = re.compile(r"[\s~`!@#$%^&*()\-_+=\[\]{}|\\;:\"'“”‘’<>,.?/]+")


def heading_text(raw: str) -> str:
    """What a heading shows: links as their text, emphasis and code marks dropped."""
    text = _LINK.sub(lambda m: m.group(1), raw)
    return _MARKUP.sub("", text).strip()


def slug(text: str, generator: str) -> str:
    if generator == "vuepress":
        plain = "".join(
            c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
        )
        value = _VUEPRESS_SPECIAL.sub("-", plain).strip("-").lower()
        value = re.sub(r"-{2,}", "-", value)
        return f"_{value}" if value[:1].isdigit() else value
    if generator == "eleventy":
        return re.sub(r"\s+", "-", text.strip().lower())
    return _GITHUB_DROP.sub("", text.lower()).replace(" ", "-")


_KRAMDOWN_LEAD = re.compile(r"^[^a-zA-Z]+")
_KRAMDOWN_DROP = re.compile(r"[^a-zA-Z0-9 -]")


def kramdown_id(text: str) -> str:
    """kramdown's own id (its `kramdown` input, not GFM): ASCII only, no leading digits."""
    value = _KRAMDOWN_DROP.sub("", _KRAMDOWN_LEAD.sub("", text)).replace(" ", "-").lower()
    return value or "section"


def _lines(text: str) -> Iterator[str]:
    return iter(text.splitlines())


def anchors(body: str, generator: str) -> frozenset[str]:
    """Every anchor ``body`` makes."""
    found: set[str] = set()
    counts: dict[str, int] = {}
    fence: str | None = None
    previous = ""
    for line in _lines(body):
        opened = _FENCE.match(line)
        if fence is not None:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = None
            previous = ""
            continue
        if opened:
            fence = opened.group(1)
            previous = ""
            continue
        if "id" in line or "name" in line:
            found.update(m.group(1) for m in _HTML_ID.finditer(line))
        raw: str | None = None
        atx = _ATX.match(line)
        if atx:
            raw = _CLOSING.sub("", atx.group(2) or "")
        elif previous.strip() and _SETEXT.match(line) and not previous.startswith((" " * 4, "\t")):
            raw = previous.strip()
        previous = line
        if raw is None:
            continue
        explicit = _ATTRIBUTE.search(raw)
        if explicit:
            found.add(explicit.group(1))
            continue
        shown = heading_text(raw)
        base = slug(shown, generator)
        if generator == "jekyll":  # sites that set kramdown's own input make these instead
            found.add(kramdown_id(shown))
        seen = counts.get(base, 0)
        counts[base] = seen + 1
        found.add(base if seen == 0 else f"{base}-{seen}")
    return frozenset(found)


# Anchors a theme or the Markdown renderer makes without a heading.
_BUILT_IN = re.compile(r"^(?:top|fn[:\-_.]?.*|fnref[:\-_.]?.*|footnote.*|comments?|content|main)$")


def is_built_in(anchor: str) -> bool:
    return bool(_BUILT_IN.match(anchor.lower()))
