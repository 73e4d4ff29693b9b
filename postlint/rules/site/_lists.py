"""Checking front-matter names against one of the site's closed lists (ST106-ST108)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from postlint.core.diagnostic import Finding
from postlint.core.document import Document
from postlint.rules.site._site import did_you_mean, string_items

_WORD = re.compile(r"\S+")


def unknown_names(doc: Document, kind: str, keys: tuple[str, ...], noun: str) -> Iterator[Finding]:
    model = doc.site_model
    registry = model.registry(kind) if model is not None else None
    if model is None or registry is None or registry.problem is not None:
        return  # no list, or a broken one (ST100 says so)
    split = model.facts.generator == "jekyll" and kind != "authors"
    for _, node in string_items(doc, keys):
        raw = doc.text[node.start : node.end]
        exact = raw == node.value
        names = (
            [(m.group(), m.start(), m.end()) for m in _WORD.finditer(node.value)]
            if split and node.tag == "str" and " " in node.value.strip()
            else [(node.value.strip(), 0, len(node.value))]
        )
        for name, start, end in names:
            if registry.knows(name):
                continue
            span = (node.start + start, node.start + end) if exact else (node.start, node.end)
            hint = did_you_mean(name, registry.names)
            yield Finding(*span, f"{noun} `{name}` is not in `{registry.source}`{hint}")
