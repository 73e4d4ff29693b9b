"""A structured fuzz campaign: inputs built from grammars, not random bytes.

Random mutation of real posts found nothing; inputs shaped like YAML, TOML and JSON front matter
(tags, anchors, complex keys, dotted headers, deep nesting, odd line endings), configuration
tables with values of every type, and cache entries of every shape found every crash of issue
20. The properties:

- front matter: any post lints to a FileResult with no PL001 (no rule or engine crash), spans
  inside the file, and every reporter renders it;
- configuration: any table gives a Config or a ConfigError (the CLI's exit 2), never another
  exception, and a Config builds a Linter or raises ConfigError;
- cache entries: any JSON value is a FileResult or None (never an exception); any planted entry
  file is a miss.

CI runs each property with a few examples (tests/test_fuzz_structured.py). At length:

    nice python benchmarks/fuzz_structured.py [EXAMPLES]   # default 100000 in all

prints the count of inputs per property and every failure (with its input) found; the exit code
is 1 when any failed.
"""

from __future__ import annotations

import functools
import json
import string
import sys
import tempfile
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

# --- YAML ----------------------------------------------------------------------------------

_WORDS = st.sampled_from(
    [
        "title",
        "date",
        "tags",
        "draft",
        "published",
        "image",
        "author",
        "a",
        "b",
        "$schema",
        "yes",
        "no",
        "on",
        "off",
        "null",
        "~",
        "true",
        "2025-11-26",
        "2025-11-26T15:29:13",
        "12:30",
        "0x1F",
        "1e400",
        ".nan",
        "-.inf",
        "0o17",
        "1_000",
        "é",
        "日本",
        "\u200b",
        "caf\u00e9",
        "cafe\u0301",
        "",
        " ",
        "#",
        "%",
        "@",
        "`",
        "|",
        ">",
        "<<",
        "9" * 5000,
    ]
)
_TAGS = st.sampled_from(
    [
        "",
        "",
        "",
        "!!str ",
        "!!int ",
        "!!float ",
        "!!bool ",
        "!!null ",
        "!!timestamp ",
        "!!binary ",
        "!!python/object ",
        "!custom ",
        "!!map ",
        "!!seq ",
        "!<tag:x> ",
        "!!set ",
    ]
)


@functools.cache  # built once: building strategies per draw costs more than linting
def _yaml_scalar() -> st.SearchStrategy[str]:
    plain = st.one_of(
        _WORDS,
        st.integers(-(2**70), 2**70).map(str),
        st.floats(allow_nan=True).map(repr),
        st.text(string.ascii_letters + string.digits + " -_.:/'\"\\", max_size=12),
    )
    quoted = st.one_of(
        plain.map(lambda s: json.dumps(s)),
        plain.map(lambda s: "'" + s.replace("'", "''") + "'"),
    )
    return st.tuples(_TAGS, st.one_of(plain, quoted)).map("".join)


@functools.cache
def _yaml_flow(depth: int) -> st.SearchStrategy[str]:
    if depth <= 0:
        return _yaml_scalar()
    inner = _yaml_flow(depth - 1)
    return st.one_of(
        _yaml_scalar(),
        st.lists(inner, max_size=4).map(lambda xs: "[" + ", ".join(xs) + "]"),
        st.lists(st.tuples(inner, inner), max_size=3).map(
            lambda kv: "{" + ", ".join(f"{k}: {v}" for k, v in kv) + "}"
        ),
    )


@st.composite
def yaml_block(draw: st.DrawFn, depth: int = 3, indent: int = 0) -> str:
    pad = " " * indent
    lines: list[str] = []
    for _ in range(draw(st.integers(0, 5))):
        shape = draw(st.integers(0, 9))
        key = draw(st.one_of(_WORDS, _yaml_scalar()))
        anchor = draw(st.sampled_from(["", "", "", "&a ", "&b "]))
        if shape == 0 and depth > 0:  # nested mapping
            lines.append(f"{pad}{key}: {anchor}".rstrip())
            lines.append(draw(_block(depth - 1, indent + draw(st.sampled_from([1, 2, 4])))))
        elif shape == 1 and depth > 0:  # block sequence
            lines.append(f"{pad}{key}:")
            for _ in range(draw(st.integers(0, 3))):
                lines.append(f"{pad}- {draw(_yaml_flow(1))}")
        elif shape == 2:  # complex key
            lines.append(f"{pad}? {draw(_yaml_flow(2))}")
            lines.append(f"{pad}: {draw(_yaml_flow(1))}")
        elif shape == 3:  # alias or merge
            lines.append(
                draw(st.sampled_from([f"{pad}{key}: *a", f"{pad}<<: *b", f"{pad}<<: [*a, *b]"]))
            )
        elif shape == 4:  # deep flow nesting, around the limit
            n = draw(st.sampled_from([10, 63, 64, 65, 100, 500, 1200]))
            lines.append(f"{pad}{key}: " + "[" * n + "]" * draw(st.sampled_from([n, n - 1, 0])))
        elif shape == 5:  # block scalar
            lines.append(f"{pad}{key}: {draw(st.sampled_from(['|', '>', '|-', '>+', '|2']))}")
            lines.append(f"{pad}  {draw(_yaml_scalar())}")
        elif shape == 6:  # odd lines
            lines.append(
                draw(
                    st.sampled_from(
                        ["%YAML 1.1", "---", "...", "\t- x", "# c", "- a", "key", ": v"]
                    )
                )
            )
        else:
            lines.append(f"{pad}{key}: {anchor}{draw(_yaml_flow(2))}")
    return "\n".join(lines)


@functools.cache
def _block(depth: int, indent: int) -> st.SearchStrategy[str]:
    return yaml_block(depth, indent)


# --- TOML ----------------------------------------------------------------------------------

_TOML_KEY = st.one_of(
    st.sampled_from(["title", "date", "tags", "draft", "a", "b", "c", "é"]),
    st.text(string.ascii_letters + "-_", min_size=1, max_size=6),
    st.text(string.printable, max_size=6).map(json.dumps),
)


@functools.cache
def _toml_value(depth: int) -> st.SearchStrategy[str]:
    scalar = st.one_of(
        st.text(max_size=10).map(json.dumps),
        st.text(string.ascii_letters + ' #"', max_size=10).map(lambda s: f"'{s}'"),
        st.text(max_size=10).map(lambda s: f'"""{s}"""'),
        st.integers(-(2**70), 2**70).map(str),
        st.sampled_from(
            [
                "nan",
                "inf",
                "-inf",
                "1e400",
                "0x1F",
                "1_000",
                "9" * 5000,
                "true",
                "false",
                "1979-05-27",
                "1979-05-27T07:32:00Z",
                "07:32:00",
                "1979-05-27 07:32",
                "2025-13-45",
            ]
        ),
    )
    if depth <= 0:
        return scalar
    inner = _toml_value(depth - 1)
    return st.one_of(
        scalar,
        st.lists(inner, max_size=3).map(lambda xs: "[" + ", ".join(xs) + "]"),
        st.lists(st.tuples(_TOML_KEY, inner), max_size=3).map(
            lambda kv: "{" + ", ".join(f"{k} = {v}" for k, v in kv) + "}"
        ),
    )


@st.composite
def toml_document(draw: st.DrawFn) -> str:
    lines: list[str] = []
    for _ in range(draw(st.integers(0, 6))):
        shape = draw(st.integers(0, 7))
        if shape == 0:
            parts = draw(st.lists(_TOML_KEY, min_size=1, max_size=4))
            lines.append("[" + ".".join(parts) + "]")
        elif shape == 1:
            lines.append("[[" + draw(_TOML_KEY) + "]]")
        elif shape == 2:  # deep: brackets, inline tables, dotted keys and headers
            n = draw(st.sampled_from([10, 63, 64, 65, 500, 3000]))
            form = draw(st.integers(0, 3))
            lines.append(
                [
                    "a = " + "[" * n + "]" * n,
                    "a = " + "{b = " * n + "1" + "}" * n,
                    "[" + ".".join(["a"] * n) + "]",
                    ".".join(["a"] * n) + " = 1",
                ][form]
            )
        elif shape == 3:
            lines.append(
                draw(st.sampled_from(["# comment", "", "a = ", "= 1", "[", "a.b = 1", "x = 1 # c"]))
            )
        else:
            keys = draw(st.lists(_TOML_KEY, min_size=1, max_size=3))
            lines.append(f"{'.'.join(keys)} = {draw(_toml_value(2))}")
    return "\n".join(lines)


# --- JSON ----------------------------------------------------------------------------------

_JSON = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=8)),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=12,
)


@st.composite
def json_document(draw: st.DrawFn) -> str:
    data = draw(st.dictionaries(st.sampled_from(["title", "date", "tags", "a"]), _JSON, max_size=4))
    text = json.dumps(data, indent=draw(st.sampled_from([None, 2])))
    mutation = draw(st.integers(0, 5))
    if mutation == 0:
        n = draw(st.sampled_from([63, 65, 500, 5000]))
        text = text[:-1] + (", " if data else "") + '"deep": ' + "[" * n + "]" * n + "}"
    elif mutation == 1 and len(text) > 2:
        cut = draw(st.integers(1, len(text) - 1))
        text = text[:cut] + text[cut + 1 :]
    elif mutation == 2:
        text = text[:-1] + (", " if data else "") + '"title": 1, "title": 2}'
    elif mutation == 3:  # a number Python will not read (more than 4,300 digits)
        text = text[:-1] + (", " if data else "") + '"n": ' + "9" * 5000 + "}"
    if not text.startswith("{"):
        text = "{" + text
    return text


# --- whole posts ---------------------------------------------------------------------------

_BODY = st.sampled_from(
    [
        "Hello there.\n",
        "the the cat sat.\n",
        "",
        "# Heading\n\nText with `code`.\n",
        "A [link](http://x) and <b>html</b>.\n",
        "Ends mid",
        "caf\u00e9 cafe\u0301\n",
    ]
)


@st.composite
def post_bytes(draw: st.DrawFn) -> bytes:
    kind = draw(st.sampled_from(["yaml", "toml", "json"]))
    if kind == "yaml":
        text = (
            "---\n" + draw(_block(3, 0)) + "\n" + draw(st.sampled_from(["---", "...", ""])) + "\n"
        )
    elif kind == "toml":
        text = "+++\n" + draw(toml_document()) + "\n+++\n"
    else:
        text = draw(json_document()) + "\n"
    text += draw(_BODY)
    newline = draw(st.sampled_from(["\n", "\n", "\r\n", "\r"]))
    text = text.replace("\n", newline)
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8", "utf-8-sig", "utf-16", "utf-32"]))
    return text.encode(encoding, "surrogatepass")


# --- configuration tables ------------------------------------------------------------------

_ANY_VALUE = st.recursive(
    st.one_of(
        st.booleans(),
        st.integers(-(2**80), 2**80),
        st.floats(allow_nan=True, allow_infinity=True),
        st.text(max_size=8),
        st.sampled_from(["error", "warning", "PR101", "FM", "sentence-length", "*.md", "concise"]),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)
_CONFIG_KEYS = st.sampled_from(
    [
        "select",
        "extend-select",
        "ignore",
        "per-file-ignores",
        "include",
        "exclude",
        "extend-exclude",
        "fail-level",
        "severity",
        "rules",
        "schema",
        "schemas",
        "prose-fields",
        "max-file-size",
        "max-diagnostics",
        "time-budget",
        "output-format",
        "house",
        "styles",
        "unknown",
    ]
)
_RULE_NAMES = st.sampled_from(
    ["sentence-length", "PR114", "FM013", "image-not-found", "PS001", "house-style"]
)


@st.composite
def config_table(draw: st.DrawFn) -> dict[str, Any]:
    table: dict[str, Any] = draw(st.dictionaries(_CONFIG_KEYS, _ANY_VALUE, max_size=4))
    if draw(st.booleans()):  # the numbers that broke it: huge, NaN, infinite, zero, negative
        table[draw(st.sampled_from(["max-file-size", "max-diagnostics", "time-budget"]))] = draw(
            st.sampled_from(
                [2**80, 9999999999999999999999, float("nan"), float("inf"), 0, -1, 0.5, 10]
            )
        )
    if draw(st.booleans()):
        table["rules"] = draw(
            st.dictionaries(
                _RULE_NAMES,
                st.dictionaries(
                    st.sampled_from(["max-words", "keys", "checks", "extend", "x"]),
                    _ANY_VALUE,
                    max_size=2,
                ),
                max_size=2,
            )
        )
    if draw(st.booleans()):
        table["house"] = {
            "h": draw(
                st.dictionaries(
                    st.sampled_from(["kind", "swap", "tokens", "field", "max", "message", "level"]),
                    st.one_of(_ANY_VALUE, st.sampled_from(["substitution", "length", "existence"])),
                    max_size=4,
                )
            )
        }
    return table


# --- cache entries -------------------------------------------------------------------------


@st.composite
def cache_entry(draw: st.DrawFn) -> Any:
    """A valid entry's JSON with one field replaced by a value of any type, or any JSON."""
    base: dict[str, Any] = {
        "path": "post.md",
        "diagnostics": [
            {
                "code": "PR108",
                "name": "repeated-word",
                "severity": "warning",
                "message": "m",
                "span": [0, 3],
                "start": [1, 1],
                "end": [1, 4],
                "sub_code": None,
                "fix": {"safe": True, "message": "", "edits": [[0, 3, ""]]},
                "docs_url": "",
                "source_line": "the the",
            }
        ],
        "depends_on": [],
    }
    if draw(st.integers(0, 4)) == 0:
        return draw(_ANY_VALUE)
    target: Any = base
    path = draw(
        st.sampled_from(
            [
                ("path",),
                ("diagnostics",),
                ("diagnostics", 0, "span"),
                ("diagnostics", 0, "start"),
                ("diagnostics", 0, "severity"),
                ("diagnostics", 0, "fix"),
                ("diagnostics", 0, "fix", "edits"),
                ("diagnostics", 0, "message"),
                ("depends_on",),
                ("diagnostics", 0, "code"),
                ("diagnostics", 0),
            ]
        )
    )
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = draw(_ANY_VALUE)
    return base


# --- the properties ------------------------------------------------------------------------


@dataclass
class Tally:
    """Inputs tried and failures seen per property (a failure is recorded, not raised)."""

    raise_on_failure: bool = True
    progress_every: int = 0  # print the running counts this often (a long campaign)
    counts: dict[str, int] = field(default_factory=dict)
    failures: list[tuple[str, str, str]] = field(default_factory=list)

    def run(self, name: str, example: Any, check: Callable[[Any], None]) -> None:
        self.counts[name] = self.counts.get(name, 0) + 1
        total = sum(self.counts.values())
        if self.progress_every and total % self.progress_every == 0:
            print(
                f"progress: {total} inputs {self.counts}, {len(self.failures)} failures", flush=True
            )
        try:
            check(example)
        except Exception:
            if self.raise_on_failure:
                raise
            self.failures.append((name, repr(example)[:2000], traceback.format_exc(limit=6)))
            if self.progress_every:
                print(f"FAILURE {name}: {self.failures[-1][1]}\n{self.failures[-1][2]}", flush=True)


class Checks:
    """The real components, built once per campaign."""

    def __init__(self) -> None:
        from postlint.core.config import Config
        from postlint.core.engine import Linter
        from postlint.core.rule import discover

        self.rules = discover()
        self.folder = Path(tempfile.mkdtemp(prefix="postlint-fuzz-"))
        self.linter = Linter(Config(root=self.folder), self.rules)
        # most inputs are front matter: every tenth runs all rules and all reporters, the rest
        # the front-matter and system rules only (several times faster: more inputs per hour)
        self.front_matter = Linter(Config(root=self.folder, select=("FM", "PL")), self.rules)
        self.posts = 0
        self.result_cache: Any = None

    def post(self, data: bytes) -> None:
        from postlint.core.source import SourceFile
        from postlint.report import FORMATS, ReportOptions, render

        self.posts += 1
        full = self.posts % 10 == 1
        linter = self.linter if full else self.front_matter
        result = linter.lint_bytes("post.md", data)
        crashes = [d.message for d in result.diagnostics if d.code == "PL001"]
        assert not crashes, crashes
        source = linter.decode("post.md", data)
        if isinstance(source, SourceFile):
            for d in result.diagnostics:
                assert 0 <= d.start <= d.end <= len(source.text), d
        if full:
            options = ReportOptions(rules=self.rules)
            for fmt in FORMATS:
                render(fmt, [result], options)

    def config(self, table: dict[str, Any]) -> None:
        from postlint.application.config_loader import config_from_table
        from postlint.core.config import ConfigError
        from postlint.core.engine import Linter

        try:
            config = config_from_table(self.folder / "postlint.toml", table, self.rules)
            Linter(config, self.rules)
        except ConfigError:
            pass

    def cache(self, entry: Any) -> None:
        from postlint.application.cache import ResultCache
        from postlint.application.cache_entry import result_from_json, result_to_json
        from postlint.report import FORMATS, ReportOptions, render

        result = result_from_json(entry)
        if result is not None:  # what the reader accepts, the writer reproduces and reporters take
            assert result_from_json(result_to_json(result)) == result
            for fmt in FORMATS:
                render(fmt, [result], ReportOptions(rules=self.rules))
        if self.result_cache is None:  # once: its salt digests postlint's whole source
            self.result_cache = ResultCache.create(self.folder)
        cache = self.result_cache
        key = cache.key("post.md", json.dumps(entry, default=str).encode(), "fuzz")
        planted = Path(cache.folder, "v3", key[:2], f"{key}.json")
        planted.parent.mkdir(parents=True, exist_ok=True)
        planted.write_text(json.dumps(entry, default=str), encoding="utf-8")
        assert cache.get(key) is None  # no MAC made with this cache's secret: a miss


def _hypothesis(examples: int) -> settings:
    return settings(
        max_examples=examples,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )


def _property(
    name: str, strategy: Any, check: Callable[[Any], None], count: int, tally: Tally
) -> Callable[[], None]:
    @_hypothesis(count)
    @given(strategy)
    def prop(example: Any) -> None:
        tally.run(name, example, check)

    return prop  # type: ignore[no-any-return]


def campaign(examples: dict[str, int], tally: Tally) -> Tally:
    """Run each property for its number of examples, recording into ``tally``."""
    checks = Checks()
    targets = {
        "posts": (post_bytes(), checks.post),
        "config": (config_table(), checks.config),
        "cache": (cache_entry(), checks.cache),
    }
    for name, count in examples.items():
        strategy, check = targets[name]
        _property(name, strategy, check, count, tally)()
    return tally


def main() -> int:
    total = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    split = {"posts": total * 7 // 10, "config": total * 2 // 10, "cache": total // 10}
    tally = campaign(split, Tally(raise_on_failure=False, progress_every=1000))
    for name, count in tally.counts.items():
        print(f"{name}: {count} inputs")
    print(f"total: {sum(tally.counts.values())} inputs, {len(tally.failures)} failures")
    for name, example, trace in tally.failures[:50]:
        print(f"\n--- {name}: {example}\n{trace}")
    return 1 if tally.failures else 0


if __name__ == "__main__":
    sys.exit(main())
