"""The engine names no rule: overlaps are settled by ``Rule.supersedes``, and the schema is
chosen and applied once per document, as a view FM001 and FM007 read."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from postlint.core.config import Config
from postlint.core.diagnostic import Finding, Severity
from postlint.core.document import Document
from postlint.core.engine import Linter
from postlint.core.rule import Rule, RuleSet, discover
from postlint.core.schema import LoadedSchema, load_schema
from postlint.core.schema_sandbox import SchemaSandbox
from postlint.core.source import SourceFile


def _first_word(doc: Document, options: Any) -> Iterator[Finding]:
    yield Finding(0, 3, "first word")


def _whole_text(doc: Document, options: Any) -> Iterator[Finding]:
    yield Finding(0, len(doc.text), "whole text")


GENERAL = Rule("XX001", "general", "general", Severity.INFO, check=_first_word)


def _codes(rules: tuple[Rule, ...], text: str = "the end\n") -> list[str]:
    result = Linter(Config(), rules=RuleSet(rules)).lint_text(text)
    return sorted(d.code for d in result.diagnostics)


def test_a_rule_that_supersedes_another_wins_on_the_same_span() -> None:
    specific = Rule(
        "YY001", "specific", "specific", Severity.INFO, check=_first_word, supersedes=("XX001",)
    )
    assert _codes((GENERAL, specific)) == ["YY001"]


def test_it_does_not_win_on_another_span_or_without_declaring_it() -> None:
    wider = Rule("YY001", "wider", "wider", Severity.INFO, check=_whole_text, supersedes=("XX001",))
    assert _codes((GENERAL, wider)) == ["XX001", "YY001"]
    undeclared = Rule("YY001", "specific", "specific", Severity.INFO, check=_first_word)
    assert _codes((GENERAL, undeclared)) == ["XX001", "YY001"]


def test_the_repeated_word_rule_supersedes_proselints_lexical_illusion() -> None:
    linter = Linter(Config(select=("PR108", "PS001")))
    result = linter.lint_text("---\ntitle: A post\n---\nIt was the the end of it.\n")
    assert [(d.code, d.start_pos.column) for d in result.diagnostics] == [("PR108", 8)]
    alone = Linter(Config(select=("PS001",))).lint_text(
        "---\ntitle: A post\n---\nIt was the the end of it.\n"
    )
    assert "PS001" in {d.code for d in alone.diagnostics}  # so the test above can fail


@dataclass
class _CountingValidator:
    """A real validator that counts how often it validates."""

    inner: Any
    calls: int = 0

    def iter_errors(self, instance: Any) -> Iterator[Any]:
        self.calls += 1
        return self.inner.iter_errors(instance)

    @property
    def schema(self) -> Any:  # read by required_keys, not a validation
        return self.inner.schema


def _counting_schema(tmp_path: Path) -> tuple[LoadedSchema, _CountingValidator]:
    path = tmp_path / "post.schema.json"
    path.write_text(
        '{"type": "object", "required": ["title"],'
        ' "properties": {"title": {"type": "string", "minLength": 1},'
        ' "tags": {"type": "array", "minItems": 1}}}'
    )
    loaded = load_schema(path, SchemaSandbox.at(tmp_path))
    counting = _CountingValidator(loaded.validator)
    return replace(loaded, validator=counting), counting  # type: ignore[arg-type]


def test_fm001_and_fm007_share_one_validation(tmp_path: Path) -> None:
    schema, counting = _counting_schema(tmp_path)
    text = '---\ntitle: ""\ntags: []\nlinks: {}\n---\nText.\n'
    doc = Document(SourceFile("post.md", text), schema=schema)
    rules = discover()
    for code in ("FM001", "FM007"):
        rule = rules.get(code)
        assert rule is not None
        found = list(rule.check(doc, rule.default_options()))
        assert found, code
    assert counting.calls == 1
    fm007 = rules.get("FM007")
    assert fm007 is not None
    # the schema rejects title and tags (FM001 says so); FM007 reports only links
    assert [f.message for f in fm007.check(doc, fm007.default_options())] == [
        "`links` is an empty mapping: fill it in or remove the key"
    ]


def test_the_document_asks_for_its_schema_once_and_never_is_assigned_one(tmp_path: Path) -> None:
    schema, _ = _counting_schema(tmp_path)
    asked: list[str] = []

    def choose(doc: Document) -> Any:
        from postlint.core.schema_choice import SchemaChoice

        asked.append(doc.path)
        return SchemaChoice(schema)

    doc = Document(SourceFile("post.md", "---\ntitle: x\n---\n"), schemas=choose)
    assert doc.schema is schema and doc.schema is schema
    assert asked == ["post.md"]
