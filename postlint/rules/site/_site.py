"""What the site rules share: the post's own entry, the spans of its keys, suggestions."""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from postlint.core.document import Document
from postlint.core.frontmatter import Located
from postlint.site.model import PostEntry, SiteModel, entry_for

_T = TypeVar("_T")


def per_model(doc: Document, model: SiteModel, name: str, compute: Callable[[], _T]) -> _T:
    """``compute()`` once per document and site model: several rules, and both the check and
    the cache's ``looks_up`` of each, ask for the same answer. The kept value holds the model,
    so its ``id`` in the key names no other model while the document lives."""
    kept_model, value = doc.view.analysis((name, id(model)), lambda: (model, compute()))
    return value if kept_model is model else compute()


def own_entry(doc: Document, model: SiteModel) -> PostEntry:
    """The checked post as the model would keep it, from the text being checked."""

    def compute() -> PostEntry:
        path = os.path.abspath(doc.path)
        return entry_for(path, model.relative(path), doc.data, model.facts)

    return per_model(doc, model, "postlint.site.own_entry", compute)


def value_node(doc: Document, key: str) -> Located | None:
    fm = doc.front_matter
    if fm is None or fm.root is None or fm.root.tag != "map":
        return None
    return fm.root.child(key)[1]


def key_span(doc: Document, key: str | None, index: int | None = None) -> tuple[int, int]:
    """The span of a key's value (or of one item of a list value); the opening fence when the
    key is absent (a URL from the file name)."""
    node = value_node(doc, key) if key is not None else None
    if node is not None and index is not None and index < len(node.items):
        node = node.items[index]
    if node is not None:
        return node.start, node.end
    block = doc.block
    return (block.open_start, block.open_end) if block is not None else (0, 0)


def string_items(doc: Document, keys: Iterable[str]) -> Iterator[tuple[str, Located]]:
    """(key, node) for each string value, or string item of a list value, of ``keys``."""
    for key in keys:
        node = value_node(doc, key)
        if node is None:
            continue
        items = node.items if node.tag == "seq" else (node,)
        for item in items:
            if item.tag == "str" and isinstance(item.value, str) and item.value.strip():
                yield key, item


def did_you_mean(name: str, names: Iterable[str]) -> str:
    choices = sorted(set(names))
    folded = {choice.casefold(): choice for choice in choices}
    close = difflib.get_close_matches(name.casefold(), list(folded), n=1, cutoff=0.6)
    return f"; did you mean `{folded[close[0]]}`?" if close else ""


def shown(path: str, model: SiteModel) -> str:
    """A post's path as messages show it: from the site root."""
    return model.relative(path)
