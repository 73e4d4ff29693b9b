"""Pathological and ordinary post shapes for the scaling benchmark and the linearity test.

Each shape is a unit of text repeated to a target size; a linear linter spends the same time
per megabyte at every size. The shapes named in issue 19 are the ones that were quadratic
(one unit that never closes and makes a pattern rescan the rest of the file); the others are
already-linear shapes kept as a regression guard.
"""

from __future__ import annotations

FRONT_MATTER = "---\ntitle: A post\n---\n\n"

# name -> unit repeated (inside one paragraph unless the unit has blank lines)
SHAPES: dict[str, str] = {
    # triggers of quadratic patterns (issue 19)
    "changelog": "- \\[[`abc1234`](https://example.com/c/abc1234)] - **src**: fix the thing\n",
    "escaped-bracket": "\\[a ",
    "processing-instruction": "<?x ",
    "declaration": "<!a ",
    "email-autolink": "<x@a.a.a ",
    "unclosed-code-tag": "<code a ",
    "liquid-tag": "{% a ",
    "liquid-output": "{{ a ",
    "hugo-shortcode": "{{< a ",
    "hugo-percent": "{{% a ",
    "unclosed-raw": "{% raw %} a ",
    "unclosed-highlight": "{{< highlight >}} a ",
    "kramdown-ial": "{:a ",
    "footnote": "[^a",
    "paren-math": "\\(a ",
    "dollar-math": "$$a ",
    "digits": "1 ",
    "underscores": "_",
    "cjk": "漢",
    "suppressions": "Text.\n<!-- postlint-disable-next-line PR108 -->\nThe the end.\n\n",
    # found after issue 19: each verb of saying searched back to its paragraph's start (PR101)
    "verbs-of-saying": "officials said that ",
    # already linear: a regression guard
    "stars": "*",
    "brackets": "[",
    "link-open": "](",
    "dollars": "$",
    "unclosed-comment": "<!-- a ",
    "no-sentence-end": "and the words go on ",
    "one-word": "word ",
    "table": "| a | b |\n",
    "nested-list": "- a\n  - b\n    - c\n      > d\n",
    "prose": "The editor read the post twice. It was very unique, she said.\n",
}


def backtick_runs(size: int) -> str:
    """Backtick runs of distinct lengths, none closed: each opener used to scan to the end."""
    parts, length, total = [], 1, 0
    while total < size:
        part = "`" * length + " a "
        parts.append(part)
        total += len(part)
        length += 1
    return "".join(parts)


def toml_tables(size: int) -> str:
    """Thousands of TOML tables in the front matter (the locator compared every pair)."""
    lines, i, total = ["+++"], 0, 0
    while total < size:
        line = f"[t{i}]\nk = {i}\n"
        lines.append(line.rstrip("\n"))
        total += len(line)
        i += 1
    return "\n".join(lines) + "\n+++\n\nBody.\n"


def make(name: str, size: int) -> str:
    """A post of about ``size`` characters of the named shape."""
    if name == "backtick-runs":
        return FRONT_MATTER + backtick_runs(size) + "\n"
    if name == "toml-tables":
        return toml_tables(size)
    if name == "table":
        unit = SHAPES[name]
        return FRONT_MATTER + "| a | b |\n|---|---|\n" + unit * (size // len(unit)) + "\n"
    unit = SHAPES[name]
    return FRONT_MATTER + unit * max(1, size // len(unit)) + "\n"


NAMES: tuple[str, ...] = (*SHAPES, "backtick-runs", "toml-tables")
