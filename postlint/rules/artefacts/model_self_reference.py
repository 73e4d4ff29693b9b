"""A language model speaking about itself in the first person.

## What it does
Finds first-person statements of being a model or an assistant, in the body and in the
front-matter text fields: "As an AI language model, I ...", "As a large language model trained
by OpenAI, I ...", "I'm just an AI", "I am a virtual assistant", "I am ChatGPT", "I was trained
by OpenAI", "I don't have personal opinions", in any letter case, with straight or curly
apostrophes, bold or not.

The statement must be in the first person: "As an AI model, it cannot ..." describes a model
and is not reported, nor is "I am an AI researcher". Quotations (in quotation marks, in a block
quote, after "replied:" or "such as"), code and links are not read, so a post about language
models can quote one.

## Why is this bad?
The principle: a post's author is a person or an organisation, so text in which the writer
says it is a model was pasted from a chat assistant unread. Readers who meet it stop trusting
every other sentence of the post.

## Example
```markdown
---
title: Rates rise again
---

As an AI language model, I cannot predict what the central bank will do next.
```

## Use instead
```markdown
---
title: Rates rise again
---

Nobody can predict what the central bank will do next.
```

## Fix
None: the sentence has to be rewritten or deleted by someone who knows what the post says.
"""

from __future__ import annotations

from collections.abc import Iterator

from postlint.core.diagnostic import Finding, Severity
from postlint.core.document import Document
from postlint.core.rule import NoOptions, Rule
from postlint.rules.artefacts._scan import APOSTROPHE, GAP, excerpt, finding, phrase_hits

_A = APOSTROPHE
_S = GAP
# What a model calls itself; up to two words before the noun ("a large language model",
# "a helpful AI assistant", "an AI-powered virtual assistant").
_NOUN = (
    r"(?:(?:AI|A\.I\.|artificial[\s_]intelligence)(?:[\s-]{1,2}(?:powered|based|driven))?"
    rf"(?:{_S}(?:[\w-]{{2,15}}{_S})?(?:language{_S}model|model|assistant|chat(?:{_S})?bot|system"
    r"|program|helper))?"
    rf"|(?:large{_S})?language{_S}model|LLM|chat[\s-]?bot|(?:virtual|digital){_S}assistant"
    rf"|generative{_S}(?:AI|model)|machine[\s-]learning{_S}model)"
)
_ADJECTIVES = rf"(?:[\w-]{{2,20}}{_S}){{0,2}}"
# Roles of people: "I am an AI researcher", "As an LLM engineer, I".
_NOT_A_ROLE = (
    r"(?![\s-]{1,2}(?:research(?:er)?|engineer(?:ing)?|scientist|developer|enthusiast|expert"
    r"|practitioner|skeptic|sceptic|ethicist|ethics|specialist|consultant|advocate|evangelist"
    r"|lead|person|fan|critic|user|team|company|startup|product|lab|policy|safety|group"
    r"|project|hobbyist|optimist|pessimist|professional|student|instructor|teacher|educator"
    r"|investor|architect|officer|manager|designer|writer|builder|maker|community|space"
    r"|field|industry|pioneer|veteran|novice|newbie|beginner|leader|founder)s?\b)"
)
_MAKERS = r"(?:OpenAI|Anthropic|Google|DeepMind|Meta|Microsoft|Mistral|xAI|DeepSeek)"
_TRAINED = rf"(?:developed|created|trained|built|made|designed|programmed|powered){_S}by"
_I = "I"  # in any case: some pipelines lower-case whole replies
_PATTERN = (
    r"(?i)(?=[aibdm])(?:"
    # "As an AI (language model)(, developed by OpenAI), I ..."
    rf"\b(?:as|being){_S}(?:an?{_S}|the{_S})?{_ADJECTIVES}{_NOUN}{_NOT_A_ROLE}\b"
    rf"(?:{_S}(?:{_TRAINED}|trained{_S}on){_S}[\w-]{{1,30}}(?:{_S}[\w-]{{1,30}})?)?"
    rf"[\s*_]{{0,3}}(?:,|[\s*_]{{1,3}}(?={_I}\b|my\b))[\s*_]{{0,3}}(?:{_I}|my|me)\b"
    # "I'm just an AI", "I am a large language model"
    rf"|\b{_I}(?:{_A}m|{_S}am){_S}(?:(?:just|only|merely|simply|not|but|actually|still)"
    rf"{_S})?(?:an?|the){_S}{_ADJECTIVES}{_NOUN}{_NOT_A_ROLE}\b"
    rf"|\b{_I}(?:{_A}m|{_S}am){_S}(?:ChatGPT|GPT-?\d)\b"
    # "I'm Claude, an AI assistant made by Anthropic"
    rf"|\b{_I}(?:{_A}m|{_S}am){_S}[\w-]{{2,20}},{_S}(?:an?|the){_S}{_ADJECTIVES}{_NOUN}{_NOT_A_ROLE}\b"
    rf"|\b{_I}{_S}was{_S}{_TRAINED}{_S}{_MAKERS}\b"
    # "I don't have personal opinions", "I do not have feelings or consciousness"
    rf"|\b{_I}{_S}(?:do{_S}not|don{_A}t|lack){_S}(?:have{_S})?(?:any{_S})?(?:"
    rf"personal{_S}(?:opinions|beliefs|preferences|feelings|emotions|experiences|views)"
    rf"|feelings{_S}or{_S}(?:emotions|opinions|consciousness)|emotions{_S}or{_S}feelings"
    rf"|consciousness|a{_S}physical{_S}(?:body|form|presence))\b"
    r")"
)  # compiled on first use: _scan.compiled
# Every match holds one of these (lower-cased): a segment without any is not searched.
_NEEDLES = (
    " ai", "*ai", "_ai", "\nai", "\tai", "a.i.", "artificial", "language", "llm", "chat",
    "virtual", "digital", "generative", "machine", "gpt", "openai", "anthropic", "google",
    "deepmind", "meta", "microsoft", "mistral", "xai", "deepseek", "personal", "feelings",
    "emotions", "consciousness", "physical",
)  # fmt: skip


def check(doc: Document, options: NoOptions) -> Iterator[Finding]:
    for hit in phrase_hits(doc, _PATTERN, _NEEDLES):
        said = excerpt(doc, hit.start, hit.end)
        yield finding(
            hit,
            f"'{said}': the writer says it is a language model; this is a chat assistant's "
            "text pasted unread: rewrite or delete the sentence",
        )


RULE = Rule(
    code="AI101",
    name="model-self-reference",
    summary="The text says, in the first person, that its writer is a language model",
    severity=Severity.ERROR,
    check=check,
)
