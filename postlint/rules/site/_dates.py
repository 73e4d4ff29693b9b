"""The checked post's date keys, parsed (shared by ST109 and ST111)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

from postlint.core.document import Document
from postlint.core.frontmatter import Located
from postlint.rules.site._site import value_node
from postlint.site.dates import parse_date


def dated(doc: Document, keys: tuple[str, ...]) -> Iterator[tuple[str, Located, datetime | date]]:
    for key in keys:
        node = value_node(doc, key)
        if node is None or not isinstance(node.value, str):
            continue
        moment = parse_date(node.value)
        if moment is not None:
            yield key, node, moment
