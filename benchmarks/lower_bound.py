"""The least CPU time any checker of this kind spends on a folder of posts: the floor that
postlint's cold run is compared with (target: within 2x of it).

Run from the repository root with postlint's environment:

    python benchmarks/lower_bound.py [FOLDER] [--rounds N]

Per post, the work no implementation of postlint's job can skip:

1. read the bytes and decode them;
2. split the front matter and compose it with its positions (YAML with libyaml, TOML);
3. one block parse of the Markdown body (markdown-it, the parser postlint uses);
4. one RE2 presence pass over the body for every term proselint's checks look for (one
   ``re2.Set``, built before timing);
5. one word pass over the body (``re.findall`` of ``\\w+``: one C call; RE2's Python wrapper
   costs a Python call per match, 25 times as much here).

It prints the median CPU seconds of N rounds (all in this process, after one warm-up round),
and each step's share. Start-up (imports, building the set) is not counted: the cold run's
figure includes postlint's, so the comparison favours the floor.
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
import tomllib
from collections.abc import Callable, Iterable
from pathlib import Path

import re2
import yaml

REPO = Path(__file__).resolve().parents[1]
DEFAULT_FOLDER = REPO.parent / "shared" / "corpus"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _terms() -> list[str]:
    """Every literal term of proselint's table checks (existence and preferred forms)."""
    from proselint.checks import __register__

    terms: list[str] = []
    for check in __register__:
        items = getattr(check.check_type, "items", None)
        if isinstance(items, dict):
            terms.extend(str(key) for key in items)
        elif isinstance(items, tuple | list):
            for item in items:
                terms.extend(
                    str(part) for part in (item if isinstance(item, tuple | list) else (item,))
                )
    return sorted(set(terms))


def _presence_set() -> re2.Set:
    options = re2.Options()
    options.case_sensitive = False
    options.max_mem = 64 << 20
    found = re2.Set.SearchSet(options)
    for term in _terms():
        try:
            found.Add(rf"\b(?:{term})\b")
        except re2.error:  # a Python-only construct: the floor skips it
            continue
    found.Compile()
    return found


def _split(text: str) -> tuple[str, str, str]:
    """(kind, front matter, body) by the opening fence (``---`` YAML, ``+++`` TOML)."""
    for fence, kind in (("---", "yaml"), ("+++", "toml")):
        if text.startswith(fence + "\n"):
            end = text.find("\n" + fence, len(fence))
            if end != -1:
                return kind, text[len(fence) + 1 : end], text[end + len(fence) + 1 :]
    return "", "", text


def _steps() -> list[tuple[str, Callable[[dict[str, object]], None]]]:
    from postlint.core.prose_view import block_parser

    parser = block_parser()
    terms = _presence_set()
    words = re.compile(r"\w+")

    def read(state: dict[str, object]) -> None:
        state["text"] = Path(str(state["path"])).read_bytes().decode("utf-8", "replace")

    def front_matter(state: dict[str, object]) -> None:
        kind, head, body = _split(str(state["text"]))
        state["body"] = body
        try:
            if kind == "yaml":
                yaml.compose(head, Loader=_LOADER)
            elif kind == "toml":
                tomllib.loads(head)
        except (yaml.YAMLError, tomllib.TOMLDecodeError):
            pass

    def blocks(state: dict[str, object]) -> None:
        parser.parse(str(state["body"]))

    def presence(state: dict[str, object]) -> None:
        terms.Match(str(state["body"]).encode())

    def word_pass(state: dict[str, object]) -> None:
        words.findall(str(state["body"]))

    return [
        ("read and decode", read),
        ("front matter", front_matter),
        ("block parse", blocks),
        ("RE2 presence pass", presence),
        ("word pass", word_pass),
    ]


def _round(
    paths: Iterable[Path], steps: list[tuple[str, Callable[[dict[str, object]], None]]]
) -> list[float]:
    spent = [0.0] * len(steps)
    for path in paths:
        state: dict[str, object] = {"path": path}
        for index, (_, step) in enumerate(steps):
            started = time.process_time()
            step(state)
            spent[index] += time.process_time() - started
    return spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    paths = sorted(p for p in args.folder.rglob("*") if p.suffix in {".md", ".markdown"})
    steps = _steps()
    _round(paths[:50], steps)  # warm-up
    rounds = [_round(paths, steps) for _ in range(args.rounds)]
    totals = [sum(r) for r in rounds]
    median = statistics.median(totals)
    print(f"{len(paths)} posts in {args.folder}; median of {args.rounds} rounds")
    for index, (name, _) in enumerate(steps):
        share = statistics.median(r[index] for r in rounds)
        print(f"  {name:20} {share:6.2f} s")
    print(f"lower bound            {median:6.2f} s CPU")


if __name__ == "__main__":
    main()
