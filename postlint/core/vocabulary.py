"""The project vocabulary: one plain-text file of accepted and rejected terms, read by the CLI,
CI and the language server alike (so "add to vocabulary" in an editor changes what CI reports).

Format (``.postlint-vocabulary.txt`` beside the configuration file, or ``vocabulary = "path"``)::

    # comments and blank lines are ignored
    Kubernetes              an accepted term or name
    GitHub Actions          multi-word entries are fine
    !Kiev -> Kyiv           a rejected term and its replacement
    !utilize -> use
    !synergy                a rejected term without a replacement

A term written with a capital letter matches only as written; a term written in lower case
matches in any case ("dataset" also covers "Dataset"). Whole words only; white space inside a
multi-word term matches any run of white space (a line break too).

Accepted terms silence every prose diagnostic (proselint's checks, postlint's own PR rules,
house rules) whose text is, or lies inside, an occurrence of the term; rejected terms are
reported by one rule, PR199 ``rejected-term``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from postlint.core.config import ConfigError

if TYPE_CHECKING:
    from postlint.core.diagnostic import Diagnostic

DEFAULT_NAME = ".postlint-vocabulary.txt"
# Rule families that look at words: their diagnostics yield to accepted terms.
WORD_RULES = ("PR", "PS", "HS")
REJECTED_CODE = "PR199"
_ARROW = "->"


@dataclass(frozen=True)
class Rejected:
    term: str
    replacement: str = ""  # empty: no replacement known


@dataclass(frozen=True)
class Vocabulary:
    """The terms of one vocabulary file (``path`` may not exist yet: adding creates it)."""

    path: Path
    accepted: tuple[str, ...] = ()
    rejected: tuple[Rejected, ...] = ()

    def accepted_spans(self, text: str) -> list[tuple[int, int]]:
        """Where accepted terms occur in ``text`` (offsets), in order."""
        return sorted((m.start, m.end) for m in _find(self._accepted, text))

    def rejected_matches(self, text: str) -> Iterator[tuple[int, int, Rejected]]:
        """(start, end, entry) for each rejected term in ``text``."""
        by_key = {_key(r.term): r for r in self.rejected}
        for match in _find(self._rejected, text):
            entry = by_key.get(_key(match.text))
            if entry is not None:
                yield match.start, match.end, entry

    # Built once per vocabulary, on first use; not fields, so never compared, shown or saved.
    @cached_property
    def _accepted(self) -> tuple[Any, ...]:
        return _matchers(self.accepted)

    @cached_property
    def _rejected(self) -> tuple[Any, ...]:
        return _matchers([r.term for r in self.rejected])


def _matchers(terms: Sequence[str]) -> tuple[Any, ...]:
    """Lower-case terms match in any case, the others only as written (RE2: linear time)."""
    from postlint.rules.house.patterns import compile_literals

    if not terms:
        return ()
    return (
        compile_literals([t for t in terms if t == t.lower()], ignore_case=True),
        compile_literals([t for t in terms if t != t.lower()], ignore_case=False),
    )


def _find(matchers: tuple[Any, ...], text: str) -> Iterator[Any]:
    from postlint.rules.house.patterns import find

    for matcher in matchers:
        yield from find(matcher, text)


def _key(term: str) -> str:
    """Rejected entries are looked up by lower-cased, white-space-collapsed text."""
    return " ".join(term.split()).casefold()


def parse(text: str, path: Path) -> Vocabulary:
    """A Vocabulary from the file's text; a malformed line is a ConfigError naming it."""
    accepted: list[str] = []
    rejected: list[Rejected] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("!"):
            term, _, replacement = (part.strip() for part in line[1:].partition(_ARROW))
            if not term:
                raise ConfigError(f"{path}:{number}: '!' must be followed by a rejected term")
            rejected.append(Rejected(" ".join(term.split()), " ".join(replacement.split())))
        elif _ARROW in line:
            raise ConfigError(
                f"{path}:{number}: a replacement belongs to a rejected term: write '!{line}'"
            )
        else:
            accepted.append(" ".join(line.split()))
    return Vocabulary(path, tuple(accepted), tuple(rejected))


def load(path: Path) -> Vocabulary:
    """The vocabulary at ``path``; a file that does not exist (yet) is an empty vocabulary."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return Vocabulary(path)
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or exc
        raise ConfigError(f"{path}: cannot read the vocabulary: {reason}") from None
    return parse(text, path)


def for_config(root: Path, named: str | None) -> Vocabulary:
    """The vocabulary a configuration uses: the file it names, else the default beside it."""
    return load(root / named if named else root / DEFAULT_NAME)


def entry_line(term: str, rejected: bool = False, replacement: str = "") -> str:
    """The line that adds ``term`` to a vocabulary file."""
    term = " ".join(term.split())
    if not term or term.startswith(("#", "!")) or _ARROW in term:
        raise ConfigError(f"{term!r} cannot be a vocabulary term")
    if not rejected:
        return term
    replacement = " ".join(replacement.split())
    return f"!{term} {_ARROW} {replacement}" if replacement else f"!{term}"


def add(path: Path, term: str, *, rejected: bool = False, replacement: str = "") -> bool:
    """Add (or replace) ``term``'s entry in the file at ``path``, keeping every other line as
    it is; the write is atomic. False when the file already says exactly this."""
    from postlint.core.atomic import temporary_sibling

    line = entry_line(term, rejected, replacement)
    try:
        old = path.read_bytes().decode("utf-8-sig") if path.exists() else ""  # CR LF kept
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the vocabulary: {exc}") from None
    newline = "\r\n" if "\r\n" in old else "\n"
    lines = old.splitlines()
    key = _key(line.lstrip("!").partition(_ARROW)[0])
    kept = [raw for raw in lines if not _same_term(raw, key)]
    if len(kept) == len(lines) - 1 and line in (raw.strip() for raw in lines):
        return False
    if not lines:
        kept = ["# postlint vocabulary: one term per line; '!term -> replacement' rejects one"]
    kept.append(line)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with temporary_sibling(path) as handle:
            handle.write(newline.join(kept) + newline)
    except OSError as exc:
        raise ConfigError(f"cannot write {path}: {exc.strerror or exc}") from None
    return True


def _same_term(raw: str, key: str) -> bool:
    line = raw.strip()
    if not line or line.startswith("#"):
        return False
    term = line[1:] if line.startswith("!") else line
    return _key(term.partition(_ARROW)[0]) == key


def without_accepted(
    text: str, diagnostics: Iterable[Diagnostic], vocabulary: Vocabulary | None
) -> list[Diagnostic]:
    """Word-rule diagnostics whose text is, or lies inside, an accepted term are dropped."""
    kept = list(diagnostics)
    if vocabulary is None or not vocabulary.accepted:
        return kept
    spans = vocabulary.accepted_spans(text)
    if not spans:
        return kept
    import bisect

    merged: list[list[int]] = []  # two matchers (any case, exact case) may overlap: merge
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    starts = [s for s, _ in merged]

    def accepted(d: Diagnostic) -> bool:
        if d.code == REJECTED_CODE or not d.code.startswith(WORD_RULES) or d.end <= d.start:
            return False
        index = bisect.bisect_right(starts, d.start) - 1
        return index >= 0 and d.end <= merged[index][1]

    return [d for d in kept if not accepted(d)]
