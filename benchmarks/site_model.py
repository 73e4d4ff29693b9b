"""Building the site model: time and memory for synthetic Jekyll and Hugo sites of growing size.

    python benchmarks/site_model.py [--posts 10000]

Writes sites of N/4, N/2 and N posts (each with front matter, headings, links and aliases) to
a temporary folder, builds each one's model as a run does (discovery plus reading every post's
front matter), and prints seconds, the warm build from the model cache, peak traced memory and
the per-post cost: linear growth keeps the per-post figures flat. A second line per size times
one post checked with every site rule (the whole-site model included), as pre-commit runs it.
"""

from __future__ import annotations

import argparse
import tempfile
import time
import tracemalloc
from pathlib import Path

from postlint.core.config import Config
from postlint.core.engine import Linter
from postlint.site.store import SiteModels


def _post(number: int, generator: str) -> str:
    fence = "---"
    previous = max(0, number - 1)
    link = (
        f"{{% post_url 2020-01-01-post-{previous} %}}"
        if generator == "jekyll"
        else f'{{{{< ref "post-{previous}.md" >}}}}'
    )
    return (
        f"{fence}\ntitle: Post number {number}\ndate: 2020-01-01\nauthor: jane\n"
        f"tags: [python, tools]\naliases: [/old/{number}/]\n{fence}\n"
        f"## Part one\n\nText with [a link]({link}) and [an anchor](#part-one).\n\n"
        "## Part two\n\n" + "Words in a paragraph. " * 40 + "\n"
    )


def make_site(root: Path, posts: int, generator: str) -> Path:
    if generator == "jekyll":
        (root / "_config.yml").write_text("title: Bench\n")
        folder = root / "_posts"
        name = "2020-01-01-post-{}.md"
    else:
        (root / "hugo.toml").write_text('baseURL = "https://example.org/"\n')
        folder = root / "content" / "posts"
        name = "post-{}.md"
    folder.mkdir(parents=True)
    for number in range(posts):
        (folder / name.format(number)).write_text(_post(number, generator))
    return folder / name.format(posts // 2)


def _build(root: Path, one: Path, cache: Path | None = None) -> tuple[float, int]:
    started = time.perf_counter()
    model = SiteModels(Config(root=root)).model_for(str(one), cache)
    assert model is not None
    return time.perf_counter() - started, len(model.posts)


def measure(posts: int, generator: str) -> None:
    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp)
        one = make_site(root, posts, generator)
        seconds, count = _build(root, one)
        assert count == posts
        tracemalloc.start()
        _build(root, one)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        cache = root / ".postlint_cache"
        _build(root, one, cache)
        warm, _ = _build(root, one, cache)
        print(
            f"{generator:7} {posts:6} posts: model {seconds:6.2f} s "
            f"({seconds / posts * 1e6:5.0f} us/post), warm from the cache {warm:5.2f} s, "
            f"peak {peak / 1e6:5.1f} MB ({peak / posts / 1e3:4.2f} KB/post)"
        )
        linter = Linter(Config(root=root, select=("ST",)))
        started = time.perf_counter()
        result = linter.lint_file(one, str(one))
        print(
            f"{'':7} {posts:6} posts: one post, every site rule, no cache "
            f"{time.perf_counter() - started:6.2f} s ({len(result.diagnostics)} findings)"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=10_000)
    args = parser.parse_args()
    for generator in ("jekyll", "hugo"):
        for size in (args.posts // 4, args.posts // 2, args.posts):
            measure(size, generator)


if __name__ == "__main__":
    main()
