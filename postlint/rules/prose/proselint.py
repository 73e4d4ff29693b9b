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

## Fix
Where proselint names a replacement, postlint offers it as a fix: safe for spelling and
typography checks (`spelling.*`, `typography.*`), unsafe for wording changes, which need an
editor's eye (`--unsafe-fixes`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from postlint.diagnostic import Edit, Finding, Fix, Severity
from postlint.document import Document
from postlint.rule import FixAvailability, NoOptions, Rule

_SAFE_PREFIXES = ("spelling.", "typography.")


class Prepared:
    """The per-run proselint engine for the selected sub-codes, built on first use.

    Compiling proselint's checks takes a fifth of a second; a run answered from the cache never
    needs them, a run that checks little text uses proselint's own evaluation instead (one post
    in pre-commit), and a parallel run compiles them once before its workers fork.
    """

    def __init__(self, enabled: Callable[[str], bool]) -> None:
        self._enabled = enabled
        self._engine: Any = None

    @property
    def engine(self) -> Any:
        if self._engine is None:
            from postlint.proselint_engine import AdaptiveEngine

            self._engine = AdaptiveEngine(self._enabled)
        return self._engine

    def warm_up(self) -> None:
        """Compile the checks now: called before worker processes fork, so they share them."""
        self.engine.warm_up()


def prepare(options: NoOptions, enabled: Callable[[str], bool]) -> Prepared:
    return Prepared(enabled)


def _fix(matched: str, replacement: str, path: str, start: int, end: int) -> Fix:
    if matched[:1].isupper() and replacement[:1].islower():
        replacement = replacement[:1].upper() + replacement[1:]  # keep a capital at a start
    safe = path.startswith(_SAFE_PREFIXES)
    return Fix((Edit(start, end, replacement),), safe=safe, message=f"Replace with '{replacement}'")


def _findings(engine: Any, text: str, offset: int, original: str) -> Iterator[Finding]:
    for hit in engine.check_text(text):
        start, end = hit.start + offset, hit.end + offset
        fix = None
        if hit.replacement:
            matched = original[start:end]
            stripped = matched.strip()
            lead = len(matched) - len(matched.lstrip())
            fix = _fix(
                stripped, hit.replacement, hit.path, start + lead, start + lead + len(stripped)
            )
        yield Finding(start, end, hit.message, fix=fix, sub_code=hit.path)


def check(doc: Document, prepared: Prepared) -> Iterator[Finding]:
    yield from _findings(prepared.engine, doc.prose, 0, doc.text)
    for field in doc.text_fields:
        yield from _findings(prepared.engine, field.text, field.start, doc.text)


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
