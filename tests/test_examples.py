"""Rule tests by example: every tests/examples/<CODE>_<name>/ folder holds complete posts.

``bad-*.md`` must raise exactly the diagnostics announced by ``expect`` comments
(``<!-- expect: [PR101] -->`` in Markdown, ``# expect: [FM001]`` in YAML/TOML); ``ok-*.md`` must
raise none of the folder's rule. A comment with other text before it on its line expects the
diagnostics on that line; a comment alone on its line, on the next line; ``expect@N`` names
line N. A file may set its path for the linter with ``<!-- path: _posts/2025-01-01-x.md -->``
and run other rules beside the folder's with ``<!-- select: PR108 -->``. A ``postlint.toml`` in
the folder configures its posts (rule options, house rules).
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from pathlib import Path

import pytest

from crash_guard import without_crash
from postlint.config import Config
from postlint.config_loader import load_config_file
from postlint.engine import Linter
from postlint.rule import discover
from postlint.source import SourceFile

EXAMPLES = Path(__file__).parent / "examples"
_EXPECT = re.compile(r"(?:<!--|#)\s*expect(?:@(\d+))?:\s*\[([^\]]*)\]")
_SELECT = re.compile(r"<!--\s*select:\s*([^>]*?)\s*-->")
_PATH = re.compile(r"<!--\s*path:\s*(\S+)\s*-->|#\s*path:\s*(\S+)")


def _cases() -> list[tuple[str, Path]]:
    cases = []
    for folder in sorted(p for p in EXAMPLES.iterdir() if p.is_dir()):
        for post in sorted(folder.glob("*.md")):
            cases.append((folder.name, post))
    return cases


def expected_of(text: str) -> set[tuple[int, str]]:
    expected: set[tuple[int, str]] = set()
    lines = text.splitlines()
    for number, line in enumerate(lines, start=1):
        for match in _EXPECT.finditer(line):
            codes = [c.strip() for c in match.group(2).split(",") if c.strip()]
            if match.group(1):
                target = int(match.group(1))
            elif line[: match.start()].strip():
                target = number
            else:
                target = number + 1
            expected.update((target, code) for code in codes)
    return expected


@functools.cache
def _folder_config(folder: str) -> Config:
    """A folder's own ``postlint.toml`` (rule options, house rules), else the defaults."""
    path = EXAMPLES / folder / "postlint.toml"
    return load_config_file(path, discover()) if path.is_file() else Config()


def lint_example(folder: str, post: Path):
    code = folder.split("_", 1)[0]
    data = post.read_bytes()
    text = data.decode("utf-8-sig")
    named = _PATH.search(text)
    path = (named.group(1) or named.group(2)) if named else f"examples/{folder}/{post.name}"
    extra = _SELECT.search(text)
    select = (code, *(extra.group(1).split() if extra else ()))
    linter = Linter(replace(_folder_config(folder), select=select))
    source = SourceFile.from_bytes(path, data)
    return code, without_crash(linter.lint_source(source))


@pytest.mark.parametrize(
    ("folder", "post"), _cases(), ids=lambda v: v if isinstance(v, str) else v.name
)
def test_example(folder: str, post: Path) -> None:
    code, result = lint_example(folder, post)
    found = {(d.start_pos.line, d.code) for d in result.diagnostics if d.code == code}
    text = post.read_bytes().decode("utf-8-sig")
    if post.name.startswith("ok-"):
        assert not [d for d in result.diagnostics if d.code == code], result.diagnostics
    else:
        expected = expected_of(text)
        assert expected, f"{post} has no expect comment"
        assert found == expected, "\n".join(
            f"{d.start_pos.line}:{d.start_pos.column} {d.code} {d.message}"
            for d in result.diagnostics
        )


def test_every_rule_has_examples() -> None:
    from postlint.rule import discover

    folders = {p.name.split("_", 1)[0] for p in EXAMPLES.iterdir() if p.is_dir()}
    missing = [r.code for r in discover() if not r.engine_only and r.code not in folders]
    assert not missing, f"rules without tests/examples folder: {missing}"
