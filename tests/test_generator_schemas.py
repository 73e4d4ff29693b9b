"""Each generator's posts are checked against the keys and date forms that generator reads.

Real site folders on disk (a generator's config file beside `content/`), linted by the real
engine; each case checks code, line, column and message.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from postlint.core.config import Config
from postlint.core.engine import Linter
from postlint.core.schema import GENERATOR_SCHEMAS, bundled_schema_path, load_schema, schema_files
from postlint.site.generator import PROFILES

Found = list[tuple[str, int, int, str]]


def _post(root: Path, marker: str, text: str, name: str = "content/post.md") -> Path:
    config = root / marker
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("title = 'site'\n", encoding="utf-8")
    post = root / name
    post.parent.mkdir(parents=True, exist_ok=True)
    post.write_text(text, encoding="utf-8")
    return post


def _lint(post: Path, root: Path, select: tuple[str, ...] = ("FM",), **config: object) -> Found:
    linter = Linter(Config(root=root, select=select, **config))  # type: ignore[arg-type]
    result = linter.lint_bytes(str(post), post.read_bytes())
    return [(d.code, d.start_pos.line, d.start_pos.column, d.message) for d in result.diagnostics]


def test_every_generator_has_a_bundled_schema_that_loads() -> None:
    assert set(GENERATOR_SCHEMAS) == set(PROFILES)
    for name in GENERATOR_SCHEMAS.values():
        schema = load_schema(bundled_schema_path(name))
        assert schema.validator.schema["type"] == "object"
        assert schema.validator.schema.get("additionalProperties", True) is True  # custom keys


def test_the_wheel_ships_every_bundled_schema() -> None:
    import tomllib

    root = Path(__file__).resolve().parent.parent
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    included = project["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert included["schemas"] == "postlint/schemas"  # the whole folder, each schema in it
    for name in GENERATOR_SCHEMAS.values():
        assert (root / "schemas" / name).is_file()


HUGO_TOML = (
    "+++\ntitle = 2019\ndate = 2024-05-01T10:00:00Z\nlastmod = 2024-05-02\ndraft = true\n"
    'tags = ["a"]\nweight = 3\naliases = ["/old/"]\ntweet = "x"\n[params]\nx = 1\n+++\n\nText.\n'
)


def test_hugo_accepts_its_own_keys_toml_datetimes_and_a_year_as_title(tmp_path: Path) -> None:
    assert _lint(_post(tmp_path, "hugo.toml", HUGO_TOML), tmp_path) == []


def test_hugo_rejects_wrong_types_and_date_forms_it_cannot_read(tmp_path: Path) -> None:
    text = (
        '---\ntitle: x\ndraft: "yes"\nweight: 1.5\ndate: 05/01/2024\nexpiryDate: 2024-13-01\n---\n'
    )
    hugo_date = (
        "expected a date such as 2025-11-26, or a date-time such as 2025-11-26T15:29:13-05:00"
    )
    assert _lint(_post(tmp_path, "hugo.toml", text), tmp_path) == [
        ("FM001", 3, 8, '`draft` is "yes"; expected true or false'),
        ("FM001", 4, 9, "`weight` is 1.5; expected a whole number"),
        ("FM001", 5, 7, f'`date` is "05/01/2024"; {hugo_date}'),
        ("FM001", 6, 13, f'`expiryDate` is "2024-13-01"; {hugo_date}'),
    ]


def test_hugo_reads_what_its_type_casts_accept_and_optional_dates_left_empty(
    tmp_path: Path,
) -> None:
    text = '---\ntitle: x\ndraft: "false"\nweight: "10"\nlastmod: ""\nexpiryDate:\nslug: 404\n---\n'
    post = _post(tmp_path, "hugo.toml", text)
    assert _lint(post, tmp_path, select=("FM001",)) == []
    post.write_text("---\ntitle: x\npublishdate: 2024-13-01\n---\n", encoding="utf-8")
    assert [f[:3] for f in _lint(post, tmp_path)] == [("FM001", 3, 14)]  # the lower-case alias


def test_hugo_reads_keys_case_insensitively_so_title_may_be_capitalised(tmp_path: Path) -> None:
    post = _post(tmp_path, "hugo.toml", "---\nTitle: A post\nDate: 2024-05-01\n---\n\nText.\n")
    assert _lint(post, tmp_path) == []
    post.write_text("---\ndate: 2024-05-01\n---\n\nText.\n", encoding="utf-8")
    assert _lint(post, tmp_path) == [("FM001", 1, 1, "missing required key `title`")]


def test_hugo_blank_lines_before_the_fence_keep_the_front_matter(tmp_path: Path) -> None:
    post = _post(tmp_path, "hugo.toml", '\n\n---\ntitle: "the the"\ndraft: "no"\n---\n\nText.\n')
    found = _lint(post, tmp_path, select=("FM", "PR"))
    assert found == [("FM001", 5, 8, '`draft` is "no"; expected true or false')]


def test_zola_requires_no_title_and_wants_taxonomies_as_lists(tmp_path: Path) -> None:
    text = (
        '+++\ndate = 2024-05-01\nupdated = "2024-05-01T10:00:00Z"\n'
        '[taxonomies]\ntags = "rust"\n[extra]\nteam = "x"\n+++\n\nText.\n'
    )
    assert _lint(_post(tmp_path, "zola.toml", text), tmp_path) == [
        ("FM001", 5, 8, '`taxonomies.tags` must be a list, not "rust"')
    ]


def test_zola_found_by_its_config_toml_rejects_text_dates(tmp_path: Path) -> None:
    text = '+++\ntitle = "x"\ndate = "May 1, 2024"\naliases = "/old/"\n+++\n\nText.\n'
    post = _post(tmp_path, "config.toml", text)
    (tmp_path / "config.toml").write_text('base_url = "https://example.org"\n', encoding="utf-8")
    zola_date = (
        "expected a TOML date or date-time, or text such as 2025-11-26 or 2025-11-26T15:29:13Z"
    )
    assert _lint(post, tmp_path) == [
        ("FM001", 3, 8, f'`date` is "May 1, 2024"; {zola_date}'),
        ("FM001", 4, 11, '`aliases` is "/old/"; expected a list of paths'),
    ]


def test_jekyll_dates_with_time_and_zone_and_space_separated_categories(tmp_path: Path) -> None:
    text = (
        "---\nlayout: post\ntitle: x\ndate: 2025-11-26 15:29:13 -0800\n"
        "categories: news release\npublished: false\npermalink: /x/\n---\n\nText.\n"
    )
    post = _post(tmp_path, "_config.yml", text, "_posts/2025-11-26-x.md")
    assert _lint(post, tmp_path) == []
    post.write_text("---\ntitle: x\ndate: 2025-11-26 9:05:00 -0500 EST\n---\n", encoding="utf-8")
    assert _lint(post, tmp_path) == []
    post.write_text("---\ntitle: x\ndate: 2025-3-5\n---\n", encoding="utf-8")
    assert _lint(post, tmp_path, select=("FM001",)) == []  # a YAML 1.1 timestamp, as Psych reads
    post.write_text('---\ntitle: x\ndate: 26/11/2025\npublished: "no"\n---\n', encoding="utf-8")
    jekyll_date = (
        "expected a date such as 2025-11-26, or a date-time such as 2025-11-26 15:29:13 +0000"
    )
    assert _lint(post, tmp_path, select=("FM001",)) == [
        ("FM001", 3, 7, f'`date` is "26/11/2025"; {jekyll_date}'),
        ("FM001", 4, 12, '`published` must be true or false or empty, not "no"'),
    ]


def test_eleventy_accepts_its_date_keywords_and_permalink_false(tmp_path: Path) -> None:
    text = (
        "---\ntitle: x\ndate: git Last Modified\npermalink: false\ntags: post\n"
        "eleventyExcludeFromCollections: true\n---\n\nText.\n"
    )
    post = _post(tmp_path, ".eleventy.js", text)
    assert _lint(post, tmp_path) == []
    post.write_text(
        '---\ntitle: x\ndate: Last Week\neleventyExcludeFromCollections: "yes"\n---\n',
        encoding="utf-8",
    )
    found = _lint(post, tmp_path)
    assert [f[:3] for f in found] == [("FM001", 3, 7), ("FM001", 4, 33)]
    assert '"git Last Modified"' in found[0][3]
    assert found[1][3] == '`eleventyExcludeFromCollections` must be true or false, not "yes"'


def test_eleventy_reads_unquoted_yaml_timestamps_with_a_one_digit_zone(tmp_path: Path) -> None:
    post = _post(tmp_path, ".eleventy.js", "---\ntitle: x\ndate: 2015-03-17 9:00:00 -4\n---\n")
    assert _lint(post, tmp_path) == []


def test_astro_titles_are_text_as_a_content_collection_declares(tmp_path: Path) -> None:
    text = "---\ntitle: 2019\npubDate: 2024-05-01\ndraft: false\n---\n\nText.\n"
    post = _post(tmp_path, "astro.config.mjs", text, "src/content/blog/post.md")
    assert _lint(post, tmp_path) == [("FM001", 2, 8, "`title` must be text, not 2019")]


def test_astro_dates_are_read_as_javascript_reads_them(tmp_path: Path) -> None:
    text = "---\ntitle: A post\npubDate: 'Jul 08 2022'\nupdatedDate: 2022/07/09\n---\n"
    post = _post(tmp_path, "astro.config.mjs", text, "src/content/blog/post.md")
    assert _lint(post, tmp_path) == []


def test_vuepress_takes_the_title_from_the_first_heading(tmp_path: Path) -> None:
    text = "---\ndate: 2024-05-01\ntags:\n  - a\ncategory: news\nsidebar: auto\n---\n\n# Hi\n"
    post = _post(tmp_path, ".vuepress/config.js", text, "blog/post/README.md")
    assert _lint(post, tmp_path) == []
    post.write_text("---\ndate: yesterday\n---\n\n# Hi\n", encoding="utf-8")
    assert _lint(post, tmp_path) == [
        (
            "FM001",
            2,
            7,
            '`date` is "yesterday"; expected a date such as 2025-11-26 or Nov 26 2025, '
            "or a date-time such as 2025-11-26T15:29:13Z",
        )
    ]


def test_a_configured_schema_overrides_the_generators(tmp_path: Path) -> None:
    post = _post(tmp_path, "hugo.toml", "---\ntitle: x\ndraft: maybe\n---\n\nText.\n")
    own = tmp_path / "own.schema.json"
    own.write_text(json.dumps({"type": "object", "required": ["summary"]}), encoding="utf-8")
    assert [f[0] for f in _lint(post, tmp_path)] == ["FM001"]  # Hugo's: draft is true/false
    assert _lint(post, tmp_path, schema=own) == [("FM001", 1, 1, "missing required key `summary`")]


def test_profile_chooses_the_schema_too(tmp_path: Path) -> None:
    post = _post(tmp_path, "_config.yml", "+++\ndate = 2024-05-01\n+++\n\nText.\n")
    assert _lint(post, tmp_path) == [("FM001", 1, 1, "missing required key `title`")]
    assert _lint(post, tmp_path, profile="zola") == []


def _config_of(post: Path, cwd: Path) -> dict[str, object]:
    shown = subprocess.run(
        [sys.executable, "-m", "postlint", "config", str(post)],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=True,
    )
    return json.loads(shown.stdout)


def test_config_command_shows_the_chosen_schema_and_why(tmp_path: Path) -> None:
    post = _post(tmp_path, "hugo.toml", "---\ntitle: x\n---\n")
    (tmp_path / "postlint.toml").write_text("", encoding="utf-8")
    shown = _config_of(post, tmp_path)
    site = shown["site"]
    assert isinstance(site, dict)
    assert Path(str(shown["schema"])).name == "hugo.schema.json"
    assert site["schema"]["path"] == shown["schema"]
    assert (
        site["schema"]["chosen-by"] == "bundled for hugo posts: the keys and date forms hugo reads"
    )
    (tmp_path / "own.schema.json").write_text('{"type": "object"}', encoding="utf-8")
    (tmp_path / "postlint.toml").write_text('schema = "own.schema.json"\n', encoding="utf-8")
    shown = _config_of(post, tmp_path)
    assert Path(str(shown["schema"])).name == "own.schema.json"
    assert shown["site"]["schema"]["chosen-by"] == "`schema` in the configuration"  # type: ignore[index]


def test_the_cache_fingerprint_covers_every_schema_a_post_may_get(tmp_path: Path) -> None:
    assert {p.name for p in schema_files()} == set(GENERATOR_SCHEMAS.values())
    own = tmp_path / "own.schema.json"
    own.write_text('{"type": "object"}', encoding="utf-8")
    assert schema_files(own) == (own,)
    before = Linter(Config(root=tmp_path, schema=own)).fingerprint()
    own.write_text('{"type": "object", "required": ["title"]}', encoding="utf-8")
    assert Linter(Config(root=tmp_path, schema=own)).fingerprint() != before
