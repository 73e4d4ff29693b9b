"""Per-document analyses shared by the prose rules: the same answers as computing them
directly, computed once per document, never shared between documents."""

from __future__ import annotations

from postlint.core.document import Document
from postlint.core.source import SourceFile
from postlint.rules.prose._text import WORD, block_sentences, block_words, sentences

POST = (
    "---\ntitle: A post\n---\n\n"
    "Dr. Who arrived. Experts say it works! Does it?\n\n"
    "`code is not prose` and a [link](https://example.com) end here.\n"
)


def _doc(text: str = POST) -> Document:
    return Document(SourceFile.from_bytes("p.md", text.encode()))


def test_analyses_equal_the_direct_computation() -> None:
    doc = _doc()
    paragraphs = [b for b in doc.blocks if b.kind == "paragraph"]
    assert len(paragraphs) == 2
    for block in paragraphs:
        expected = tuple(sentences(doc.prose, block.start, block.end))
        assert block_sentences(doc, block.start, block.end) == expected != ()
        words = tuple(WORD.findall(doc.prose, block.start, block.end))
        assert block_words(doc, block.start, block.end) == words != ()
    assert "code" not in block_words(doc, paragraphs[1].start, paragraphs[1].end)


def test_analyses_are_computed_once_per_document() -> None:
    doc = _doc()
    block = next(b for b in doc.blocks if b.kind == "paragraph")
    first = block_sentences(doc, block.start, block.end)
    assert block_sentences(doc, block.start, block.end) is first
    other = _doc(POST.replace("Experts say", "Critics said"))
    again = block_sentences(other, block.start, block.end)
    assert again is not first and again != first
