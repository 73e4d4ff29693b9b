"""Site rules on real sites built on disk: a small Jekyll site and a small Hugo site.

Each rule must fire on the exact line and column with its message, stay quiet on clean posts,
see the whole site when one file is checked, and work with --jobs and the cache.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import CORPUS
from postlint.core.config import Config
from postlint.core.engine import Linter
from postlint.site.anchors import anchors, slug
from postlint.site.facts import SiteFacts
from postlint.site.urls import claims, url_key


def write(root: Path, files: dict[str, str]) -> None:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


JEKYLL = {
    "_config.yml": "title: Test\ntimezone: Europe/Kyiv\npermalink: /:year/:month/:title/\n",
    "_data/authors.yml": "jane:\n  name: Jane Doe\nbob:\n  name: Bob Stone\n",
    "_data/tags.yml": "- python\n- tools\n",
    "assets/cover.png": "png",
    "about.md": "---\ntitle: About\n---\nAbout us.\n",
    "_posts/2025-01-01-first.md": (
        "---\ntitle: First steps\nauthor: jane\ntags: [python]\n---\n"
        "## Install it\n\nText with ![c](/assets/cover.png).\n"
    ),
    "_posts/2025-01-02-clean.md": (
        "---\ntitle: A clean post\nauthor: bob\ndate: 2025-01-02 10:00:00 +0200\n---\n"
        "See [first]({% post_url 2025-01-01-first %}), [install](2025-01-01-first.md#install-it),\n"
        "[again](/2025/01/first/#install-it), [about](/about.html) and [below](#notes).\n\n"
        "## Notes\n"
    ),
    "_posts/2025-01-03-bad.md": (
        "---\n"
        "title: First Steps\n"  # 2: ST102
        "author: jnae\n"  # 3: ST106
        "tags: [python, tols]\n"  # 4: ST107
        "date: 2025-01-03 23:30:00 -0500\n"  # 5: ST111 (07:30 on the 4th in Kyiv)
        "redirect_from: [/2025/01/first/]\n"  # 6: ST101
        "---\n"
        "See [x]({% post_url 2025-01-01-frist %}) and [y](2025-01-01-first.md#instal).\n"  # 8
        "![gone](/assets/cover.jpg) [z](#nowhere)\n"  # 9
    ),
    "_posts/2999-01-01-later.md": "---\ntitle: Later\npublished: false\n---\nText.\n",
    "_drafts/2999-01-01-draft.md": "---\ntitle: First steps\npublished: false\n---\nText.\n",
}


def lint(
    root: Path, relative: str, config: Config | None = None
) -> list[tuple[int, int, str, str]]:
    linter = Linter(config or Config(select=("ST",), root=root))
    result = linter.lint_file(root / relative, str(root / relative))
    return [(d.start_pos.line, d.start_pos.column, d.code, d.message) for d in result.diagnostics]


@pytest.fixture
def jekyll(tmp_path: Path) -> Path:
    write(tmp_path, JEKYLL)
    return tmp_path


def test_jekyll_rules_fire_on_the_exact_place(jekyll: Path) -> None:
    found = lint(jekyll, "_posts/2025-01-03-bad.md")
    assert found == [
        (2, 8, "ST102", "`_posts/2025-01-01-first.md` has the same title"),
        (3, 9, "ST106", "author `jnae` is not in `_data/authors.yml`; did you mean `jane`?"),
        (4, 16, "ST107", "tag `tols` is not in `_data/tags.yml`; did you mean `tools`?"),
        (
            5,
            7,
            "ST111",
            "`date` is 2025-01-04 06:30 in the site's time zone (Europe/Kyiv): Jekyll publishes "
            "the post under 2025-01-04, not 2025-01-03",
        ),
        (
            6,
            17,
            "ST101",
            "this post is published at `/2025/01/first/` (from `redirect_from`), as is "
            "`_posts/2025-01-01-first.md`: one overwrites the other",
        ),
        (
            8,
            21,
            "ST103",
            "broken link: no post `2025-01-01-frist` in `_posts` (the build fails); "
            "did you mean `2025-01-01-first`?",
        ),
        (
            8,
            70,
            "ST104",
            "no heading in `_posts/2025-01-01-first.md` makes the anchor `#instal`; "
            "did you mean `#install-it`?",
        ),
        (
            9,
            9,
            "ST105",
            "file `/assets/cover.jpg` is not in the site: did you mean `cover.png`?",
        ),
        (9, 33, "ST104", "no heading in this post makes the anchor `#nowhere`"),
    ]


def test_jekyll_clean_posts_and_drafts_stay_quiet(jekyll: Path) -> None:
    assert lint(jekyll, "_posts/2025-01-02-clean.md") == []
    assert lint(jekyll, "about.md") == []
    assert lint(jekyll, "_drafts/2999-01-01-draft.md") == []  # drafts are not published


def test_jekyll_unpublished_and_future(jekyll: Path) -> None:
    found = lint(jekyll, "_posts/2999-01-01-later.md")
    assert [(line, column, code) for line, column, code, _ in found] == [(3, 12, "ST110")]
    (jekyll / "_posts/2999-01-01-later.md").write_text("---\ntitle: Later\ndate: 2999-01-01\n---\n")
    found = lint(jekyll, "_posts/2999-01-01-later.md")
    assert found == [
        (
            3,
            7,
            "ST109",
            "`date` is in the future: Jekyll leaves this post out of the site until a build after "
            "that date (the site does not set `future: true`)",
        )
    ]
    (jekyll / "_config.yml").write_text("future: true\n")
    assert lint(jekyll, "_posts/2999-01-01-later.md") == []


HUGO = {
    "hugo.toml": (
        'baseURL = "https://example.org/"\ntimeZone = "UTC"\n'
        '[permalinks]\nposts = "/:year/:slug/"\n'
    ),
    "data/authors/jane.toml": 'name = "Jane Doe"\n',
    "static/img/logo.svg": "<svg/>",
    "content/_index.md": "---\ntitle: Home\n---\n",
    "content/posts/_index.md": "---\ntitle: Posts\n---\n",
    "content/posts/first.md": (
        '+++\ntitle = "First"\ndate = 2024-05-01\nslug = "hello"\nauthor = "jane"\n+++\n'
        "## What's next?\n\nText.\n"
    ),
    "content/posts/bundle/index.md": (
        "---\ntitle: Bundle\ndate: 2024-06-01\n---\n![here](photo.jpg) ![logo](/img/logo.svg)\n"
        'See {{< ref "first.md#whats-next" >}} and [home](/2024/hello/).\n'
    ),
    "content/posts/bundle/photo.jpg": "jpg",
    "content/posts/draft.md": "---\ntitle: Draft\ndraft: true\nslug: hello\n---\n",
    "content/posts/bad.md": (
        "---\n"
        "title: Bad\n"
        "date: 2024-07-01\n"
        "author: Jane Dough\n"  # 4: ST106
        "expiryDate: 2020-01-01\n"  # 5: ST110
        "aliases: [/2024/hello/]\n"  # 6: ST101
        "---\n"
        '{{< relref "frist.md" >}} [n](/2024/helo/) ![p](bundle/phot.jpg)\n'  # 8
        '[a]({{< ref "first.md#what-s-next" >}})\n'  # 9
    ),
}


@pytest.fixture
def hugo(tmp_path: Path) -> Path:
    write(tmp_path, HUGO)
    return tmp_path


def test_hugo_rules_fire_on_the_exact_place(hugo: Path) -> None:
    found = lint(hugo, "content/posts/bad.md")
    assert found == [
        (4, 9, "ST106", "author `Jane Dough` is not in `data/authors`; did you mean `Jane Doe`?"),
        (5, 13, "ST110", "`expiryDate` has passed: Hugo builds the site without this page"),
        (
            6,
            11,
            "ST101",
            "this post is published at `/2024/hello/` (from `aliases`), as is "
            "`content/posts/first.md`: one overwrites the other",
        ),
        (8, 13, "ST103", "broken link: no page `frist.md` in the content folder (the build fails)"),
        (
            8,
            31,
            "ST103",
            "broken link: no post is published at `/2024/helo/`; did you mean `/2024/hello/`?",
        ),
        (8, 49, "ST105", "file `bundle/phot.jpg` is not in the site: did you mean `photo.jpg`?"),
        (
            9,
            23,
            "ST104",
            "no heading in `content/posts/first.md` makes the anchor `#what-s-next`; "
            "did you mean `#whats-next`?",
        ),
    ]


def test_hugo_draft_is_unpublished_and_claims_no_url(hugo: Path) -> None:
    assert lint(hugo, "content/posts/draft.md") == [
        (
            3,
            8,
            "ST110",
            "`draft` is true: Hugo builds the site without this page; remove the key to publish it",
        )
    ]


def test_hugo_clean_posts_stay_quiet(hugo: Path) -> None:
    (hugo / "content/posts/bad.md").unlink()
    assert lint(hugo, "content/posts/first.md") == []
    assert lint(hugo, "content/posts/bundle/index.md") == []


def test_hugo_urls_follow_permalinks_bundles_and_sections() -> None:
    facts = SiteFacts("hugo", permalinks=(("posts", "/:year/:slug/"),), content_dir="content")
    assert [c.url for c in claims("content/posts/a.md", {"date": "2024-01-02"}, facts)] == [
        "/2024/a/"
    ]
    assert [c.url for c in claims("content/docs/x/index.md", {}, facts)] == ["/docs/x/"]
    assert [c.url for c in claims("content/docs/_index.md", {}, facts)] == ["/docs/"]
    assert [c.url for c in claims("content/docs/y.zh.md", {}, facts)] == ["/zh/docs/y/"]
    assert claims("layouts/x.md", {}, facts) == ()
    assert url_key("/A/b/index.html") == url_key("/a/b/") == url_key("/a/b.html") == "/a/b"


def test_heading_slugs_per_generator() -> None:
    assert slug("So... What's next?", "jekyll") == "so-whats-next"
    assert slug("1. Import the data", "vuepress") == "_1-import-the-data"
    assert slug("Café au lait", "vuepress") == "cafe-au-lait"
    assert slug("Hello World", "eleventy") == "hello-world"
    body = '# A\n\n```\n# not a heading\n```\n\nA\n---\n\n## B {#custom}\n<a id="raw"></a>\n'
    assert anchors(body, "hugo") == {"a", "a-1", "custom", "raw"}


def test_one_file_checked_still_sees_the_whole_site(jekyll: Path, run_cli) -> None:
    result = run_cli(
        "check", "--no-cache", "--select", "ST101", "_posts/2025-01-03-bad.md", cwd=jekyll
    )
    assert result.returncode == 1, result.stderr
    assert "_posts/2025-01-03-bad.md:6:17: error ST101" in result.stdout.decode()


def test_jobs_and_cache_follow_changes_to_other_posts(jekyll: Path, run_cli) -> None:
    args = ("check", "--select", "ST102", "--output-format", "json", "--jobs", "2", ".")

    def titles() -> list[str]:
        result = run_cli(*args, cwd=jekyll)
        return sorted(d["path"] for d in json.loads(result.stdout)["diagnostics"])

    first = titles()
    assert first == ["_posts/2025-01-01-first.md", "_posts/2025-01-03-bad.md"]
    assert (jekyll / ".postlint_cache").is_dir()
    assert titles() == first  # from the cache
    bad = jekyll / "_posts/2025-01-03-bad.md"
    bad.write_text(bad.read_text().replace("title: First Steps", "title: Other"))
    assert titles() == []  # the unchanged first post's cached result is not reused


def test_broken_site_files_are_located_diagnostics(jekyll: Path) -> None:
    (jekyll / "_data/authors.yml").write_text("jane: [unclosed\n")
    only = Config(select=("ST100",), root=jekyll)
    found = lint(jekyll, "_posts/2025-01-01-first.md", only)
    assert [(line, column, code) for line, column, code, _ in found] == [(3, 9, "ST100")]
    assert found[0][3].startswith("cannot check authors: _data/authors.yml:2:1: invalid YAML")
    (jekyll / "_config.yml").write_text("title: [unclosed\n")
    found = lint(jekyll, "_posts/2025-01-02-clean.md", only)
    assert found[0][:3] == (1, 1, "ST100")
    assert "the site's config cannot be read: _config.yml:" in found[0][3]


def test_site_table_names_lists_and_turns_checks_off(jekyll: Path, run_cli) -> None:
    (jekyll / "lists").mkdir()
    (jekyll / "lists/tags.txt").write_text("# allowed\npython\ntols\n")
    (jekyll / "postlint.toml").write_text('[site]\ntags = "lists/tags.txt"\n')
    result = run_cli("check", "--no-cache", "--select", "ST107", "_posts", cwd=jekyll)
    assert result.returncode == 0, result.stdout
    (jekyll / "postlint.toml").write_text("[site]\nenabled = false\n")
    result = run_cli("check", "--no-cache", "--select", "ST", "_posts", cwd=jekyll)
    assert result.returncode == 0, result.stdout
    (jekyll / "postlint.toml").write_text('[site]\ntag = "x"\n')
    result = run_cli("check", "--no-cache", "_posts", cwd=jekyll)
    assert result.returncode == 2 and "did you mean 'tags'" in result.stderr.decode()


def test_lists_outside_the_site_are_not_read(tmp_path: Path) -> None:
    site = tmp_path / "site"
    write(site, JEKYLL)
    (tmp_path / "secret.yml").write_text("- jnae\n")
    (site / "postlint.toml").write_text('[site]\nauthors = "../secret.yml"\n')
    from postlint.application.config_loader import load_config_file
    from postlint.core.rule import discover

    config = load_config_file(site / "postlint.toml", discover())
    from dataclasses import replace

    found = lint(site, "_posts/2025-01-03-bad.md", replace(config, select=("ST100", "ST106")))
    assert [(code, message) for _, _, code, message in found] == [
        ("ST100", "cannot check authors: ../secret.yml:1:1: is outside the site's folder; not read")
    ]


def test_a_post_without_a_site_gets_no_site_checks(tmp_path: Path) -> None:
    write(tmp_path, {"notes/a.md": "---\ntitle: A\n---\n[x](nope.md) [y](#nowhere)\n"})
    assert lint(tmp_path, "notes/a.md") == []


# What the site rules report on the corpus, each read and found to be a real problem (see the
# README's site section): stale anchors, a placeholder link, repeated yearly titles.
CORPUS_HITS = {
    "frictionlessdata__frictionlessdata.io": {
        ("site/blog/2017-08-09-tutorial-template/README.md", "ST104"): 4,
        ("site/blog/2018-07-16-point-location-data/README.md", "ST104"): 7,
        ("site/blog/2019-10-21-fellows-reflect-on-open-access-week/README.md", "ST102"): 1,
        ("site/blog/2020-10-19/fellows-reflect-on-open-access-week/README.md", "ST102"): 1,
        ("site/blog/2020-08-17-frictionless-wheat/README.md", "ST102"): 1,
        ("site/blog/2021-03-05-frictionless-data-for-wheat/README.md", "ST102"): 1,
        ("site/blog/2021-08-06-recap-community-calls/README.md", "ST103"): 1,
    },
    "redox-os__website": {("content/news/rsoc-ptrace-3.md", "ST104"): 1},
}


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus (../shared/corpus) is absent")
@pytest.mark.parametrize(
    "blog", sorted(p.name for p in CORPUS.iterdir() if p.is_dir()) if CORPUS.is_dir() else []
)
def test_site_rules_on_the_corpus_raise_only_the_known_problems(blog: str, run_cli) -> None:
    result = run_cli(
        "check",
        "--no-cache",
        "--isolated",
        "--select",
        "ST",
        "--output-format",
        "json",
        ".",
        cwd=CORPUS / blog,
    )
    counts: dict[tuple[str, str], int] = {}
    for diagnostic in json.loads(result.stdout)["diagnostics"]:
        key = (diagnostic["path"], diagnostic["code"])
        counts[key] = counts.get(key, 0) + 1
    assert counts == CORPUS_HITS.get(blog, {})


def test_model_cache_reuses_unchanged_posts_and_rereads_changed_ones(jekyll: Path) -> None:
    from postlint.site.store import SiteModels

    cache = jekyll / ".postlint_cache"
    post = str(jekyll / "_posts/2025-01-01-first.md")
    cold = SiteModels(Config(root=jekyll)).model_for(post, cache)
    assert cold is not None
    files = list((cache / "site-v1").glob("*.json"))
    assert len(files) == 1
    assert (cache / ".gitignore").read_text(encoding="utf-8").strip().endswith("*")
    warm = SiteModels(Config(root=jekyll)).model_for(post, cache)
    assert warm is not None and warm.posts == cold.posts and warm.digest == cold.digest
    Path(post).write_text("---\ntitle: Renamed\n---\n")
    changed = SiteModels(Config(root=jekyll)).model_for(post, cache)
    assert changed is not None and changed.posts[changed.by_path[post]].title == "Renamed"
    files[0].write_text("{not json")
    damaged = SiteModels(Config(root=jekyll)).model_for(post, cache)
    assert damaged is not None and damaged.digest == changed.digest


def test_a_planted_model_cache_file_is_a_miss(jekyll: Path) -> None:
    """Unsigned entries (valid JSON that names a wrong title) are never believed."""
    from postlint.site.store import SiteModels

    cache = jekyll / ".postlint_cache"
    post = str(jekyll / "_posts/2025-01-01-first.md")
    honest = SiteModels(Config(root=jekyll)).model_for(post, cache)
    assert honest is not None
    (file,) = (cache / "site-v1").glob("*.json")
    raw = file.read_bytes()
    body = raw.split(b"\n", 1)[1]
    file.write_bytes(body.replace(b'"First', b'"Planted'))  # the entries without their HMAC
    planted = SiteModels(Config(root=jekyll)).model_for(post, cache)
    assert planted is not None and planted.digest == honest.digest


def test_site_results_are_cached_unless_they_depend_on_the_clock(jekyll: Path) -> None:
    from postlint.application.cache import ResultCache
    from postlint.application.files import Candidate
    from postlint.application.runner import Job, LinterPool, cached_key, lint_all

    linter = Linter(Config(select=("ST",), root=jekyll))
    cache = ResultCache.create(jekyll)
    clean = jekyll / "_posts/2025-01-02-clean.md"
    later = jekyll / "_posts/2999-01-01-later.md"
    later.write_text("---\ntitle: Later\ndate: 2999-01-01\n---\n")
    candidates = [Candidate(clean, str(clean)), Candidate(later, str(later))]
    results = list(lint_all(linter, candidates, cache=cache))
    assert [d.code for d in results[1].diagnostics] == ["ST109"]
    job = Job(LinterPool.of(Linter(Config(select=("ST",), root=jekyll))), cache)
    assert cached_key(job, candidates[0]) is not None  # a past date stays past
    assert cached_key(job, candidates[1]) is None  # a future one will not stay future


def test_jekyll_baseurl_and_kramdown_ids(jekyll: Path) -> None:
    (jekyll / "_config.yml").write_text("baseurl: /blog\n")
    post = jekyll / "_posts/2025-01-05-links.md"
    post.write_text(
        "---\ntitle: Links\n---\n## 1. Intro\n\n"
        "[a](/blog/2025/01/01/first.html) [b](/blog/2025/01/01/frist.html) [c](#intro) [d](#1-intro)\n"
    )
    found = lint(jekyll, "_posts/2025-01-05-links.md")
    assert [(line, column, code) for line, column, code, _ in found] == [(6, 38, "ST103")]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    body=st.lists(
        st.sampled_from(
            [*"#[]()!<>`{}%-_ab1/.:\n\t\"'=*", "](", "{% post_url ", "{{< ref ", "<!--", "```"]
        ),
        max_size=120,
    ).map("".join)
)
def test_site_rules_never_fail_and_place_findings_inside_the_post(jekyll: Path, body: str) -> None:
    post = jekyll / "_posts/2025-01-06-fuzz.md"
    post.write_text(f"---\ntitle: Fuzz\n---\n{body}", encoding="utf-8")
    result = Linter(Config(select=("ST", "PL001"), root=jekyll)).lint_file(post, str(post))
    assert not [d for d in result.diagnostics if d.code == "PL001"], result.diagnostics
    text = post.read_text(encoding="utf-8")
    assert all(0 <= d.start <= d.end <= len(text) for d in result.diagnostics)
