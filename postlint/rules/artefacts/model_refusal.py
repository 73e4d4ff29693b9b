"""A chat assistant's refusal pasted into the post.

## What it does
Finds the shapes of a refusal, in the body and in the front-matter text fields:

- an apology followed by an inability to do what was asked: "I'm sorry, but I can't assist
  with that", "Sorry, I cannot fulfil ...", "I apologise, but I'm unable to provide ...";
- an inability to serve a request: "I can't help with that request", "I'm unable to comply
  with your query", "I cannot assist with this.";
- a policy reason: "as it goes against my guidelines", "this violates OpenAI's content
  policy", "it would be against my programming".

Letter case, straight or curly apostrophes, emphasis and the order of the clauses may vary.
"I can't help but smile" is not a refusal, nor is "Unfortunately, I can't share more
details" (no request is refused). Quotations, block quotes, code and links are not read, so a
post about chat assistants can quote a refusal.

## Why is this bad?
The principle: a published article never declines to be written, so a refusal in it means a
pipeline published a model's answer without reading it. Chatbot-written news sites have been
found by exactly this text.

## Example
```markdown
---
title: Ten facts about the city
---

I'm sorry, but I can't assist with that request.
```

## Use instead
```markdown
---
title: Ten facts about the city
---

The city was founded in 1850 on the banks of the river.
```

## Fix
None: the post around a refusal is usually missing; it needs a writer, not an edit.
"""

from __future__ import annotations

from collections.abc import Iterator

from postlint.core.diagnostic import Finding, Severity
from postlint.core.document import Document
from postlint.core.rule import NoOptions, Rule
from postlint.rules.artefacts._scan import APOSTROPHE, GAP, excerpt, finding, phrase_hits

_A = APOSTROPHE
_S = GAP
_I = "I"  # in any case: some pipelines lower-case whole replies
_APOLOGY = (
    rf"(?:{_I}(?:{_A}m|{_S}am){_S}(?:(?:really|so|very|truly|terribly){_S})?sorry"
    rf"|{_I}{_S}(?:do{_S})?apologi[sz]e|(?:my{_S})?apologies|sorry)"
)
_UNABLE = (
    rf"{_I}(?:{_S}(?:can{_A}?t|cannot|can{_S}not|won{_A}t{_S}be{_S}able{_S}to|will{_S}not{_S}be"
    rf"{_S}able{_S}to|(?:must|have{_S}to){_S}decline{_S}to|(?:do{_S}not|don{_A}t){_S}have"
    rf"{_S}the{_S}ability{_S}to)|(?:{_S}am|{_A}m){_S}(?:not{_S}able|unable|not{_S}allowed"
    rf"|not{_S}permitted){_S}to)"
)
_VERB = (
    r"(?:assist|help(?![\s*_]{1,4}(?:but|feeling|thinking|wondering|noticing|it)\b)|provide"
    r"|fulfil{1,2}|comply|generate|create|produce|write|complete|engage|support|do|continue"
    r"|answer|process|perform|respond|accommodate|carry|offer|give|share|browse|access)"
)
_REQUEST = (
    rf"(?:(?:with|to){_S})?(?:(?:this|that|your|such|these|those|the){_S})?"
    rf"(?:[\w-]{{2,20}}{_S})?(?:request|query|question|task|prompt|inquiry|enquiry|demand)s?\b"
)
_THAT_END = rf"(?:with{_S})?(?:that|this)[\s*_]{{0,3}}(?:[.!]|$)"
_AGAINST = (
    rf"(?:go(?:es)?{_S}against|violat(?:e|es|ing)|(?:is|are|would{_S}be){_S}against"
    rf"|breach(?:es)?|contradicts?|conflicts?{_S}with|(?:is|are){_S}not{_S}(?:allowed|permitted)"
    rf"{_S}by)"
)
_POLICY = (
    rf"{_AGAINST}{_S}(?:my{_S}(?:[\w-]{{2,20}}{_S})?(?:guidelines|programming|policies"
    rf"|instructions)|(?:OpenAI|Anthropic|Google){_A}s{_S}(?:[\w-]{{2,20}}{_S})?(?:guidelines"
    rf"|polic(?:y|ies)|terms))\b"
)
_PATTERN = (
    r"(?i)(?=[imasugvbcr])(?:"
    rf"\b{_APOLOGY}[\s*_,.!;:—–-]{{1,6}}(?:but{_S})?(?:(?:unfortunately|however),?{_S})?"
    rf"{_UNABLE}{_S}{_VERB}\b"
    rf"|\b{_UNABLE}{_S}(?:(?:fully|directly|really){_S})?{_VERB}{_S}(?:{_REQUEST}|{_THAT_END})"
    rf"|\b{_UNABLE}{_S}(?:fulfil{{1,2}}|comply{_S}with|honou?r|accommodate){_S}(?:this|that|your)\b"
    rf"|\b{_POLICY}"
    # "I must decline to write this", "I'm unable to produce that content"
    rf"|\b{_I}{_S}(?:must|have{_S}to|will{_S}have{_S}to|need{_S}to){_S}(?:(?:respectfully|politely)"
    rf"{_S})?decline\b"
    rf"|\b{_UNABLE}{_S}{_VERB}{_S}(?:that|this|such){_S}(?:(?:kind|type|sort){_S}of{_S})?"
    r"(?:content|material)\b"
    r")"
)  # compiled on first use: _scan.compiled
# Every match holds one of these (lower-cased): a segment without any is not searched.
_NEEDLES = (
    "sorry", "apolog", "can", "unable", "able", "abilit", "decline", "against", "violat",
    "breach", "contradict", "conflict", "allowed", "permitted",
)  # fmt: skip


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    for hit in phrase_hits(doc, _PATTERN, _NEEDLES):
        said = excerpt(doc, hit.start, hit.end)
        yield finding(
            hit,
            f"'{said}' is a chat assistant's refusal, published unread: write the text the "
            "post needs, or withdraw it",
        )


RULE = Rule(
    code="AI102",
    name="model-refusal",
    summary="A chat assistant's refusal is left in the post",
    severity=Severity.ERROR,
    check=check,
)
