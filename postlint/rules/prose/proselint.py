"""All of proselint's default checks, run on the prose only.

## What it does
Runs every check that proselint 0.16 enables by default (clichés, redundancy, jargon, weasel
words, typography, spelling, ...) over the post's prose view, so code, URLs, HTML, Liquid and
front matter are never read, plus the front-matter text fields (`title`, `excerpt`,
`description`). Each diagnostic carries proselint's check path as its sub-code, so
`select = ["typography.symbols"]` or `ignore = ["hedging"]` work precisely. Like proselint, it
does not flag words inside quoted speech (except the checks about quotation marks themselves).

## Why is this bad?
proselint's checks catch wording that editors remove: "very unique", "utilize", "...", straight
quotes. Run on raw Markdown, they also fire inside code samples and URLs; here they do not.

## Example
```markdown
---
title: A post
---

We will utilize every tool to make it very unique.
```

## Use instead
```markdown
---
title: A post
---

We will use every tool to make it unique.
```

## Fix safety
A fix is offered only where the literal replacement can be built from the matched text, and
never inside a quotation, a name of several capitalised words, an identifier (`rust-analyzer`,
`snake_case`, `v8.3`), a URL or a word that continues past the match ("analyses"). Where
proselint's replacement is a pattern, a list of alternatives or drops punctuation the match
borrowed, or the unaccented word is a word of its own ("resume"), the diagnostic is a
suggestion only. A fix that would leave the text as it was is not offered.

- Safe: only `typography.punctuation.spacing`, which resizes the blanks after a full stop and
  changes no character but spaces.
- Unsafe (`--unsafe-fixes`): every other check's preferred form (wording, spelling,
  consistency of regional spelling, diacritics, capitalisation): each chooses between words, so
  an editor should read it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from postlint.diagnostic import Finding, Severity
from postlint.document import Document
from postlint.protect import Protected
from postlint.rule import FixAvailability, NoOptions, Rule
from postlint.rules.prose import proselint_fixes


class Prepared:
    """The per-run proselint engine for the selected sub-codes, built on first use.

    Compiling proselint's checks takes a fifth of a second; a run answered from the cache never
    needs them, and worker processes build their own in parallel.
    """

    def __init__(self, enabled: Callable[[str], bool]) -> None:
        self._enabled = enabled
        self._engine: Any = None

    @property
    def engine(self) -> Any:
        if self._engine is None:
            from postlint.proselint_engine import ProselintEngine

            self._engine = ProselintEngine(self._enabled)
        return self._engine


def prepare(options: NoOptions, enabled: Callable[[str], bool]) -> Prepared:
    return Prepared(enabled)


def _findings(
    engine: Any, text: str, offset: int, original: str, protected: Protected
) -> Iterator[Finding]:
    for hit in engine.check_text(text):
        start, end = hit.start + offset, hit.end + offset
        fix = None
        if hit.replacement:
            matched = original[start:end]
            lead = len(matched) - len(matched.lstrip())
            trail = len(matched) - len(matched.rstrip())
            built = proselint_fixes.build(
                hit.path, hit.replacement, original, start + lead, end - trail
            )
            if built is not None and (
                built.whitespace_only or protected.reason(start + lead, end - trail) is None
            ):
                fix = built.fix
        yield Finding(start, end, hit.message, fix=fix, sub_code=hit.path)


def check(doc: Document, prepared: Prepared) -> Iterator[Finding]:
    protected = Protected(doc)
    yield from _findings(prepared.engine, doc.prose, 0, doc.text, protected)
    for field in doc.text_fields:
        yield from _findings(prepared.engine, field.text, field.start, doc.text, protected)


def _default_check_paths() -> tuple[str, ...]:
    """proselint's default check paths (an immutable fact about the installed proselint)."""
    from proselint.checks import __register__
    from proselint.config import DEFAULT

    enabled = DEFAULT["checks"]
    paths = {
        check.path
        for check in __register__
        if any(check.matches_partial(key) and on for key, on in enabled.items())
    }
    return tuple(sorted(paths))


RULE = Rule(
    code="PS001",
    name="proselint",
    summary="All of proselint's default checks, on the prose only",
    severity=Severity.WARNING,
    check=check,
    prepare=prepare,
    fix=FixAvailability.SOMETIMES,
    sub_codes=_default_check_paths(),
)
