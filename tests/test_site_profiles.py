"""The site's generator decides what is a defect: typeset quotes, blank lines before `---`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from postlint.core.config import Config
from postlint.core.engine import Linter

QUOTED = '---\ntitle: A post\n---\n\nThe "best" tool. We waited... and it came.\n'
CURLY = "typography.symbols.curly_quotes"


def _site(tmp_path: Path, marker: str, text: str = QUOTED) -> Path:
    (tmp_path / marker).write_text("title = 'site'\n", encoding="utf-8")
    post = tmp_path / "content" / "post.md"
    post.parent.mkdir(parents=True, exist_ok=True)
    post.write_text(text, encoding="utf-8")
    return post


def _found(post: Path, config: Config) -> list[tuple[str, str | None, str]]:
    result = Linter(config).lint_bytes(str(post), post.read_bytes())
    return [(d.code, d.sub_code, d.severity.label) for d in result.diagnostics]


def test_typesetting_generator_turns_curly_quote_and_ellipsis_checks_off(tmp_path: Path) -> None:
    post = _site(tmp_path, "hugo.toml")
    found = _found(post, Config(root=tmp_path))
    assert not [f for f in found if f[1] in (CURLY, "typography.symbols.ellipsis")]


def test_a_plain_site_keeps_them_as_info(tmp_path: Path) -> None:
    post = _site(tmp_path, "eleventy.config.js")
    found = _found(post, Config(root=tmp_path))
    assert ("PS001", CURLY, "info") in found


def test_selecting_the_check_by_name_turns_it_back_on(tmp_path: Path) -> None:
    post = _site(tmp_path, "hugo.toml")
    found = _found(post, Config(root=tmp_path, extend_select=(CURLY,)))
    assert ("PS001", CURLY, "warning") in found


def test_selecting_ps001_gives_proselint_defaults_as_warnings(tmp_path: Path) -> None:
    post = _site(tmp_path, "eleventy.config.js", QUOTED.replace("came.", "came. Very good."))
    found = _found(post, Config(root=tmp_path, select=("PS001",)))
    subs = {sub for code, sub, level in found if code == "PS001" and level == "warning"}
    assert {CURLY, "typography.symbols.ellipsis", "weasel_words.very"} <= subs


def test_noise_checks_are_off_by_default(tmp_path: Path) -> None:
    post = _site(tmp_path, "eleventy.config.js", QUOTED.replace("came.", "came. Very good."))
    subs = {sub for code, sub, _ in _found(post, Config(root=tmp_path)) if code == "PS001"}
    assert "weasel_words.very" not in subs


BLANK_FIRST = "\n\n---\ntitle: A post\ntags: [a]\n---\n\nText.\n"


def test_blank_lines_before_front_matter_are_accepted_where_hugo_does(tmp_path: Path) -> None:
    post = _site(tmp_path, "hugo.toml", BLANK_FIRST)
    found = _found(post, Config(root=tmp_path, select=("FM", "PR")))
    assert not [f for f in found if f[0] == "FM005"]


def test_blank_lines_before_front_matter_are_still_no_front_matter_for_jekyll(
    tmp_path: Path,
) -> None:
    post = _site(tmp_path, "_config.yml", BLANK_FIRST)
    found = _found(post, Config(root=tmp_path, select=("FM005",)))
    assert ("FM005", None, "warning") in found


def test_profile_in_config_overrides_detection(tmp_path: Path) -> None:
    post = _site(tmp_path, "_config.yml", BLANK_FIRST)
    found = _found(post, Config(root=tmp_path, select=("FM005",), profile="hugo"))
    assert not found


def test_config_command_shows_the_generator_and_what_it_changes(tmp_path: Path) -> None:
    post = _site(tmp_path, "_config.yml")
    (tmp_path / "postlint.toml").write_text("", encoding="utf-8")
    shown = subprocess.run(
        [sys.executable, "-m", "postlint", "config", str(post)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=True,
    )
    site = json.loads(shown.stdout)["site"]
    assert site["generator"] == "jekyll"
    assert site["found-by"].endswith("_config.yml")
    assert any("curly_quotes" in change for change in site["changes"])
    (tmp_path / "postlint.toml").write_text('profile = "eleventy"\n', encoding="utf-8")
    shown = subprocess.run(
        [sys.executable, "-m", "postlint", "config", str(post)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=True,
    )
    site = json.loads(shown.stdout)["site"]
    assert site["generator"] == "eleventy" and site["changes"] == []
