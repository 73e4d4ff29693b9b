"""The links of the checked post, resolved against the site model (shared by ST103, ST104)."""

from __future__ import annotations

import os
from collections.abc import Iterator

from postlint.core.document import Document
from postlint.rules.site._site import own_entry, per_model
from postlint.site.links import Link, links
from postlint.site.model import SiteModel
from postlint.site.resolve import Resolved, resolve


def resolved_links(doc: Document, model: SiteModel) -> tuple[tuple[Link, Resolved], ...]:
    """Resolved once per document: each of ST103 and ST104 reads them in check and looks_up."""
    return per_model(
        doc, model, "postlint.site.resolved_links", lambda: tuple(_resolve(doc, model))
    )


def _resolve(doc: Document, model: SiteModel) -> Iterator[tuple[Link, Resolved]]:
    entry = own_entry(doc, model)
    own_url = entry.claims[0].url if entry.claims else None
    path = os.path.abspath(doc.path)
    for link in links(doc):
        if link.kind == "image":
            continue
        yield link, resolve(link, path, own_url, model)
