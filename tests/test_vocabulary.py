"""The project vocabulary: its file format, how terms match, and how the engine applies it."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from postlint.core.config import Config, ConfigError
from postlint.core.engine import Linter
from postlint.core.vocabulary import Rejected, add, load, parse

POST = "---\ntitle: A post\nlayout: post\n---\n\n{body}\n"


def _lint(body: str, vocabulary: str, tmp_path: Path) -> list[tuple[str, int, int, str]]:
    parsed = parse(vocabulary, tmp_path / ".postlint-vocabulary.txt")
    # proselint's whole default set: "very" (weasel_words.very) is off in postlint's defaults
    config = Config(root=tmp_path, extend_select=("PS001",))
    linter = Linter(replace(config, vocabulary=parsed))
    result = linter.lint_text(POST.format(body=body), str(tmp_path / "post.md"))
    return [
        (d.selector, d.start_pos.line, d.start_pos.column, d.message) for d in result.diagnostics
    ]


def test_file_format(tmp_path: Path) -> None:
    vocabulary = parse(
        "# a comment\n\nKubernetes\n  GitHub   Actions \n!Kiev -> Kyiv\n!synergy\n", tmp_path
    )
    assert vocabulary.accepted == ("Kubernetes", "GitHub Actions")
    assert vocabulary.rejected == (Rejected("Kiev", "Kyiv"), Rejected("synergy", ""))
    with pytest.raises(ConfigError, match=r":2: a replacement belongs to a rejected term"):
        parse("ok\nKiev -> Kyiv\n", tmp_path / "v.txt")
    with pytest.raises(ConfigError, match=r":1: '!' must be followed"):
        parse("! -> x\n", tmp_path / "v.txt")
    assert load(tmp_path / "missing.txt").accepted == ()  # not there yet: empty


def test_rejected_terms_match_by_case_rule_and_across_lines(tmp_path: Path) -> None:
    found = _lint(
        "Utilize it. We utilize KIEV and Kiev; kiev is not the name as written.\n"
        "This is low-hanging\nfruit. The Kievan Rus' and `utilize` stay.",
        "!utilize -> use\n!Kiev -> Kyiv\n!low-hanging fruit\n",
        tmp_path,
    )
    assert found == [
        ("PR199", 6, 1, "'Utilize' is a rejected term (project vocabulary .postlint-vocabulary.txt): use 'Use'"),
        ("PR199", 6, 16, "'utilize' is a rejected term (project vocabulary .postlint-vocabulary.txt): use 'use'"),
        ("PR199", 6, 33, "'Kiev' is a rejected term (project vocabulary .postlint-vocabulary.txt): use 'Kyiv'"),
        ("PR199", 7, 9, "'low-hanging\nfruit' is a rejected term (project vocabulary .postlint-vocabulary.txt)"),
    ]  # fmt: skip


def test_accepted_terms_silence_word_rules_only_inside_the_term(tmp_path: Path) -> None:
    body = "This is very unique. That is very unique too, and it was the the end."
    before = {s for s, *_ in _lint(body, "", tmp_path)}
    assert {"uncomparables", "weasel_words.very", "PR108"} <= before
    after = _lint(body, "very unique\n", tmp_path)
    assert [s for s, *_ in after] == ["PR108"]  # "the the" is not inside an accepted term
    capital = _lint("Very unique, this.", "very unique\n", tmp_path)
    assert capital == []  # a lower-case term matches in any case
    exact = _lint("This is Very Unique.", "Very unique\n", tmp_path)
    assert "uncomparables" in {s for s, *_ in exact}  # a capitalised term only as written


def test_add_keeps_the_file_and_replaces_an_entry(tmp_path: Path) -> None:
    path = tmp_path / "words.txt"
    path.write_bytes(b"# ours\r\nKubernetes\r\n!Kiev -> Kyiv\r\n")
    assert add(path, "GitHub  Actions") is True
    assert add(path, "GitHub Actions") is False  # already there
    assert add(path, "kiev") is True  # accepting a rejected term replaces the rejection
    assert path.read_bytes() == b"# ours\r\nKubernetes\r\nGitHub Actions\r\nkiev\r\n"
    assert add(path, "Kiev", rejected=True, replacement="Kyiv") is True
    assert load(path).rejected == (Rejected("Kiev", "Kyiv"),)
    with pytest.raises(ConfigError):
        add(path, "!oops")


def test_cli_vocabulary_add_and_check(tmp_path: Path, run_cli) -> None:
    (tmp_path / "postlint.toml").write_text('vocabulary = "style/words.txt"\n', encoding="utf-8")
    (tmp_path / "post.md").write_text(POST.format(body="It is very unique in Kiev."), "utf-8")
    assert run_cli("vocabulary", "add", "very unique").returncode == 0
    done = run_cli("vocabulary", "add", "--reject", "--use", "Kyiv", "Kiev")
    assert done.returncode == 0 and b"style/words.txt" in done.stdout
    assert (tmp_path / "style" / "words.txt").read_text(encoding="utf-8").splitlines()[1:] == [
        "very unique",
        "!Kiev -> Kyiv",
    ]
    report = run_cli("check", "--output-format", "json", "post.md")
    found = [
        (d["code"], d["start"]["line"], d["start"]["column"])
        for d in json.loads(report.stdout)["diagnostics"]
    ]
    assert found == [("PR199", 6, 22)]
    broken = tmp_path / "style" / "words.txt"
    broken.write_text("a -> b\n", encoding="utf-8")
    failed = run_cli("check", "post.md")
    assert failed.returncode == 2 and b"words.txt:1: a replacement belongs" in failed.stderr
