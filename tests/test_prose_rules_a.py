"""Editorial rules PR101-PR106 and PR113: the seed, exact fix edits, options, the corpus bar."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conftest import CORPUS, SEED
from crash_guard import without_crash
from postlint.core.config import Config, ConfigError
from postlint.core.diagnostic import Diagnostic, Edit
from postlint.core.engine import Linter
from postlint.core.fix import fix_source
from postlint.core.source import SourceFile

CODES = ("PR101", "PR102", "PR103", "PR104", "PR105", "PR106", "PR113")


def apply(text: str, edits: list[Edit]) -> str:
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        text = text[: edit.start] + edit.replacement + text[edit.end :]
    return text


def lint(text: str, code: str, options: tuple[tuple[str, Any], ...] = ()) -> list[Diagnostic]:
    rule_options = ((code, options),) if options else ()
    linter = Linter(Config(select=(code,), rule_options=rule_options))
    result = without_crash(linter.lint_text(text, "post.md"))
    return [d for d in result.diagnostics if d.code == code]


def post(body: str, front: str = "title: A post") -> str:
    return f"---\n{front}\n---\n\n{body}\n"


# --- the seed ------------------------------------------------------------------------------


def test_seed_gives_the_lede_splice_and_the_title_label_and_nothing_else() -> None:
    result = Linter(Config(select=CODES)).lint_bytes(SEED.name, SEED.read_bytes())
    found = [(d.code, d.start_pos.line, d.start_pos.column) for d in result.diagnostics]
    assert found == [("PR102", 3, 9), ("PR101", 12, 1)]
    lede = next(d for d in result.diagnostics if d.code == "PR101")
    assert (lede.end_pos.line, lede.end_pos.column) == (12, 36)  # the lead-in and its space
    label = next(d for d in result.diagnostics if d.code == "PR102")
    assert SEED.read_text(encoding="utf-8")[label.start : label.end] == "Big News: "


def test_seed_unsafe_fixes_give_the_intended_lede_and_title() -> None:
    linter = Linter(Config(select=CODES))
    source = SourceFile.from_bytes(SEED.name, SEED.read_bytes())
    outcome = fix_source(linter, source, unsafe=True)
    lines = outcome.text.splitlines()
    assert lines[2] == 'title: "Where peace stands in Ukraine after frantic diplomacy"'
    assert lines[11] == "Are we any closer to peace in Ukraine?"
    assert outcome.result.diagnostics == ()
    assert fix_source(linter, source, unsafe=False).text == source.text  # both fixes are unsafe


# --- fixes: exact edits, only their span ---------------------------------------------------

FIXES = [
    (
        "PR101",
        post("Talks went on. It has been recently reported that Are we close?\r\nYes."),
        post("Talks went on. Are we close?\r\nYes."),
    ),
    (
        "PR102",
        post("Text.", 'title: "Big News: Where peace stands"  # keep'),
        post("Text.", 'title: "Where peace stands"  # keep'),
    ),
    (
        "PR102",
        post("# BREAKING NEWS - talks resume\n\nText.", "title: 'Exclusive: inside'"),
        post("# talks resume\n\nText.", "title: 'inside'"),
    ),
    (
        "PR105",
        post("It wasnâ€™t cafÃ©, donÃ¢â‚¬â„¢t ðŸ˜€, â€œquoteâ€\x9d.", 'title: "Itâ€™s"'),
        post("It wasn’t café, don’t 😀, “quote”.", 'title: "It’s"'),
    ),
    (
        "PR106",
        post("Isn&#8217;t it &amp;#8217; &#x2019;"),
        post("Isn’t it ’ ’"),
    ),
    (
        "PR106",
        post("x", "title: \"Say &quot;hi&quot; &amp; go\"\nexcerpt: 'It&#39;s &nbsp;on'"),
        post("x", "title: \"Say \\\"hi\\\" & go\"\nexcerpt: 'It''s \u00a0on'"),
    ),
    (
        "PR113",
        post("NATO met. NATO said Nato would act. Email us, e-mail us, email us. E-MAIL."),
        post("NATO met. NATO said NATO would act. Email us, email us, email us. EMAIL."),
    ),
    (
        "PR113",
        post("We organise, we organised, ORGANIZING. The web site, a website, two websites."),
        post("We organise, we organised, ORGANISING. The website, a website, two websites."),
    ),
]


@pytest.mark.parametrize(("code", "text", "fixed"), FIXES)
def test_fix_edits_give_exactly_the_fixed_text(code: str, text: str, fixed: str) -> None:
    diagnostics = lint(text, code)
    assert diagnostics and all(d.fix is not None for d in diagnostics)
    edits = [e for d in diagnostics for e in d.fix.edits]  # type: ignore[union-attr]
    for d in diagnostics:  # each edit stays inside the span its diagnostic reports
        assert all(d.start <= e.start <= e.end <= d.end for e in d.fix.edits)  # type: ignore[union-attr]
    assert apply(text, edits) == fixed
    assert lint(fixed, code) == []


@pytest.mark.parametrize(
    ("code", "safe"),
    [("PR101", False), ("PR102", False), ("PR105", True), ("PR106", True), ("PR113", False)],
)
def test_fix_safety_matches_the_rule(code: str, safe: bool) -> None:
    text = next(text for c, text, _ in FIXES if c == code)
    assert {d.fix.safe for d in lint(text, code) if d.fix} == {safe}


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("PR102", post("x", 'title: Breaking - "Quoted" rest')),  # plain YAML would break
        ("PR105", post("A lost \ufffd, a cut â€ quote, a space.Â Then.")),  # originals are lost
        ("PR106", "+++\ntitle = 'It&#39;s'\n+++\n\nx\n"),  # a TOML literal string cannot hold '
        ("PR103", post("It is understood that the talks stalled.")),
        ("PR104", post("The minister, [INSERT NAME], said TK people came.")),
    ],
)
def test_reported_without_a_fix_where_the_result_is_not_certain(code: str, text: str) -> None:
    diagnostics = lint(text, code)
    assert diagnostics and all(d.fix is None for d in diagnostics)


# --- behaviour the example posts cannot show ---------------------------------------------


def test_lede_splice_reads_only_paragraphs() -> None:
    text = post("# It was reported that What next?\n\n| It was reported that Are we |\n|---|")
    assert lint(text, "PR101") == []


def test_unattributed_claim_leaves_a_splice_to_lede_splice() -> None:
    text = post("Sources say that What happens next is unclear.")
    assert [d.code for d in lint(text, "PR101")] == ["PR101"]
    assert lint(text, "PR103") == []


def test_headline_prefixes_are_an_option() -> None:
    text = post("Text.", 'title: "Opinion: peace is near"')
    assert lint(text, "PR102") == []
    found = lint(text, "PR102", (("prefixes", ("opinion",)),))
    assert [text[d.start : d.end] for d in found] == ["Opinion: "]
    with pytest.raises(ConfigError):
        Linter(Config(select=("PR102",), rule_options=(("PR102", (("prefixes", "x"),)),)))


def test_named_entities_in_the_body_are_info_by_default_and_can_be_turned_off() -> None:
    text = post("A dash &mdash; and&nbsp;a space, AT&amp;T, &lt;tag&gt;, snake&#95;case, f&#x6f;o.")
    found = lint(text, "PR106")
    # &nbsp; is the readable way to write an invisible character; in-word escapes stop emphasis
    assert [(text[d.start : d.end], d.severity.label) for d in found] == [
        ("&mdash;", "info"),
        ("&amp;", "info"),
    ]
    assert apply(text, [e for d in found for e in d.fix.edits]) == post(  # type: ignore[union-attr]
        "A dash — and&nbsp;a space, AT&T, &lt;tag&gt;, snake&#95;case, f&#x6f;o."
    )
    assert lint(text, "PR106", (("named-in-body", False),)) == []
    numeric = post("Rock&#8217;s &amp;#8217; roll.")
    assert [(d.severity.label) for d in lint(numeric, "PR106")] == ["warning", "warning"]


def test_spelling_pairs_acronyms_and_ise_ize_are_options() -> None:
    text = post("Colour and color; Nasa and NASA and NASA; organise and organize and organize.")
    assert {text[d.start : d.end] for d in lint(text, "PR113")} == {"Nasa", "organise"}
    options = (("pairs", (("colour", "color"),)), ("acronyms", ()), ("ise-ize", False))
    assert [text[d.start : d.end] for d in lint(text, "PR113", options)] == ["color"]
    with pytest.raises(ConfigError):
        Linter(Config(select=("PR113",), rule_options=(("PR113", (("acronyms", ("Nato",)),)),)))


def test_spelling_tie_reports_the_later_form_and_ignores_sentence_capitals() -> None:
    text = post("Email first. Then an e-mail, and Kiev. Kyiv later.")
    found = [(text[d.start : d.end], d.fix.edits[0].replacement) for d in lint(text, "PR113")]  # type: ignore[union-attr]
    assert found == [("e-mail", "email"), ("Kyiv", "Kiev")]


def test_placeholders_in_text_fields_are_found_at_their_place() -> None:
    text = post("Body.", 'title: "Welcome to {site_name}"\nexcerpt: "%%x%% TKTK"')
    found = [
        (d.start_pos.line, d.start_pos.column, text[d.start : d.end]) for d in lint(text, "PR104")
    ]
    assert found == [(2, 20, "{site_name}"), (3, 11, "%%x%%"), (3, 17, "TKTK")]


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Organise it.", "Organise", True),
        ("Done. Organise it.", "Organise", True),
        ('He said: "Organise it."', "Organise", True),
        ("- **Organise** it", "Organise", True),
        ("The World Health\nOrganization met.", "Organization", False),
        ("The Organization met.", "Organization", False),
        ("(see above)Organise", "Organise", False),
    ],
)
def test_starts_sentence(text: str, word: str, expected: bool) -> None:
    from postlint.rules.prose._text import starts_sentence

    assert starts_sentence(text, text.index(word), 0) is expected


# --- the false-alarm bar on professional writing -------------------------------------------


def _corpus_files() -> list[Path]:
    return sorted(p for p in CORPUS.rglob("*") if p.suffix in (".md", ".markdown"))


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the repo")
def test_part_a_rules_stay_quiet_on_professional_posts() -> None:
    linter = Linter(Config(select=CODES))
    files = _corpus_files()
    assert len(files) > 1000
    counts = dict.fromkeys(CODES, 0)
    for path in files:
        for d in linter.lint_bytes(str(path), path.read_bytes()).diagnostics:
            if d.code in counts and d.severity.label in ("warning", "error"):
                counts[d.code] += 1
    # Every hit was read: numeric entities and spelling variants that really are in the posts.
    assert sum(counts.values()) / len(files) < 0.05, counts
    for quiet in ("PR101", "PR102", "PR103", "PR104", "PR105"):
        assert counts[quiet] == 0, counts


def test_toml_title_with_a_trailing_comment_is_read_and_fixed_inside_the_string() -> None:
    text = '+++\ntitle = "Breaking: Talks # resume" # set by the importer\n+++\n\nx\n'
    (diagnostic,) = lint(text, "PR102")
    assert (diagnostic.start_pos.line, diagnostic.start_pos.column) == (2, 10)
    outcome = fix_source(
        Linter(Config(select=("PR102",))), SourceFile.from_bytes("p.md", text.encode()), unsafe=True
    )
    assert outcome.text == '+++\ntitle = "Talks # resume" # set by the importer\n+++\n\nx\n'


def test_toml_multi_line_string_with_extra_closing_quotes_ends_before_the_comment() -> None:
    text = '+++\ntitle = """Breaking: Talks "resume"""" # set by the importer\n+++\n\nx\n'
    (diagnostic,) = lint(text, "PR102")
    assert (diagnostic.start_pos.line, diagnostic.start_pos.column) == (2, 12)
