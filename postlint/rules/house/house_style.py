"""House-style rules defined as data in the configuration.

## What it does
Runs the rules of `[tool.postlint.house.<name>]` tables (see docs/configuration.md): words that
must not appear (`existence`), words to replace (`substitution`, with a safe fix), pairs that
must not both appear (`consistency`), sentence or title case for the title and headings
(`capitalization`) and length limits for front-matter text fields (`length`). Each diagnostic's
sub-code is `house.<name>`, so one house rule can be selected, ignored or suppressed alone.

## Why is this bad?
Every publication has a style guide; a rule that lives in the configuration is applied to every
post, every time, without anyone writing code.

## Example
```markdown
---
title: A post
---

The talks took place in Kiev.
```

## Use instead
```markdown
---
title: A post
---

The talks took place in Kyiv.
```

(With `[tool.postlint.house.kyiv] kind = "substitution"` and `swap = { Kiev = "Kyiv" }`; the
examples above run with that configuration.)

## Fix safety
`substitution`: safe, because the house declared each swap (write `safe = false` in the rule
to make its fixes unsafe, for swaps that need reading). The preferred word replaces the other,
keeping a capital at the start of a sentence. No fix inside a quotation, a block quote, an
identifier or a URL, nor inside a name of several capitalised words unless the swap itself is
written as a name (`Kiev = "Kyiv"` also fixes "Kiev Ballet"). `capitalization`: unsafe (names
the rule does not know may be lowered). The other kinds: no fix.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from postlint.core.diagnostic import Finding, Severity
from postlint.core.document import Document
from postlint.core.rule import FROM_CONFIG, FixAvailability, Rule
from postlint.rules.house import HouseRule
from postlint.rules.house.checks import Compiled
from postlint.rules.house.kinds import check_rule, compile_rule

# The docs' example runs with this rule; a real configuration replaces it.
EXAMPLE_RULES = (HouseRule(name="kyiv", kind="substitution", swap=(("Kiev", "Kyiv"),)),)


@dataclass(frozen=True)
class Options:
    rules: tuple[HouseRule, ...] = field(default=(), metadata={FROM_CONFIG: True})


@dataclass(frozen=True)
class Prepared:
    rules: tuple[Compiled, ...] = ()


def prepare(options: Options, enabled: Callable[[str], bool]) -> Prepared:
    """Compile only the house rules that are selected (``house.<name>`` sub-codes)."""
    return Prepared(tuple(compile_rule(r) for r in options.rules if enabled(r.sub_code)))


def check(doc: Document, prepared: Prepared) -> Iterator[Finding]:
    for compiled in prepared.rules:
        yield from check_rule(doc, compiled)


def _from_config(config: Any) -> dict[str, Any]:
    return {"rules": config.house} if config.house else {}


RULE = Rule(
    code="HS001",
    supersedes=("PS001",),  # on the same span, this rule says more than proselint
    name="house-style",
    summary="A house-style rule from the configuration",
    severity=Severity.WARNING,
    check=check,
    options=Options,
    prepare=prepare,
    config_options=_from_config,
    sub_code_prefix="house",
    fix=FixAvailability.SOMETIMES,
)
