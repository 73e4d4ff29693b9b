"""Contract: every rule documents itself, and its documented example really fires."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from crash_guard import without_crash
from postlint.core.config import Config
from postlint.core.engine import Linter
from postlint.core.rule import Rule, discover

REPO = Path(__file__).resolve().parents[1]
RULES = discover()
HEADINGS = ("## What it does", "## Why is this bad?", "## Example", "## Use instead", "## Fix")
_FENCE = re.compile(r"```markdown(?P<info>[^\n]*)\n(?P<body>.*?)\n```", re.DOTALL)


def _section(docs: str, heading: str) -> str:
    start = docs.index(heading) + len(heading)
    following = [docs.find(h, start) for h in HEADINGS if docs.find(h, start) != -1]
    return docs[start : min(following, default=len(docs))]


def _post(section: str) -> tuple[str, str] | None:
    match = _FENCE.search(section)
    if match is None:
        return None
    path = re.search(r'title="([^"]+)"', match.group("info"))
    return match.group("body") + "\n", path.group(1) if path else "post.md"


def _codes(rule: Rule, text: str, path: str) -> set[str]:
    from postlint.core.vocabulary import Vocabulary, parse
    from postlint.rules.house.house_style import EXAMPLE_RULES  # HS001's docs use this rule

    # PR199's docs run with the vocabulary line "!Kiev -> Kyiv".
    vocabulary: Vocabulary = parse("!Kiev -> Kyiv\n", REPO / ".postlint-vocabulary.txt")
    # FM013's docs refer to the sample blog's image, looked up from examples/ as the root.
    config = Config(
        select=(rule.code,), house=EXAMPLE_RULES, root=REPO / "examples", vocabulary=vocabulary
    )
    linter = Linter(config)
    return {d.code for d in without_crash(linter.lint_text(text, path)).diagnostics}


@pytest.mark.parametrize("rule", list(RULES), ids=lambda r: f"{r.code}-{r.name}")
def test_rule_has_docs(rule: Rule) -> None:
    assert rule.summary and rule.summary[0].isupper() and not rule.summary.endswith(".")
    for heading in HEADINGS:
        assert heading in rule.docs, f"{rule.code} docs lack {heading!r}"
    assert re.fullmatch(r"[A-Z]{2}\d{3}", rule.code)
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name)


@pytest.mark.parametrize(
    "rule", [r for r in RULES if not r.engine_only], ids=lambda r: f"{r.code}-{r.name}"
)
def test_rule_example_fires_and_fix_is_quiet(rule: Rule) -> None:
    example = _post(_section(rule.docs, "## Example"))
    instead = _post(_section(rule.docs, "## Use instead"))
    assert example is not None and instead is not None, (
        f"{rule.code}: examples need ```markdown blocks"
    )
    assert rule.code in _codes(rule, *example), f"{rule.code}: its Example does not fire"
    assert rule.code not in _codes(rule, *instead), f"{rule.code}: its Use instead fires"


def test_codes_and_names_are_unique() -> None:
    codes = [r.code for r in RULES]
    names = [r.name for r in RULES]
    assert len(set(codes)) == len(codes) and len(set(names)) == len(names)
