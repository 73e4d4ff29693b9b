"""FM013 image-not-found: local images are looked up inside the project, never outside it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from postlint.core.config import Config
from postlint.core.engine import Linter


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    (root / "assets" / "img").mkdir(parents=True)
    (root / "assets" / "img" / "talks.jpg").write_bytes(b"\xff\xd8")
    (root / "_posts").mkdir()
    (tmp_path / "secret.png").write_bytes(b"outside")
    return root


def found(
    site: Path, front: str, post: str = "_posts/2025-11-26-x.md"
) -> list[tuple[int, int, str]]:
    path = site / post
    path.parent.mkdir(parents=True, exist_ok=True)
    text = f"---\ntitle: A post\n{front}\n---\n\nText.\n"
    linter = Linter(Config(select=("FM013",), root=site))
    result = linter.lint_text(text, str(path))
    return [(d.start_pos.line, d.start_pos.column, d.message) for d in result.diagnostics]


@pytest.mark.parametrize(
    "front",
    [
        "image: /assets/img/talks.jpg",
        "image: ../assets/img/talks.jpg",  # relative to the post's folder
        "image: /assets/img/talks.jpg?v=2",
        "image: https://example.org/missing.jpg",
        "image: //cdn.example.org/missing.jpg",
        "image: '{{ site.baseurl }}/assets/missing.jpg'",
        "image: /static/missing.jpg",  # no static/ folder here: the assets live elsewhere
        "image: 42",
        "image:\n  path: /assets/img/talks.jpg",
        "teaser: /assets/img/missing.jpg",  # not an image key
    ],
)
def test_present_remote_or_unknowable_images_are_quiet(site: Path, front: str) -> None:
    assert found(site, front) == []


def test_a_missing_image_is_reported_at_its_value(site: Path) -> None:
    talk = "image `/assets/img/talk.jpg` is not in the project: did you mean `talks.jpg`?"
    assert found(site, "cover: /assets/img/talk.jpg") == [(3, 8, talk)]
    cover = "image `/assets/img/cover.png` is not in the project: correct the path or add the file"
    assert found(site, "cover: /assets/img/cover.png") == [(3, 8, cover)]
    assert [line for line, _, _ in found(site, "image:\n  path: /assets/img/nope.png")] == [4]


def test_a_path_out_of_the_project_is_never_looked_at(site: Path) -> None:
    (message,) = [m for _, _, m in found(site, "image: ../../secret.png")]
    assert "leads out of the project folder" in message
    (message,) = [m for _, _, m in found(site, "image: /../secret.png")]
    assert "leads out of the project folder" in message


def test_a_link_out_of_the_project_is_not_followed(site: Path) -> None:
    os.symlink(site.parent / "secret.png", site / "assets" / "img" / "leak.png")
    os.symlink(site.parent, site / "assets" / "up")
    for front in ("image: /assets/img/leak.png", "image: /assets/up/secret.png"):
        (message,) = [m for _, _, m in found(site, front)]
        assert "link out of the project folder" in message
    os.symlink("loop", site / "assets" / "loop")
    (message,) = [m for _, _, m in found(site, "image: /assets/loop/x.png")]
    assert "not followed" in message


def test_a_link_inside_the_project_is_followed(site: Path) -> None:
    os.symlink("img", site / "assets" / "images")
    assert found(site, "image: /assets/images/talks.jpg") == []


def test_keys_are_configurable_and_the_root_is_not(tmp_path: Path, site: Path) -> None:
    from postlint.application.config_loader import load_config_file
    from postlint.core.rule import discover

    config = site / "postlint.toml"
    config.write_text('[rules.image-not-found]\nkeys = ["teaser"]\n', encoding="utf-8")
    linter = Linter(load_config_file(config, discover()))
    text = "---\ntitle: A post\nteaser: /assets/img/missing.jpg\n---\n\nText.\n"
    result = linter.lint_text(text, str(site / "_posts" / "x.md"))
    assert [d.code for d in result.diagnostics if d.code == "FM013"] == ["FM013"]
    config.write_text('[rules.image-not-found]\nroot = "/"\n', encoding="utf-8")
    from postlint.core.config import ConfigError

    with pytest.raises(ConfigError, match="root"):
        load_config_file(config, discover())


def test_odd_values_never_raise(site: Path) -> None:
    for value in (
        "/",
        "./",
        "'/" + "x" * 300 + ".png'",
        "'" + "/a" * 2100 + "'",
        "'a\\0b.png'",
        '"/a\\0b.png"',
    ):
        found_here = found(site, f"image: {value}")
        assert all("failed" not in m for _, _, m in found_here), value


def test_a_cached_result_follows_the_image_it_looked_at(run_cli, site: Path) -> None:
    post = site / "_posts" / "2025-11-26-x.md"
    post.write_text(
        "---\ntitle: A post\nimage: /assets/img/new.jpg\n---\n\nText.\n", encoding="utf-8"
    )
    args = ("check", "--isolated", "--select", "FM013", "_posts")
    assert b"FM013" in run_cli(*args, cwd=site).stdout
    (site / "assets" / "img" / "new.jpg").write_bytes(b"\xff\xd8")
    assert run_cli(*args, cwd=site).returncode == 0  # the image is there now: not the cached alarm
    (site / "assets" / "img" / "new.jpg").unlink()
    assert b"FM013" in run_cli(*args, cwd=site).stdout
