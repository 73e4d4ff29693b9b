"""A chat assistant's preamble announcing the text that follows.

## What it does
Finds the sentence in which an assistant hands over its answer, in the body and in the
front-matter text fields:

- a reply opening with assent and a hand-over: "Sure! Here's ...", "Certainly, here is ...",
  "Of course! Below is ...", "Absolutely, I've rewritten ..." (at the start of a sentence, up
  to a colon or a word for a text: article, post, version, draft, summary, ...);
- a hand-over of a rewrite: "Here's a rewritten version of the article:", "Here is the
  revised text:", "Below is a polished draft", "Here is an updated version of your post";
- a hand-over of what was asked for: "Here is the article you requested", "Here's a blog post
  based on your outline";
- a report of the rewrite: "I've rewritten your article to ...", "I have revised the provided
  text".

"Here's a summary of the changes:" or "Here is the updated version:" before a code block are
an author's words and are not reported. Quotations, block quotes, code and links are not read.

## Why is this bad?
The principle: a post begins with its own first sentence, so a sentence that announces "the
text below" is the chat assistant's reply around the text, pasted with it. Readers see the
seams of the pipeline.

## Example
```markdown
---
title: The city at night
---

Sure! Here's a rewritten version of the article:

The city changes after dark.
```

## Use instead
```markdown
---
title: The city at night
---

The city changes after dark.
```

## Fix
Unsafe (`--unsafe-fixes`): deletes the preamble up to its colon or the end of its sentence (the
paragraph and the blank lines after it, when it is all of it). It is unsafe because the
sentence may carry words the post needs.
"""

from __future__ import annotations

from collections.abc import Iterator

from postlint.core.diagnostic import Finding, Fix, Severity
from postlint.core.document import Document
from postlint.core.rule import FixAvailability, NoOptions, Rule
from postlint.rules.artefacts._scan import (
    APOSTROPHE,
    GAP,
    Hit,
    compiled,
    excerpt,
    finding,
    opens_sentence,
    phrase_hits,
    removal,
    sentence_span,
)

_A = APOSTROPHE
_S = GAP
_I = "I"  # in any case: some pipelines lower-case whole replies
_REWROTE = (
    r"(?:re-?written|revised|re-?worded|re-?phrased|paraphrased|edited|polished|humani[sz]ed"
    r"|optimi[sz]ed|proofread|refined|restructured|condensed|expanded|shortened|simplified"
    r"|updated|drafted|written|created|put[\s*_]{1,4}together|prepared|crafted)"
)
_SURE = r"(?:sure(?:[\s*_]{1,4}thing)?|certainly|absolutely|gladly)"
_ASSENT = (
    rf"(?:sure(?:{_S}thing)?|certainly|of{_S}course|absolutely|okay|alright|all{_S}right"
    rf"|got{_S}it|no{_S}problem|understood|gladly|great{_S}question|happy{_S}to{_S}help)"
)
_HERE = (
    rf"(?:here(?:{_A}s|{_S}is|{_S}are|{_S}you{_S}go)|below(?:{_S}is|{_S}are|,?{_S}you(?:{_A}ll"
    rf"|{_S}will){_S}find)|{_I}(?:{_A}ve|{_S}have){_S}{_REWROTE}\b|{_I}{_S}can{_S}help"
    rf"|{_I}(?:{_A}d|{_S}would){_S}be{_S}(?:happy|glad|delighted){_S}to)"
)
_TEXT = (
    r"(?:article|blog(?:[\s*_]{1,4}post)?|post|text|version|rewrite|draft|summary|paragraph"
    r"|content|piece|essay|story|revision|outline|introduction|intro|conclusion|translation"
    r"|copy|headline|title|caption|description|newsletter|press[\s*_]{1,4}release|listicle"
    r"|write-?up|overview|guide)s?"
)
_STRONG = (
    r"(?:re-?written|revised|re-?worded|re-?phrased|paraphrased|polished|humani[sz]ed"
    r"|SEO[\s-]{1,2}(?:optimi[sz]ed|friendly)|plagiarism-free|proofread|refined|human-like"
    r"|more[\s*_]{1,4}(?:engaging|concise|readable|polished|professional|natural))"
)
_DET = rf"(?:(?:a|an|the|your|my){_S})?"
_PROVIDED = rf"(?:(?:provided|original|given|above|initial){_S})?"
_PATTERN = (
    r"(?i)(?=[socagunhbi])(?:"
    # "Sure! Here's ...:", "Certainly, here is the article"
    rf"\b{_ASSENT}[\s*_]{{0,3}}[!.,:;—–-]{{1,3}}[\s*_]{{0,4}}{_HERE}[^.!?:\n]{{0,100}}?\b{_TEXT}\b"
    rf"|\b{_SURE}[\s*_]{{0,3}}[!.,:;—–-]{{1,3}}[\s*_]{{0,4}}{_HERE}"
    rf"(?:[^.!?:\n]{{0,100}}?:|[\s*_]{{0,3}}(?:[!.]|$))"
    # "Here's a rewritten version of the article", "Below is a polished draft"
    rf"|\b{_HERE}{_S}{_DET}(?:[\w-]{{2,20}},?{_S}(?:and{_S})?)?{_STRONG}{_S}(?:[\w-]{{2,20}}{_S})?"
    rf"(?:version|rewrite|draft|article|blog|post|text|content|copy|piece|paragraph|summary"
    rf"|story|essay|introduction|newsletter)s?\b"
    rf"|\b{_HERE}{_S}{_DET}(?:[\w-]{{2,20}},?{_S}(?:and{_S})?){{0,2}}(?:version|rewrite"
    rf"|rewording|revision|paraphrase|adaptation|draft)s?{_S}of{_S}(?:the|your|this|that)"
    rf"{_S}{_PROVIDED}{_TEXT}\b"
    # "Here is the article you requested", "a blog post based on your outline"
    rf"|\b{_HERE}{_S}{_DET}[^.!?:\n]{{0,80}}?\b{_TEXT}{_S}(?:(?:that{_S})?you{_S}(?:requested"
    rf"|asked{_S}for|wanted|provided)|as{_S}(?:you{_S})?requested|based{_S}on{_S}(?:your|the)"
    rf"{_S}(?:provided{_S})?(?:request|prompt|input|instructions|notes|outline|brief|keywords"
    rf"|guidelines|details|information{_S}(?:you{_S})?provided))\b"
    # "I've rewritten your article", "I have revised the provided text"
    rf"|\b{_I}(?:{_A}ve|{_S}have){_S}(?:(?:carefully|also|now|completely){_S})?{_REWROTE}"
    rf"{_S}(?:your|the{_S}(?:provided|given)){_S}(?:[\w-]{{2,20}}{_S})?{_TEXT}\b"
    r")"
)  # compiled on first use: _scan.compiled
_ASSENT_START = rf"(?i){_ASSENT}"
# Every match holds one of these (lower-cased): a segment without any is not searched.
_NEEDLES = (
    "here", "below", "have", "i've", "i’ve", "iʼve", "help", "happy", "glad", "delighted",
)  # fmt: skip


def _fix(doc: Document, hit: Hit) -> Fix | None:
    """Delete from the preamble's sentence start to its colon, or to its sentence's end."""
    segment, text = hit.segment, hit.segment.text
    start = sentence_span(segment, hit.start, hit.end)[0]
    sentence_end = sentence_span(segment, hit.end - 1, hit.end)[1]
    colon = text.find(":", hit.end - 1, sentence_end)
    end = colon + 1 if colon != -1 and colon < sentence_end else sentence_end
    edit = removal(doc, segment, start, end)
    return Fix((edit,), safe=False, message="Remove the preamble") if edit else None


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    for hit in phrase_hits(doc, _PATTERN, _NEEDLES):
        text = hit.segment.text
        if compiled(_ASSENT_START).match(text, hit.start) and not _opens(hit):
            continue
        said = excerpt(doc, hit.start, hit.end)
        yield finding(
            hit,
            f"'{said}' is a chat assistant's preamble announcing the text: delete it and let "
            "the post begin with its own first sentence",
            _fix(doc, hit),
        )


def _opens(hit: Hit) -> bool:
    return opens_sentence(hit.segment, hit.start)


RULE = Rule(
    code="AI105",
    name="assistant-preamble",
    summary="A chat assistant's preamble announces the text that follows",
    severity=Severity.ERROR,
    check=check,
    fix=FixAvailability.UNSAFE,
)
