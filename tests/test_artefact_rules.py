"""Pipeline-artefact rules (AI101-AI112): recall on generated variants, exact positions, quiet
on professional posts (the corpus, the seed, near misses), safe fixes that add nothing, and
time per character that stays flat on hostile input."""

from __future__ import annotations

import collections
import json
from pathlib import Path

import pytest
from artefact_variants import MAKERS, recall, variants
from cpu_time import fastest_cpu_seconds

from conftest import CORPUS, SEED
from postlint.core.config import Config, ConfigError
from postlint.core.diagnostic import Diagnostic
from postlint.core.document import Document
from postlint.core.engine import Linter
from postlint.core.fix import fix_source
from postlint.core.rule import discover
from postlint.core.source import SourceFile

RULES = [r for r in discover() if r.code.startswith("AI")]
CODES = tuple(r.code for r in RULES)


def lint(text: str, *codes: str, path: str = "post.md", **config: object) -> list[Diagnostic]:
    linter = Linter(Config(select=codes or ("AI",), **config))  # type: ignore[arg-type]
    return [d for d in linter.lint_text(text, path).diagnostics if d.code.startswith("AI")]


def post(body: str, front: str = "title: Council news") -> str:
    return f"---\n{front}\n---\n\n{body}\n"


# --- recall: variants the example files do not contain --------------------------------------


@pytest.mark.parametrize("kind", list(MAKERS))
def test_generated_variants_are_found(kind: str) -> None:
    share, misses = recall(kind)
    shown = "\n".join(repr(m.text) for m in misses[:5])
    assert share >= 0.95, f"{kind}: {share:.1%} found; misses:\n{shown}"


def test_the_generator_varies_what_it_plants() -> None:
    """The recall figure means something only if the variants differ."""
    for kind in MAKERS:
        texts = {v.text for v in variants(kind, 100)}
        assert len(texts) >= 40, kind


# --- phrasings as chat assistants write them, with exact positions ---------------------------

PHRASINGS = [
    ("AI101", "As an AI text model, I can't form opinions."),
    ("AI101", "I'm Claude, an AI assistant made by Anthropic."),
    ("AI101", "Since I am an AI, I cannot taste food."),
    ("AI101", "as an ai language model i cannot do that"),
    ("AI102", "I’m sorry, but I won’t be able to help with that request."),
    ("AI102", "I'm afraid I can't help with that."),
    ("AI102", "I must decline to write this article."),
    ("AI102", "That request violates my guidelines, so I can't continue."),
    ("AI103", "Since my training data ends in 2022, this may be outdated."),
    ("AI103", "I don't have information after October 2023."),
    ("AI103", "Please note that my knowledge is limited to events before 2023."),
    ("AI104", "Would you like a version with a different tone?"),
    ("AI104", "Happy to adjust the tone if needed!"),
    ("AI104", "Let me know how you'd like to proceed."),
    ("AI104", "I hope this article meets your expectations!"),
    ("AI105", "Here’s a refreshed version of the post:"),
    ("AI105", "Here is a unique, plagiarism-free version of the article:"),
    ("AI105", "Okay, here is the blog post you asked for:"),
    ("AI105", "Certainly. Below you will find the revised text."),
]


@pytest.mark.parametrize(("code", "sentence"), PHRASINGS)
def test_phrasing_is_reported_where_it_starts(code: str, sentence: str) -> None:
    text = post(f"The council met on Tuesday. {sentence} The vote is next week.")
    found = [d for d in lint(text, code) if d.code == code]
    assert len(found) == 1, found
    assert (found[0].start_pos.line, found[0].code) == (5, code)
    start = text.index(sentence)
    assert found[0].start >= start and found[0].end <= start + len(sentence)


def test_title_excerpt_and_description_are_read() -> None:
    front = (
        'title: "Sure! Here is a catchy title for your article: Fares rise"\n'
        "excerpt: As an AI language model, I summarise the budget.\n"
        "description: 'Prices are up citeturn0search2'"
    )
    found = [(d.code, d.start_pos.line, d.start_pos.column) for d in lint(post("Text.", front))]
    assert found == [("AI105", 2, 9), ("AI101", 3, 10), ("AI106", 4, 29)]


def test_messages_say_what_was_found_and_what_to_do() -> None:
    [refusal] = lint(post("I'm sorry, but I can't assist with that."), "AI102")
    assert refusal.message.startswith("'I'm sorry, but I can't assist' is a chat assistant's")
    [token] = lint(post("Rates rose. citeturn0search3"), "AI106")
    assert (token.start_pos.line, token.start_pos.column) == (5, 13)
    assert "'citeturn0search3'" in token.message and "delete it" in token.message


def test_positions_are_exact_with_crlf_bom_and_toml() -> None:
    text = '\ufeff+++\r\ntitle = "Rates 【4†source】"\r\n+++\r\n\r\nCafé. citeturn1news2\r\n'
    linter = Linter(Config(select=("AI106",)))
    result = linter.lint_bytes("post.md", text.encode("utf-8"))
    found = [(d.start_pos.line, d.start_pos.column, d.end_pos.column) for d in result.diagnostics]
    assert found == [(2, 16, 26), (5, 7, 21)]


def test_the_family_is_one_selector(run_cli, tmp_path: Path) -> None:
    (tmp_path / "post.md").write_text(
        post("I hope this helps! citeturn0search1", "title: Rates\nauthor: admin"),
        encoding="utf-8",
    )
    listed = run_cli("rules").stdout.decode()
    assert all(code in listed for code in CODES)
    checked = run_cli("check", "--select", "AI", "--output-format", "json", "post.md")
    report = json.loads(checked.stdout)
    codes = sorted(d["code"] for d in report["diagnostics"])
    assert codes == ["AI104", "AI106", "AI111"], report
    assert checked.returncode == 1
    ignored = run_cli("check", "--select", "AI", "--ignore", "AI1", "post.md")
    assert ignored.returncode == 0, ignored.stdout


# --- quiet on professional writing -----------------------------------------------------------

NEAR_MISSES = [
    "As an AI model, it cannot know what happened after its training ended.",
    "I am an AI researcher, and as a language model engineer, I test these systems.",
    'The model replied: "As an AI language model, I cannot browse the web."',
    "The bot answered “I'm sorry, but I can't assist with that” and stopped.",
    "Refusals such as I'm sorry, but I can't help with that are logged.",
    "I can't help but smile when the build passes.",
    "Unfortunately, I can't share more details about the roadmap yet.",
    "Every model has a knowledge cutoff; the model's training data ends on a fixed day.",
    "I split my training data into three sets.",
    "Let me know in the comments what you think.",
    "Let me know if you have any questions on the forum.",
    "Feel free to reach out on our chat if you get stuck.",
    "Where should I go if I have more questions?",
    "Here's a summary of the changes:",
    "Here is the updated version:",
    "I've updated the original post to fix a typo.",
    "We turn the page; turn 3 was the best.",
    "Traffic from chats arrives tagged utm_source=chatgpt.com in our analytics.",
    "We are happy to expand the programme next year.",
    "I hope you found it informative and interesting.",
    "The first fair was held on 3 March 1950.",
    "This article was originally published on Medium on 3 March 2025.",
    "The admin of the site, by the way, is Jane.",
    "Of course, here is the catch: the cache is per machine.",
    "The `citeturn0search3` token is stripped by the exporter.",
]


@pytest.mark.parametrize("sentence", NEAR_MISSES)
def test_near_misses_are_quiet(sentence: str) -> None:
    text = post(sentence, "title: Release notes\ndate: 2025-05-12")
    assert lint(text, "AI") == []


def test_quoted_exchanges_in_block_quotes_and_code_are_not_read() -> None:
    body = (
        "> I'm sorry, but I can't assist with that. Let me know if you'd like changes.\n\n"
        "```text\nAs an AI language model, I cannot do that. citeturn0search1\n```\n\n"
        "    Sure! Here's a rewritten version of the article:"
    )
    assert lint(post(body)) == []


def test_the_seed_has_no_pipeline_artefacts_of_this_family() -> None:
    if not SEED.is_file():
        pytest.skip(f"the seed post is not here ({SEED}); it lives in ../shared")
    linter = Linter(Config(select=("AI",)))
    assert linter.lint_bytes(SEED.name, SEED.read_bytes()).diagnostics == ()


def _corpus_posts() -> list[Path]:
    return sorted(p for p in CORPUS.rglob("*") if p.suffix in (".md", ".markdown"))


def test_the_corpus_is_quiet() -> None:
    """Every AI rule (AI112 too) on every post of the six blogs: no finding at all."""
    if not CORPUS.is_dir():
        pytest.skip(f"the corpus is not here ({CORPUS}); it lives in ../shared")
    linter = Linter(Config(select=("AI",)))
    posts = _corpus_posts()
    assert len(posts) > 1300
    hits: dict[str, list[str]] = collections.defaultdict(list)
    for path in posts:
        for d in linter.lint_bytes(str(path), path.read_bytes()).diagnostics:
            blog = path.relative_to(CORPUS).parts[0]
            hits[blog].append(
                f"{path}:{d.start_pos.line}:{d.start_pos.column} {d.code} {d.message}"
            )
    assert not hits, "\n".join(line for lines in hits.values() for line in lines)


# --- fixes -----------------------------------------------------------------------------------

TOKEN_FIXES = [
    ("Rates rose. citeturn0search3", "Rates rose."),
    ("Rates rose.citeturn0search3 Then fell.", "Rates rose. Then fell."),
    ("Rates rose citeturn0search3.", "Rates rose."),
    ("Rates rose citeturn0search3 and fell.", "Rates rose and fell."),
    ("Rates rose. citeturn0search3The end.", "Rates rose. The end."),
    ("citeturn0search3 Rates rose.", "Rates rose."),
    ("Rates rose \ue200cite\ue202turn0search3\ue201.", "Rates rose."),
    ("Growth slowed :contentReference[oaicite:2]{index=2} in May.", "Growth slowed in May."),
    ("[cite_start]Jobs are flat. [cite: 3, 7]", "Jobs are flat."),
    ("Rates rose.\n\n【4:0†source】\n\nThe end.", "Rates rose.\n\nThe end."),
    ("Rates rose 【4†source】\r\nand fell.", "Rates rose\r\nand fell."),
]


@pytest.mark.parametrize(("body", "fixed"), TOKEN_FIXES)
def test_a_leaked_token_is_deleted_with_the_space_before_it(body: str, fixed: str) -> None:
    linter = Linter(Config(select=("AI106",)))
    outcome = fix_source(linter, SourceFile("post.md", post(body)), unsafe=False)
    assert outcome.text == post(fixed)
    assert outcome.remaining == ()


@pytest.mark.parametrize(
    "body",
    [
        "Rates roseciteturn0search3again.",
        "It was the citeturn0search1 the end.",
        "citeturn0search1",
    ],
)
def test_no_safe_fix_where_deleting_a_token_would_glue_words_or_empty_the_post(body: str) -> None:
    [found] = lint(post(body), "AI106")
    assert found.fix is None


def test_a_token_in_the_title_is_cut_out_of_the_quoted_value() -> None:
    linter = Linter(Config(select=("AI106",)))
    text = post("Text.", 'title: "Rates rise citeturn0search1"  # keep')
    outcome = fix_source(linter, SourceFile("post.md", text))
    assert outcome.text == post("Text.", 'title: "Rates rise"  # keep')


UNSAFE_FIXES = [
    (
        "AI104",
        "Water early. I hope this helps! Let me know if you'd like any changes.",
        "Water early.",
    ),
    ("AI104", "Water early.\n\nWould you like me to add more tips?", "Water early."),
    ("AI105", "Sure! Here's a rewritten version of the article:\n\nThe city.", "The city."),
    ("AI105", "Here is the revised text: the lights come on.", "the lights come on."),
    (
        "AI107",
        "See [it](https://example.org/a?utm_source=chatgpt.com&x=1#top).",
        "See [it](https://example.org/a?x=1#top).",
    ),
    (
        "AI107",
        "See <https://example.org/a?x=1&utm_source=openai>.",
        "See <https://example.org/a?x=1>.",
    ),
]


@pytest.mark.parametrize(("code", "body", "fixed"), UNSAFE_FIXES)
def test_unsafe_fixes_remove_the_artefact(code: str, body: str, fixed: str) -> None:
    linter = Linter(Config(select=(code,)))
    source = SourceFile("post.md", post(body))
    assert fix_source(linter, source, unsafe=False).text == source.text  # nothing safe here
    outcome = fix_source(linter, source, unsafe=True)
    assert outcome.text == post(fixed)
    assert outcome.remaining == ()


def test_a_repeated_headline_is_removed_with_its_blank_lines() -> None:
    linter = Linter(Config(select=("AI108",)))
    text = post("**Where peace stands now**\n\nAre we closer?", "title: Where peace stands now")
    outcome = fix_source(linter, SourceFile("post.md", text), unsafe=True)
    assert outcome.text == post("Are we closer?", "title: Where peace stands now")


def _fixable_posts() -> list[str]:
    texts = [v.text for kind in ("requester-address", "preamble") for v in variants(kind, 40)]
    texts += [
        v.text
        for kind in ("leaked-token", "chatbot-link", "headline-repeated")
        for v in variants(kind, 40)
    ]
    examples = Path(__file__).parent / "examples"
    texts += [p.read_text(encoding="utf-8") for p in sorted(examples.glob("AI1*/bad-*.md"))]
    return texts


def test_fixes_never_create_a_new_finding() -> None:
    """Every rule on, safe and unsafe fixes applied: no code is found more often afterwards."""
    linter = Linter(Config(select=("ALL",)))
    for text in _fixable_posts():
        source = SourceFile("post.md", text)
        before = collections.Counter(d.code for d in linter.lint_source(source).diagnostics)
        outcome = fix_source(linter, source, unsafe=True)
        after = collections.Counter(d.code for d in outcome.remaining)
        grown = {code: n for code, n in after.items() if n > before[code]}
        assert not grown, f"{grown} after fixing:\n{text}\n---\n{outcome.text}"


# --- options ---------------------------------------------------------------------------------

DENSE = (
    "In today's fast-paced world, it's important to note that the city is a rich tapestry. "
    "Let's delve into its vibrant streets, a testament to its bustling past."
)


def test_dense_generated_phrasing_is_off_by_default_and_scored_when_on() -> None:
    assert Linter(Config()).lint_text(post(DENSE)).diagnostics == ()
    [found] = lint(post(DENSE), "AI112")
    assert found.start_pos.line == 5 and found.start_pos.column == 1
    assert "7 phrases typical of generated text" in found.message


def test_one_word_however_often_never_fires_alone() -> None:
    assert lint(post("Crucial. " * 200), "AI112") == []


def test_threshold_and_min_distinct_are_options() -> None:
    options = (("AI112", (("threshold", 500.0),)),)
    assert lint(post(DENSE), "AI112", rule_options=options) == []
    options = (("generated-phrasing", (("min-distinct", 8),)),)
    assert lint(post(DENSE), "AI112", rule_options=options) == []
    options = (("AI112", (("phrases", ["crucial", "robust"]), ("min-distinct", 2))),)
    assert len(lint(post("It is crucial and robust."), "AI112", rule_options=options)) == 1
    with pytest.raises(ConfigError):
        Linter(Config(select=("AI112",), rule_options=(("AI112", (("threshold", 0),)),)))


def test_placeholders_are_an_option() -> None:
    text = post("Text.", "title: A post\nauthor: Staff Writer")
    assert lint(text, "AI111") == []
    options = (("AI111", (("placeholders", ["staff writer"]),)),)
    assert [d.start_pos.column for d in lint(text, "AI111", rule_options=options)] == [9]


# --- linear time -----------------------------------------------------------------------------

HOSTILE = [
    "As an AI ",
    "I'm sorry, but I ",
    "I hope this helps! ",
    "Let me know if you'd like ",
    "Sure! Here is the ",
    "citeturn0search",
    "turn0search0",
    "【1†",
    "[cite: 1,",
    "https://a.example/?utm_source=chatgpt.com&",
    "Published on March ",
    "delve tapestry crucial ",
    "Mr. ",
    '"',
    "*",
    "`",
    " ",
]


def _check_seconds(text: str) -> float:
    doc = Document(SourceFile("post.md", text))
    doc.view  # noqa: B018 - the prose view is not this family's cost: build it first
    doc.text_fields  # noqa: B018
    linter = Linter(Config(select=("AI",)))
    active = linter.active_rules(linter.config.selection)

    def check() -> None:
        for rule in active:
            list(rule.rule.check(doc, rule.options))

    return fastest_cpu_seconds(check, repeats=1)


@pytest.mark.parametrize("unit", HOSTILE)
def test_time_per_character_is_flat_on_hostile_input(unit: str) -> None:
    small, large = 10_000, 40_000

    def text(size: int) -> str:
        return post((unit * (size // len(unit) + 1))[:size], "title: " + "x" * 20)

    _check_seconds(text(small))  # warm up
    short = min(_check_seconds(text(small)) for _ in range(3))
    long = min(_check_seconds(text(large)) for _ in range(3))
    assert long < 2.0, f"{long:.2f} s for {large} characters of {unit!r}"
    # Four times the text, about four times the time (with room for noise): never the
    # sixteen times a quadratic pattern would take.
    assert long <= max(short, 0.005) * 10, f"{short:.4f} s -> {long:.4f} s for {unit!r}"
