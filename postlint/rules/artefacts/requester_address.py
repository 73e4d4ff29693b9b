"""The text talks to whoever asked a chat assistant for it.

## What it does
Finds a writer offering the requester more work or hoping the answer helped, in the body and in
the front-matter text fields: "Let me know if you'd like me to ...", "Let me know if you need
any changes", "Would you like me to expand on ...?", "Do you want me to ...", "Shall I
continue?", "If you'd like, I can ...", "I can also write ... if you want", "Feel free to ask
if you need further adjustments", "Is there anything else I can help with?", "I hope this
helps!", in any letter case and with straight or curly apostrophes.

An author talking to readers is not reported: "Let me know in the comments", "let me know if
you have any questions", "feel free to reach out on our forum". Quotations, block quotes,
code and links are not read.

## Why is this bad?
The principle: a post speaks to its readers, so a sentence that offers the requester changes,
another version or more help is the chat assistant's side of a conversation, left in. Readers
are offered edits nobody can make.

## Example
```markdown
---
title: Five tips for a better garden
---

Water early in the morning, before the sun is high.

I hope this helps! Let me know if you'd like any changes to the tone.
```

## Use instead
```markdown
---
title: Five tips for a better garden
---

Water early in the morning, before the sun is high.
```

## Fix
Unsafe (`--unsafe-fixes`): deletes the sentence (the paragraph, when it is all of it). It is
unsafe because the sentence may hold something the post needs besides the offer.
"""

from __future__ import annotations

from collections.abc import Iterator

from postlint.core.diagnostic import Finding, Severity
from postlint.core.document import Document
from postlint.core.rule import FixAvailability, NoOptions, Rule
from postlint.rules.artefacts._scan import (
    APOSTROPHE,
    GAP,
    compiled,
    excerpt,
    finding,
    opens_sentence,
    phrase_hits,
    unsafe_removal,
)

_A = APOSTROPHE
_S = GAP
_I = "I"  # in any case: some pipelines lower-case whole replies
_YOU_WANT = (
    rf"you(?:{_A}d|{_S}would)?{_S}(?:like|want|prefer|need|require|wish)"
    rf"|you{_S}(?:have|want){_S}(?:any{_S})?(?:other|further|more|additional|follow-up)"
)
# What a requester is offered: changes to the text, another version, more help.
_WORK = (
    r"(?:changes?|adjustments?|edits?|modifications?|revisions?|tweaks?|alterations?|tweaking"
    r"|refinements?|help|assistance|clarifications?|versions?|variations?|drafts?|rewrites?"
    r"|improvements?|suggestions?|additions?|expansions?|summar(?:y|ies)|examples?"
    r"|sections?|details?|information|ideas?|questions?|requests?|tone|style|format)"
)
_EDITS = (
    r"(?:changes?|adjustments?|edits?|modifications?|revisions?|tweaks?|alterations?|rewrites?"
    r"|refinements?|versions?|variations?)"
)
_MORE = r"(?:any|some|more|further|additional|other|extra|different|another|a|an|the)"
_OFFER_VERB = (
    r"(?:expand|elaborate|write|add|include|create|make|adjust|rewrite|revise|provide|continue"
    r"|generate|draft|tailor|modify|change|tweak|refine|shorten|lengthen|simplify|polish"
    r"|translate|summari[sz]e|format|dive|explore|help|suggest|compile|proceed|research"
    r"|look|put|turn|convert|focus|break|outline|list|craft|give|prepare)"
)
_PATTERN = (
    r"(?i)(?=[lwdsihfjpagt])(?:"
    # "Let me know if you'd like me to ...", "... if you need any further changes"
    rf"\b(?:(?:just|please|simply){_S})?(?:let{_S}me{_S}know|tell{_S}me){_S}(?:if|whether|when)"
    rf"{_S}(?:{_YOU_WANT}){_S}(?:me{_S}to\b|(?:{_MORE}{_S})?(?:[\w-]{{2,20}}{_S})?{_WORK}\b"
    rf"|anything{_S}else\b|it{_S}(?:more|less|shorter|longer)\b)"
    rf"|\blet{_S}me{_S}know{_S}how{_S}you(?:{_A}d|{_S}would)?{_S}(?:like|want){_S}(?:me{_S})?to"
    rf"{_S}(?:proceed|continue|go{_S}on)\b"
    # "Would you like a shorter version?"
    rf"|\bwould{_S}you{_S}(?:like|prefer|want){_S}(?:a|an|the|any|some){_S}(?:[\w-]{{2,20}}{_S})"
    rf"{{0,2}}(?:version|draft|tone|rewrite|variation|edits?|changes?|adjustments?|revisions?)\b"
    # "Happy to adjust the tone", "I'd be glad to expand on this"
    rf"|(?:\b{_I}(?:{_A}m|{_A}d{_S}be|{_S}am|{_S}would{_S}be){_S}|\b)(?:happy|glad)"
    rf"{_S}to{_S}(?:adjust|tweak|revise|rewrite|expand|shorten|lengthen|change|modify|refine|make"
    rf"{_S}(?:any{_S}(?:further{_S})?)?(?:changes|adjustments|edits|tweaks|revisions))\b"
    rf"|\blet{_S}me{_S}know{_S}(?:if|whether){_S}(?:this|that|the{_S}\w{{2,20}}|it){_S}"
    rf"(?:works|helps|meets|fits|suits|is{_S}(?:helpful|what))"
    # "Would you like me to ...?", "Do you want me to ...", "Shall I continue?"
    rf"|\b(?:would|do|should){_S}you{_S}(?:like|want|prefer){_S}me{_S}to\b"
    rf"|\bshall{_S}{_I}{_S}(?:also{_S}|now{_S}|go{_S}ahead{_S}and{_S})?"
    rf"{_OFFER_VERB}\b(?=[^.!?\n]{{0,120}}\?)"
    # "If you'd like, I can ...", "I can also write ... if you want"
    rf"|\bif{_S}(?:{_YOU_WANT})(?:{_S}(?:it|that|this|one|me{_S}to))?[\s*_,]{{1,4}}{_I}"
    rf"{_S}(?:can|could|would{_S}be{_S}happy{_S}to|am{_S}happy{_S}to|{_A}d{_S}be{_S}happy"
    rf"{_S}to|{_A}m{_S}happy{_S}to|{_A}ll)\b"
    rf"|\b{_I}{_S}(?:can|could){_S}(?:also{_S})?{_OFFER_VERB}\b[^.!?\n]{{0,80}}\bif{_S}"
    rf"(?:{_YOU_WANT})\b"
    # "If you need any further revisions, let me know"
    rf"|\bif{_S}(?:{_YOU_WANT}){_S}(?:{_MORE}{_S})?(?:[\w-]{{2,20}}{_S})?{_EDITS}[\s*_,]{{1,4}}"
    rf"(?:(?:just|please|simply){_S})?(?:let{_S}me{_S}know|feel{_S}free|{_I}{_S}can|{_I}{_A}d"
    rf"|{_I}{_A}m|{_I}{_S}am|{_I}{_S}would)\b"
    # "Feel free to ask if you need further adjustments"
    rf"|\bfeel{_S}free{_S}to{_S}(?:ask|let{_S}me{_S}know|reach{_S}out(?:{_S}to{_S}me)?)"
    rf"(?:{_S}(?:if|for|should){_S}(?:{_YOU_WANT}|any){_S}(?:{_MORE}{_S})?(?:changes?"
    rf"|adjustments?|edits?|modifications?|revisions?|tweaks?|further|more|other)\b"
    rf"|[\s*_]{{0,3}}[.!])"
    # "Is there anything else I can help with?"
    rf"|\b(?:is{_S}there|if{_S}there{_S}is){_S}anything{_S}else{_S}(?:{_I}{_S}can|you{_S}"
    rf"(?:would|{_A}d){_S}like|you{_S}need)\b"
    # "I hope this helps!", "Hope this meets your needs"
    rf"|\b(?:{_I}{_S})?hope{_S}(?:this|that|these|the{_S}above|it){_S}(?:helps?(?=[\s*_]{{0,3}}"
    rf"(?:[!.]|$|,))|was{_S}helpful|is{_S}helpful|meets{_S}your|fits{_S}your|works{_S}for{_S}you"
    rf"|gives{_S}you{_S}(?:a{_S})?(?:good{_S})?(?:start|idea))\b"
    rf"|\b(?:{_I}{_S})?hope{_S}(?:this|the){_S}(?:[\w-]{{2,20}}{_S})?(?:meets|exceeds|matches)"
    rf"{_S}your{_S}(?:expectations|needs|requirements)\b"
    r")"
)  # compiled on first use: _scan.compiled
# Every match holds one of these (lower-cased): a segment without any is not searched.
_NEEDLES = ("you", "know", "free", "shall", "anything", "hope", "happy", "glad")


_BARE_HAPPY = r"(?i)happy|glad"


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    for hit in phrase_hits(doc, _PATTERN, _NEEDLES):
        if compiled(_BARE_HAPPY).match(hit.segment.text, hit.start) and not opens_sentence(
            hit.segment, hit.start
        ):
            continue  # "we are happy to expand": only a sentence opening "Happy to" is a reply
        said = excerpt(doc, hit.start, hit.end)
        yield finding(
            hit,
            f"'{said}' talks to whoever asked a chat assistant for the text, not to readers: "
            "delete the sentence",
            unsafe_removal(doc, hit, "the sentence addressed to the requester"),
        )


RULE = Rule(
    code="AI104",
    name="requester-address",
    summary="The text offers the requester changes or more help, as a chat assistant does",
    severity=Severity.ERROR,
    check=check,
    fix=FixAvailability.UNSAFE,
)
