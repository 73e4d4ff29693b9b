"""Rule tests by example: every tests/examples/<CODE>_<name>/ folder holds complete posts.

``bad-*.md`` must raise exactly the diagnostics announced by ``expect`` comments
(``<!-- expect: [PR101] -->`` in Markdown, ``# expect: [FM001]`` in YAML/TOML); ``ok-*.md`` must
raise none of the folder's rule. A comment with other text before it on its line expects the
diagnostics on that line; a comment alone on its line, on the next line; ``expect@N`` names
line N. A file may set its path for the linter with ``<!-- path: _posts/2025-01-01-x.md -->``
and run other rules beside the folder's with ``<!-- select: PR108 -->``. A ``postlint.toml`` in
the folder configures its posts (rule options, house rules).

Beyond (line, code), each post has committed snapshots in the folder's ``snapshots/``:
``<post>.txt`` lists every diagnostic as ``line:col CODE message`` and ``<post>.fixed`` holds
the text ``--fix --unsafe-fixes`` leaves (only for posts a fix changes); fixing that text
again must change nothing. A missing or stale snapshot fails. After a deliberate change,
regenerate them and review the diff::

    POSTLINT_UPDATE_SNAPSHOTS=1 python -m pytest tests/test_examples.py
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import replace
from pathlib import Path

import pytest

from crash_guard import without_crash
from postlint.application.config_loader import load_config_file
from postlint.core.config import Config
from postlint.core.diagnostic import FileResult
from postlint.core.engine import Linter
from postlint.core.fix import fix_source
from postlint.core.rule import discover
from postlint.core.source import SourceFile

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


def _example_linter(folder: str, post: Path) -> tuple[Linter, SourceFile]:
    code = folder.split("_", 1)[0]
    data = post.read_bytes()
    text = data.decode("utf-8-sig")
    named = _PATH.search(text)
    path = (named.group(1) or named.group(2)) if named else f"examples/{folder}/{post.name}"
    extra = _SELECT.search(text)
    select = (code, *(extra.group(1).split() if extra else ()))
    linter = Linter(replace(_folder_config(folder), select=select))
    return linter, SourceFile.from_bytes(path, data)


def lint_example(folder: str, post: Path) -> tuple[str, FileResult]:
    linter, source = _example_linter(folder, post)
    return folder.split("_", 1)[0], without_crash(linter.lint_source(source))


UPDATE = os.environ.get("POSTLINT_UPDATE_SNAPSHOTS") == "1"


def render(result: FileResult) -> str:
    """One line per diagnostic: ``line:col CODE[sub-code] message``."""
    lines = []
    for d in result.diagnostics:
        sub = f"[{d.sub_code}]" if d.sub_code else ""
        lines.append(f"{d.start_pos.line}:{d.start_pos.column} {d.code}{sub} {d.message}\n")
    return "".join(lines)


def _read(path: Path) -> str | None:
    if not path.is_file():
        return None
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


def check_snapshot(path: Path, actual: str | None) -> None:
    """``actual`` must equal the committed snapshot (None: no snapshot may exist)."""
    if UPDATE:
        path.parent.mkdir(exist_ok=True)
        if actual is None:
            path.unlink(missing_ok=True)
        else:
            with open(path, "w", encoding="utf-8", newline="") as handle:
                handle.write(actual)
        return
    expected = _read(path)
    if actual is None:
        assert expected is None, f"stale snapshot {path}: remove it (POSTLINT_UPDATE_SNAPSHOTS=1)"
        return
    assert expected is not None, f"missing snapshot {path} (POSTLINT_UPDATE_SNAPSHOTS=1)"
    assert actual == expected, f"snapshot {path} differs"


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
        assert found == expected, render(result)


@pytest.mark.parametrize(
    ("folder", "post"), _cases(), ids=lambda v: v if isinstance(v, str) else v.name
)
def test_example_snapshots(folder: str, post: Path) -> None:
    """Code, line, column and message of every diagnostic; the fixed text; fixing it again
    changes nothing."""
    _, result = lint_example(folder, post)
    snapshots = post.parent / "snapshots"
    check_snapshot(snapshots / f"{post.name}.txt", render(result))
    linter, source = _example_linter(folder, post)
    outcome = fix_source(linter, source, unsafe=True)
    check_snapshot(snapshots / f"{post.name}.fixed", outcome.text if outcome.changed else None)
    if outcome.changed:
        again = fix_source(linter, replace(source, text=outcome.text), unsafe=True)
        assert again.text == outcome.text, f"fixing {post.name} twice changed it again"


def test_every_rule_has_examples() -> None:
    from postlint.core.rule import discover

    folders = {p.name.split("_", 1)[0] for p in EXAMPLES.iterdir() if p.is_dir()}
    missing = [r.code for r in discover() if not r.engine_only and r.code not in folders]
    assert not missing, f"rules without tests/examples folder: {missing}"
