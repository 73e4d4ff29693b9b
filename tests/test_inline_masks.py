"""The linear inline finders find exactly what the Python patterns they replace found.

Each reference below is the pattern the prose view used before it was made linear; the
property tests compare both on texts built from the characters each pattern cares about, so
any difference in matching (not only in speed) fails.
"""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postlint.core import inline_masks
from postlint.core.config import Config
from postlint.core.engine import Linter
from postlint.core.prose_view import MASK, build_prose_view

DOTALL = re.DOTALL

REFERENCES: dict[str, tuple[re.Pattern[str], int, object, str]] = {
    # name: (old pattern, group masked, new finder, alphabet for generated texts)
    "comment": (
        re.compile(r"<!--.*?(?:-->|\Z)", DOTALL),
        0,
        inline_masks.html_comments,
        "<!->a \n",
    ),
    "hugo": (
        re.compile(r"\{\{<.*?>\}\}|\{\{%.*?%\}\}", DOTALL),
        0,
        inline_masks.HUGO_SHORTCODE,
        "{}<>%a \n",
    ),
    "liquid": (
        re.compile(r"\{%.*?%\}|\{\{.*?\}\}", DOTALL),
        0,
        inline_masks.LIQUID_TAG,
        "{}%a \n",
    ),
    "raw-html": (
        re.compile(r"<(script|style|pre|code|math|svg)\b[^>]*>.*?</\1\s*>", DOTALL | re.I),
        0,
        inline_masks.raw_html_elements,
        "<>/ \ncodeCODEprsvgx",
    ),
    "math": (
        re.compile(r"\$\$.+?\$\$|\\\[.+?\\\]|\\\(.+?\\\)", DOTALL),
        0,
        inline_masks.TEX_MATH,
        "$\\[]()a \n",
    ),
    "code": (
        re.compile(r"(?<![`\\])(`+)(?!`)(?:(?!\n[ \t]*\n).)+?(?<!`)\1(?!`)", DOTALL),
        0,
        inline_masks.inline_code,
        "``` \\\n\ta",
    ),
    "autolink": (
        re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)>"),
        0,
        inline_masks.autolinks,
        "<>@.:ab1 \u00a0\u3000",
    ),
    "html-tag": (
        re.compile(
            r"</?[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w:.-]*(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*\s*/?>"
            r"|<![A-Za-z][^>]*>|<\?.*?\?>",
            DOTALL,
        ),
        0,
        inline_masks.html_tags,
        "<>/?!=\"'ab- \n\u00a0é",
    ),
    "link-destination": (
        re.compile(
            r"\](\((?:[^()\s]|\((?:[^()\s])*\))*(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\))"
        ),
        1,
        inline_masks.link_destinations,
        "[]()\"' a\u00a0",
    ),
    "footnote": (
        re.compile(r"\[\^[^\]\s]+\](?::)?"),
        0,
        inline_masks.footnotes,
        "[]^:a \u2003",
    ),
    "kramdown": (re.compile(r"\{:[^}\n]*\}"), 0, inline_masks.kramdown_ials, "{}:a \n"),
    "liquid-raw": (
        re.compile(r"\{%-?\s*(raw|comment|highlight|capture)\b.*?\{%-?\s*end\1\s*-?%\}", DOTALL),
        0,
        inline_masks.liquid_raw_blocks,
        "",
    ),
    "hugo-paired": (
        re.compile(
            r"\{\{[<%]\s*(highlight|code|raw|katex|math)\b.*?\{\{[<%]\s*/\1\s*[>%]\}\}", DOTALL
        ),
        0,
        inline_masks.hugo_paired,
        "",
    ),
}

_TOKENS = {
    "liquid-raw": [
        "{% raw %}",
        "{%- endraw -%}",
        "{% endraw %}",
        "{% comment %}",
        "{%endcomment%}",
        "{% rawx",
        "a",
        " ",
        "\n",
    ],
    "hugo-paired": [
        "{{< highlight go >}}",
        "{{< /highlight >}}",
        "{{% code %}}",
        "{{%/code%}}",
        "{{< /code >}}",
        "a",
        "\n",
    ],
}


def _texts(name: str) -> st.SearchStrategy[str]:
    alphabet = REFERENCES[name][3]
    if alphabet:
        return st.text(alphabet=alphabet, max_size=60)
    return st.lists(st.sampled_from(_TOKENS[name]), max_size=12).map("".join)


def _old(name: str, text: str) -> list[tuple[int, int]]:
    pattern, group = REFERENCES[name][0], REFERENCES[name][1]
    return [m.span(group) for m in pattern.finditer(text) if m.start(group) >= 0]


@pytest.mark.parametrize("name", sorted(REFERENCES))
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_finder_matches_what_the_old_pattern_matched(name: str, data: st.DataObject) -> None:
    text = data.draw(_texts(name))
    finder = REFERENCES[name][2]
    assert finder(text) == _old(name, text)  # type: ignore[operator]


@pytest.mark.parametrize(
    ("name", "text", "spans"),
    [
        ("code", "a `b` c ``d`` e", [(2, 5), (8, 13)]),
        ("code", "\\`no` `yes`", [(4, 7)]),  # an escaped run cannot open
        ("raw-html", "<CODE x>a</code > b", [(0, 17)]),
        ("math", "$$x$$ \\[y\\]", [(0, 5), (6, 11)]),
        ("liquid-raw", "{% raw %}\n\n{{ x }}\n\n{% endraw %} after", [(0, 32)]),
    ],
)
def test_finder_examples(name: str, text: str, spans: list[tuple[int, int]]) -> None:
    assert REFERENCES[name][2](text) == spans  # type: ignore[operator]
    assert _old(name, text) == spans


def test_whitespace_class_is_pythons() -> None:
    """RE2's class, run over every code point, holds exactly Python's whitespace."""
    import re2

    universe = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    spelled = {m.group() for m in re2.finditer(f"[{inline_masks.WHITESPACE}]", universe)}
    python = {m.group() for m in re.finditer(r"\s", universe)}
    assert spelled == python


def test_escaped_bracket_is_prose_unless_the_site_renders_tex_math() -> None:
    text = "---\ntitle: t\n---\n\nWe \\[really\\] mean it \\(truly\\).\n"
    plain = build_prose_view(text, 17).text
    assert "\\[really\\]" in plain and "\\(truly\\)" in plain
    tex = build_prose_view(text, 17, tex_math=True).text
    assert "really" not in tex and "truly" not in tex
    assert len(tex) == len(text)


def test_an_unclosed_span_is_bounded_by_its_block() -> None:
    text = "---\ntitle: t\n---\n\nOpen <!-- never closed.\n\nThe second paragraph is prose.\n"
    view = build_prose_view(text, 17).text
    assert "never" not in view
    assert "The second paragraph is prose." in view


def test_a_paired_template_block_spans_blank_lines() -> None:
    text = "---\ntitle: t\n---\n\n{% raw %}\n{{ a }}\n\nvery unique code\n{% endraw %}\n\nProse.\n"
    view = build_prose_view(text, 17).text
    assert "unique" not in view and "Prose." in view


def test_tex_math_option_reaches_the_rules(tmp_path: object) -> None:
    text = "---\ntitle: t\n---\n\nThe sum \\[very unique\\] is here.\n"
    plain = Linter(Config()).lint_text(text)
    tex = Linter(Config(tex_math=True)).lint_text(text)
    assert any(d.sub_code == "uncomparables" for d in plain.diagnostics)
    assert not any(d.sub_code == "uncomparables" for d in tex.diagnostics)


def test_masks_keep_line_breaks() -> None:
    text = "---\ntitle: t\n---\n\nSee <!-- a\nb --> it.\n"
    view = build_prose_view(text, 18).text
    assert view[18:] == "See " + MASK * 6 + "\n" + MASK * 5 + " it.\n"
