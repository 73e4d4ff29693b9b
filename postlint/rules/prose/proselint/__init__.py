"""All of proselint's default checks, run on the prose only.

## What it does
Runs every check that proselint 0.16 enables by default (clichés, redundancy, jargon, weasel
words, typography, spelling, ...) over the post's prose view, so code, URLs, HTML, Liquid and
front matter are never read, plus the front-matter text fields (`title`, `excerpt`,
`description`). Each diagnostic carries proselint's check path as its sub-code, so
`select = ["typography.symbols"]` or `ignore = ["hedging"]` work precisely. Like proselint, it
does not flag words inside quoted speech (except the checks about quotation marks themselves).

Defaults measured on the corpus (1,961 posts of six public blogs; hits per check): unless
the configuration names PS001, `proselint` or the check itself (`select`, `extend-select`),
checks that are noise on professional writing are off, and style opinions are info:

| check | hits | default | why |
|---|---|---|---|
| `typography.symbols.curly_quotes` | 1961 | info; off where the generator typesets quotes | straight quotes are Markdown's normal quotes; Jekyll (kramdown), Hugo (Goldmark typographer) and Astro (smartypants) print curly ones anyway |
| `typography.symbols.ellipsis` | 267 | info; off where the generator typesets | `...` is the usual way to type an ellipsis, and typographers convert it |
| `weasel_words.very` | 1132 | off | a style opinion, and the commonest word it flags |
| `typography.punctuation.exclamation` | 688 | off | a style opinion: release and event posts celebrate |
| `typography.punctuation.spacing`, `typography.symbols.sentence_spacing` | 508, 33 | off | HTML collapses double spaces |
| `lexical_illusions` | 276 | off | repeated-word (PR108) finds repeats without crossing a heading |
| `typography.symbols.multiplication` | 15 | off | `s390x`, `0x1`, `1920x1080` are identifiers |
| `typography.diacritical_marks` | 23 | off | "resume" the verb, "cafe" in names |
| `misc.but` | 144 | off | "But" opening a sentence is good English |
| `dates_times.*` (am/pm, date ranges, month-year commas) | 40-260 | info | house style |
| `redundancy.misc.*`, `cliches.misc.*`, `misc.phrasal_adjectives.*`, `skunked_terms`, `needless_variants`, `misc.preferred_forms`, `misc.greylist`, `uncomparables`, `industrial_language.corporate_speak` | 30-240 each | info | style and usage advice an editor may or may not take |
| `misc.capitalization.seasons` | 114 | info | "Summer of Code", "Rust Fall" are names |

Every other check (spelling, `annotations.misc`, `typography.symbols.copyright`, hedging,
archaisms, oxymorons, ...) keeps proselint's default. `select = ["PS001"]` or
`--extend-select PS001` turns on exactly proselint 0.16's default set, all as warnings.

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
from dataclasses import replace
from typing import Any

from postlint.core.diagnostic import Finding, Severity
from postlint.core.document import Document
from postlint.core.protect import Protected
from postlint.core.rule import FixAvailability, NoOptions, Rule
from postlint.rules.prose.proselint import fixes
from postlint.rules.prose.proselint.paths import DEFAULT_CHECK_PATHS

_SAFE_PREFIXES = ("spelling.", "typography.")
# proselint's checks that are noise or a style opinion on professional writing, measured on six
# public blogs (1,961 posts; see the rule's docs for the counts and the reason for each). Unless
# the configuration names PS001, proselint or the check itself, these are off or info.
OFF, INFO = "off", "info"
DEFAULT_POLICY: dict[str, str] = {
    "typography.punctuation.spacing": OFF,  # double spaces: HTML collapses them
    "typography.symbols.sentence_spacing": OFF,  # the same
    "lexical_illusions": OFF,  # repeated-word (PR108) does it without crossing headings
    "typography.symbols.multiplication": OFF,  # s390x, 0x1, 1920x1080: identifiers
    "typography.diacritical_marks": OFF,  # "resume" the verb, "cafe" in names
    "weasel_words.very": OFF,  # a style opinion, and the commonest word it flags
    "typography.punctuation.exclamation": OFF,  # a style opinion: release posts celebrate
    "misc.but": OFF,  # "But" opening a sentence is good English
    "typography.symbols.curly_quotes": INFO,  # straight quotes are Markdown's normal quotes
    "typography.symbols.ellipsis": INFO,  # "..." is the usual way to type an ellipsis
    "dates_times.am_pm.lowercase_periods": INFO,  # house style
    "dates_times.am_pm.spacing": INFO,  # house style
    "dates_times.dates.dash_and_from": INFO,  # house style
    "dates_times.dates.month_year_comma": INFO,  # house style
    "redundancy.misc.after_the_deadline": INFO,  # style advice
    "misc.phrasal_adjectives.ly": INFO,  # style advice
    "cliches.misc.write_good": INFO,  # style advice
    "cliches.misc.garner": INFO,  # style advice
    "cliches.misc.gnu_diction": INFO,  # style advice
    "misc.capitalization.seasons": INFO,  # "Summer of Code", "Rust Fall": names
    "skunked_terms": INFO,  # usage advice
    "needless_variants": INFO,  # usage advice
    "misc.preferred_forms": INFO,  # usage advice
    "misc.greylist": INFO,  # usage advice
    "redundancy.misc.garner": INFO,  # style advice
    "uncomparables": INFO,  # "most unique" is often technical ("more complete")
    "industrial_language.corporate_speak": INFO,  # style advice
    "misc.phrasal_adjectives.examples": INFO,  # style advice
}
# Straight quotes and "..." that the site's generator turns typographic at build time: on such a
# site (Jekyll's kramdown, Hugo's Goldmark typographer, Astro's smartypants) these are noise.
TYPESET_BY_GENERATOR = ("typography.symbols.curly_quotes", "typography.symbols.ellipsis")


class Prepared:
    """The per-run proselint engine for the selected sub-codes, built on first use.

    Compiling proselint's checks takes a tenth of a second; a run answered from the cache never
    needs them, a run that checks little text uses proselint's own evaluation instead (one post
    in pre-commit), and a parallel run compiles them once before its workers fork.
    """

    def __init__(self, enabled: Callable[[str], bool]) -> None:
        self._enabled = enabled
        self._engine: Any = None
        named = getattr(enabled, "named", None)

        def unnamed(path: str) -> bool:
            return named is None or not named(path)

        # Checks a typographer makes moot, unless the configuration names them itself.
        self.typeset_off = frozenset(p for p in TYPESET_BY_GENERATOR if unnamed(p))
        self.policy = {path: level for path, level in DEFAULT_POLICY.items() if unnamed(path)}
        # Findings the policy discards (on a typesetting site, and elsewhere): the engine may
        # skip the checks that make them, and no fix is built for them.
        self.dropped = frozenset(path for path, level in self.policy.items() if level == OFF)
        self.dropped_typeset = self.dropped | self.typeset_off

    @property
    def engine(self) -> Any:
        if self._engine is None:
            from postlint.rules.prose.proselint.engine import AdaptiveEngine

            self._engine = AdaptiveEngine(self._enabled)
        return self._engine

    def warm_up(self) -> None:
        """Compile the checks now: called before worker processes fork, so they share them."""
        self.engine.warm_up()


def prepare(options: NoOptions, enabled: Callable[[str], bool]) -> Prepared:
    return Prepared(enabled)


def _findings(
    prepared: Prepared,
    dropped: frozenset[str],
    text: str,
    offset: int,
    doc: tuple[str, Protected],
) -> Iterator[Finding]:
    original, protected = doc
    for hit in prepared.engine.check_text(text, dropped):
        if hit.path in dropped:
            continue
        start, end = hit.start + offset, hit.end + offset
        fix = None
        if hit.replacement:
            matched = original[start:end]
            lead = len(matched) - len(matched.lstrip())
            trail = len(matched) - len(matched.rstrip())
            built = fixes.build(hit.path, hit.replacement, original, start + lead, end - trail)
            if built is not None and (
                built.whitespace_only or protected.reason(start + lead, end - trail) is None
            ):
                fix = built.fix
        yield Finding(start, end, hit.message, fix=fix, sub_code=hit.path)


def _by_policy(findings: Iterator[Finding], prepared: Prepared, typeset: bool) -> Iterator[Finding]:
    """Drop or lower the findings of checks that are noise here (see DEFAULT_POLICY)."""
    for finding in findings:
        path = finding.sub_code or ""
        if typeset and path in prepared.typeset_off:
            continue
        level = prepared.policy.get(path)
        if level == OFF:
            continue
        yield replace(finding, severity=Severity.INFO) if level == INFO else finding


def check(doc: Document, prepared: Prepared) -> Iterator[Finding]:
    typeset = doc.site.generator.smart_quotes
    dropped = prepared.dropped_typeset if typeset else prepared.dropped
    whole = (doc.text, doc.protected)
    found = _findings(prepared, dropped, doc.prose, 0, whole)
    yield from _by_policy(found, prepared, typeset)
    for field in doc.text_fields:
        found = _findings(prepared, dropped, field.text, field.start, whole)
        yield from _by_policy(found, prepared, typeset)


RULE = Rule(
    code="PS001",
    name="proselint",
    summary="All of proselint's default checks, on the prose only",
    severity=Severity.WARNING,
    check=check,
    prepare=prepare,
    fix=FixAvailability.SOMETIMES,
    sub_codes=DEFAULT_CHECK_PATHS,
)
