"""ProselintEngine finds exactly what proselint 0.16 finds, only faster.

``reference_check`` is proselint itself (its check objects and ``LintFile``); the first test
pins it to the real ``proselint`` command. Every corpus file is then compared whole (raw text),
in chunks so that the slow reference can run in parallel workers, followed by targeted texts and
generated ones.
"""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from proselint_command import proselint_results

from conftest import CORPUS
from postlint.rules.prose.proselint.checks import _EQUIVALENT_PATTERNS, MAX_ERRORS, ProselintHit
from postlint.rules.prose.proselint.direct import reference_check
from postlint.rules.prose.proselint.engine import ProselintEngine
from postlint.rules.prose.proselint.prefilter import _ascii_case_partners

CHUNK = 60  # corpus files per test case: about 1-2 s of reference time each


def _corpus_chunks() -> list[tuple[str, list[Path]]]:
    if not CORPUS.is_dir():
        return []
    files = sorted(p for p in CORPUS.rglob("*") if p.suffix in (".md", ".markdown"))
    return [
        (f"{files[i].relative_to(CORPUS).parts[0]}-{i // CHUNK:02d}", files[i : i + CHUNK])
        for i in range(0, len(files), CHUNK)
    ]


CHUNKS = _corpus_chunks()


@pytest.fixture(scope="module")
def engine() -> ProselintEngine:
    return ProselintEngine()


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")  # raw: CRLF and a BOM stay as they are


def _differences(found: list[ProselintHit], expected: list[ProselintHit]) -> str:
    for index, (got, want) in enumerate(zip(found, expected, strict=False)):
        if got != want:
            return f"first difference at #{index}: got {got}, want {want}"
    return f"{len(found)} hits found, {len(expected)} expected"


def assert_parity(engine: ProselintEngine, text: str, label: object = "") -> list[ProselintHit]:
    expected = reference_check(text)
    found = engine.check_text(text)
    assert found == expected, f"{label}: {_differences(found, expected)}"
    return found


# -- the reference is proselint -------------------------------------------------------------


def test_reference_check_matches_the_proselint_command(tmp_path: Path) -> None:
    """The reference mirrors ``LintFile.lint`` without the CheckRegistry singleton: compare it
    with the real command on a spread of corpus posts and a tricky text."""
    tricky = tmp_path / "tricky.md"
    tricky.write_text(
        'We will utilize it... "very unique" (c) 12 x 4.  It is very unique!! Wow!\n'
        "But the the cat.\n\nBut no. The advisor and the adviser and the adviser.\n"
        "It is the most unique thing. “Very unique,” she said.\n",
        encoding="utf-8",
    )
    paths = [tricky, *[chunk[0] for _, chunk in CHUNKS][:12]]
    by_file = proselint_results(paths, tmp_path)
    for path in paths:
        text = path.read_text()  # as the command reads it
        expected = [
            ProselintHit(
                d["check_path"],
                d["message"],
                min(max(d["span"][0] - 1, 0), len(text)),
                min(max(d["span"][1] - 1, 0), len(text)),
                d["replacements"],
            )
            for d in by_file[path.resolve().as_uri()]["diagnostics"]
        ]
        assert reference_check(text) == expected, path


# -- the whole corpus ---------------------------------------------------------------------------


@pytest.mark.skipif(not CHUNKS, reason="../shared/corpus is not beside the repo")
@pytest.mark.parametrize("files", [files for _, files in CHUNKS], ids=[n for n, _ in CHUNKS])
def test_parity_on_every_corpus_file(engine: ProselintEngine, files: list[Path]) -> None:
    for path in files:
        assert_parity(engine, _read(path), path)


# -- targeted texts -----------------------------------------------------------------------------


def test_empty_and_tiny_texts(engine: ProselintEngine) -> None:
    assert engine.check_text("") == reference_check("") == []
    for text in ("x", " ", "\n", "\r\n", "!", '"', "very", "But", "...", "the the"):
        assert_parity(engine, text, repr(text))


def test_findings_inside_quotes_are_dropped_except_for_quote_checks(
    engine: ProselintEngine,
) -> None:
    text = 'He said "we will utilize it" and then we utilize it. ‘Very unique’ is “very unique”.'
    found = assert_parity(engine, text)
    greylist = [h for h in found if h.path == "misc.greylist"]
    assert [text[h.start : h.end] for h in greylist] == ["utilize"]
    assert greylist[0].start > text.index('it"')
    assert [h.path for h in found].count("typography.symbols.curly_quotes") == 1  # allow_quotes
    assert not any(h.path.startswith(("uncomparables", "weasel")) for h in found)


def test_ppm_threshold_reports_one_finding_past_the_threshold(engine: ProselintEngine) -> None:
    few = "Wow! " + "Calm words here. " * 200
    assert not [h for h in assert_parity(engine, few) if "exclamation" in h.path]
    many = "Wow! Great! Yes! " * 3 + "Calm. " * 50
    hits = [h for h in assert_parity(engine, many) if "exclamation" in h.path]
    assert len(hits) == 1
    assert hits[0].message.endswith("Surpassed 30 ppm.") and hits[0].replacement is None


def test_consistency_flags_the_minority_spelling(engine: ProselintEngine) -> None:
    text = "The advisor met the adviser. Another adviser came.  Then the ADVISOR left."
    found = assert_parity(engine, text)
    spelling = [h for h in found if h.path == "spelling.consistency"]
    assert spelling and spelling[0].replacement
    tie = "An advisor and an adviser."  # a tie: the first term of the pair is reported
    assert [h for h in assert_parity(engine, tie) if h.path == "spelling.consistency"]
    assert_parity(engine, "One space. Two spaces.  One. Two.  Three.  Done.")


def test_crlf_and_non_ascii_text(engine: ProselintEngine) -> None:
    texts = [
        "We will utilize it...\r\nIt is very unique.\r\n\r\nBut the the cat.\r\n",
        "Ünïcödé utilize 'quoted very unique' \"more perfect\" — “Very unique,” he said…",
        # characters Python's re.IGNORECASE matches to ASCII letters (the "fancy" checks use
        # Python's re): ſ ~ s, K (Kelvin sign) ~ k, İ and ı ~ i
        "It was the moſt unique day. The \u212alu \u212alux \u212alan. Mİxed İt İt it. ı ı.",
        "THE MOST PERFECT PLAN; the least possible thing; at most unique; VERY well.",
        "naïve café résumé Zoë the the\u00a0the 12\u00a0x\u00a04 日本語 日本語",
        "\ufeffA BOM first. Very very unique.",
        "tabs\tand\u2003em\u2003spaces the\tthe",
    ]
    for text in texts:
        assert_parity(engine, text, repr(text))


def test_overlapping_terms_keep_proselint_order(engine: ProselintEngine) -> None:
    # Both terms of the check ("et. al" and "et. al.") match at the same two places, and the
    # set gates on the padded term but runs the bare one (as proselint's FastSet does).
    text = "As Smith et. al.Jones said, and Brown et. al. too"
    found = assert_parity(engine, text)
    misplaced = [h for h in found if h.path == "typography.punctuation.misplaced"]
    assert len(misplaced) == 4 and misplaced[0].start == misplaced[1].start
    assert misplaced[0].end != misplaced[1].end
    # a term whose padded form occurs nowhere does not run, even where its bare form would match
    only_bare = [h for h in assert_parity(engine, "Smith et. al. said") if "misplaced" in h.path]
    assert len(only_bare) == 1


def test_at_most_max_errors_findings(engine: ProselintEngine) -> None:
    text = "It is very unique... " * 400
    found = assert_parity(engine, text)
    assert len(found) == MAX_ERRORS


def test_function_checks(engine: ProselintEngine) -> None:
    text = (
        "But first.\n\nBut second.\nA group of crows and a bunch of lions. "
        "He waxed lyrically and waxes poetically. Obviously we utilize it. "
        "More unique, kind of perfect, quite correct, most possible, at most unique, least true."
    )
    paths = {h.path for h in assert_parity(engine, text)}
    assert {"misc.but", "terms.venery", "misc.waxed", "misc.greylist", "uncomparables"} <= paths


def test_a_disabled_check_is_simply_missing(engine: ProselintEngine) -> None:
    text = "Obviously we utilize it... It is very unique."
    without = ProselintEngine(lambda path: not path.startswith("misc.greylist"))
    expected = [h for h in reference_check(text) if h.path != "misc.greylist"]
    assert without.check_text(text) == expected
    assert any(h.path == "misc.greylist" for h in engine.check_text(text))
    nothing = ProselintEngine(lambda path: False)
    assert nothing.check_text(text) == []


def test_two_engines_with_different_selections_are_independent() -> None:
    text = "We will utilize it... It is very unique. Obviously."
    everything = reference_check(text)
    typography = ProselintEngine(lambda path: path.startswith("typography"))
    others = ProselintEngine(lambda path: not path.startswith("typography"))
    first = typography.check_text(text)
    assert others.check_text(text) == [h for h in everything if not h.path.startswith("typog")]
    assert first == [h for h in everything if h.path.startswith("typography")] != []
    assert typography.check_text(text) == first
    assert ProselintEngine().check_text(text) == everything


def test_check_paths_are_every_known_path(engine: ProselintEngine) -> None:
    from proselint.checks import __register__

    paths = engine.check_paths
    assert list(paths) == sorted(set(paths))
    assert set(paths) == {check.path for check in __register__}
    assert "restricted.top1000" in paths  # known, though proselint leaves it off by default


def test_pickled_engine_keeps_its_selection() -> None:
    text = "We will utilize it... It is very unique."
    original = ProselintEngine(lambda path: path.startswith(("typography", "misc")))
    copy = pickle.loads(pickle.dumps(original))
    assert copy.check_text(text) == original.check_text(text) != []


# -- properties ---------------------------------------------------------------------------------


def test_case_partners_are_the_same_on_all_planes() -> None:
    assert _ascii_case_partners(0x110000) == _ascii_case_partners()


def _data_terms() -> list[str]:
    """Terms from proselint's own data that are plain text (no regex syntax)."""
    from proselint.checks import __register__

    terms: set[str] = set()
    for check in __register__:
        kind = check.check_type
        for term in (*getattr(kind, "items", ()), *getattr(kind, "exceptions", ())):
            if isinstance(term, str) and not re.search(r"[\\^$.|?*+()\[\]{}]", term):
                terms.add(term)
    return sorted(terms)


_FRAGMENTS = [
    *_data_terms()[::7],
    "very", "most", "least", "at", "more", "unique", "perfect", "possible", "the", "a", "it",
    "But", "utilize", "obviously", "wax", "waxed", "lyrically", "group of", "crows", "et. al.",
    "...", "!", "!!", "?!", "(c)", "(tm)", "(R)", "12", "x", "4", "2010's", "a.m.", "p.m.",
    "advisor", "adviser", "Meantime,", "; meantime,", "thought leadership", "résumé",
    "moſt", "\u212alan", "İt", "ı", "日本", "naïve",
]  # fmt: skip
_GLUE = [" ", " ", " ", "  ", "   ", "\n", "\n\n", "\r\n", "\t", "\u00a0", ", ", ". ", ".  ", "-", "'", '"', "“", "”", "‘", "’", ""]  # fmt: skip


@st.composite
def _texts(draw: st.DrawFn) -> str:
    pieces = []
    for _ in range(draw(st.integers(1, 40))):
        fragment = draw(st.sampled_from(_FRAGMENTS))
        fragment = draw(st.sampled_from([str, str.upper, str.title, str.capitalize]))(fragment)
        pieces.append(fragment + draw(st.sampled_from(_GLUE)))
    return "".join(pieces)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_texts())
def test_parity_on_generated_texts(engine: ProselintEngine, text: str) -> None:
    assert_parity(engine, text, repr(text))


@settings(max_examples=300, deadline=None)
@given(
    text=st.lists(
        st.sampled_from(["the", "The", "THE", "a", "an", "be", "İt", "it", "x1", "1", "_", "é"])
        | st.sampled_from([" ", "  ", "\n", "\t", "\u00a0", "-", "'", ".", "5", "k"]),
        max_size=40,
    ).map("".join)
)
def test_equivalent_patterns_match_the_same(text: str) -> None:
    for original, faster in _EQUIVALENT_PATTERNS:
        want = [(m.span(), m.groups()) for m in re.finditer(original, text, re.IGNORECASE)]
        got = [(m.span(), m.groups()) for m in re.finditer(faster, text, re.IGNORECASE)]
        assert got == want


def test_venery_lowered_to_its_preferred_forms(engine: ProselintEngine) -> None:
    text = (
        "A GROUP OF CROWS, a bunch of lions and a group of sea urchins. Groups of crows, "
        "a bunch  of lions, agroup of crows, a group of crowsy, Bunch of Ravens.\n"
        "group\nof crows; the group of toads."
    )
    found = assert_parity(engine, text)
    assert sum(hit.path == "terms.venery" for hit in found) >= 4
    assert_parity(engine, "no collective nouns here, only a group.")
