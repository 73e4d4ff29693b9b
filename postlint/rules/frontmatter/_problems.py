"""Rules that report what the front-matter parser found (see frontmatter.Problem.kind)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import Any

from postlint.core.diagnostic import Finding
from postlint.core.document import Document
from postlint.core.rule import NoOptions, Rule


def problems_of_kind(doc: Document, options: NoOptions, *, kind: str) -> Iterator[Finding]:
    fm = doc.front_matter
    if fm is None:
        return
    for problem in fm.problems:
        if problem.kind == kind:
            yield Finding(problem.start, problem.end, problem.message)


def parser_problem_rule(kind: str, **meta: Any) -> Rule:
    """A rule whose findings are the parser's problems of one kind."""
    return Rule(check=partial(problems_of_kind, kind=kind), **meta)
