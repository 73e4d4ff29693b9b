"""Headings and titles compared as a reader sees them: markup, case and end punctuation aside."""

from __future__ import annotations

import re

from postlint.core.prose_view import MASK

_ATX = re.compile(r"[ \t]{0,3}(#{1,6})(?:[ \t]+|$)")
_SETEXT = re.compile(r"\r?\n[ \t]{0,3}(=+|-+)[ \t]*$")
_CLOSING_HASHES = re.compile(r"[ \t]+#+[ \t]*$")
_MARKUP = re.compile(r"[*_`~\[\]" + MASK + r"]")
_QUOTES = (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("–", "-"), ("—", "-"))
_EDGE = " \t\r\n.:;!?,\"'-"


def normalise(text: str) -> str:
    """``text`` without Markdown marks, masked characters, end punctuation or case."""
    for curly, straight in _QUOTES:  # str.replace is C; translate with a dict is not
        if curly in text:
            text = text.replace(curly, straight)
    text = _MARKUP.sub("", text)
    return " ".join(text.split()).strip(_EDGE).casefold()


def heading(prose: str, start: int, end: int) -> tuple[int, str] | None:
    """(level, text) of the heading block ``prose[start:end]`` (ATX or setext)."""
    atx = _ATX.match(prose, start, end)
    if atx is not None:
        content = _CLOSING_HASHES.sub("", prose[atx.end() : end])
        return len(atx.group(1)), content
    setext = _SETEXT.search(prose, start, end)
    if setext is not None:
        return (1 if setext.group(1)[0] == "=" else 2), prose[start : setext.start()]
    return None
