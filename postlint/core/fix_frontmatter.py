"""Does a fix change the front matter beyond the text it edits? Then it is refused (PL009).

Every value the edits do not touch must load exactly as before; an edited value written
verbatim must read exactly its edited text; keys and fences stay where they are.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from postlint.core import frontmatter
from postlint.core.diagnostic import Edit
from postlint.core.edits import apply_edits

KeyPath = tuple[Any, ...]


def _flatten(value: Any, path: KeyPath, out: dict[KeyPath, Any], active: set[int]) -> None:
    """Leaf values by path (maps by key, lists by index); a self-referencing value stops."""
    if isinstance(value, dict | list):
        if id(value) in active:
            out[path] = ("<cycle>",)
            return
        items = value.items() if isinstance(value, dict) else enumerate(value)
        active.add(id(value))
        empty = True
        for key, child in items:
            empty = False
            _flatten(child, (*path, key), out, active)
        active.discard(id(value))
        if empty:
            out[path] = type(value)()
        return
    out[path] = value


def _leaves(
    node: frontmatter.Located, path: KeyPath
) -> Iterator[tuple[KeyPath, frontmatter.Located]]:
    if node.tag == "map":
        for key, value in node.entries:
            name = key.value if isinstance(key.value, str) else (key.raw or str(key.value))
            yield from _leaves(value, (*path, name))
    elif node.tag == "seq":
        for index, item in enumerate(node.items):
            yield from _leaves(item, (*path, index))
    else:
        yield path, node


def _touches(edit: Edit, start: int, end: int) -> bool:
    if edit.start == edit.end:
        return start <= edit.start <= end
    return edit.start < end and start < edit.end


def _expected(
    text: str, root: frontmatter.Located, edits: Sequence[Edit]
) -> tuple[dict[KeyPath, str], set[KeyPath]]:
    """What each edited value should read after the edits, and the values we cannot predict.

    A string written verbatim (its characters are its value: no escapes, folding or quotes
    inside) whose edits all lie inside it must read exactly the edited text afterwards.
    """
    expected: dict[KeyPath, str] = {}
    loose: set[KeyPath] = set()
    for path, leaf in _leaves(root, ()):
        touching = [e for e in edits if _touches(e, leaf.start, leaf.end)]
        if not touching:
            continue
        start, end = leaf.start, leaf.end
        if end - start >= 2 and text[start] in "\"'" and text[end - 1] == text[start]:
            start, end = start + 1, end - 1
        verbatim = isinstance(leaf.value, str) and text[start:end] == leaf.value
        if verbatim and all(start <= e.start and e.end <= end for e in touching):
            shifted = [Edit(e.start - start, e.end - start, e.replacement) for e in touching]
            expected[path] = apply_edits(leaf.value, shifted)
        else:
            loose.add(path)
    return expected, loose


def _same(a: Any, b: Any) -> bool:
    return type(a) is type(b) and (a == b or (a != a and b != b))  # NaN equals NaN here


def _label(path: KeyPath) -> str:
    return ".".join(str(part) for part in path) or "the front matter"


def front_matter_change(old: str, new: str, edits: Sequence[Edit]) -> str | None:
    """Why applying ``edits`` (old -> new) changes the front matter beyond them, or None.

    Every value the edits do not touch must load exactly as before, no key may appear or
    vanish, the fences must stay where they are, and an edited verbatim text value must read
    exactly its edited text. Front matter that did not parse before is not judged.
    """
    old_block = frontmatter.split(old)
    if old_block is None:
        if frontmatter.split(new) is None:
            return None
        return "it would turn the start of the post into front matter"
    if not any(e.start < old_block.body_start for e in edits):
        return None  # the front matter's characters are untouched
    new_block = frontmatter.split(new)
    if (
        new_block is None
        or new_block.kind != old_block.kind
        or new_block.closed != old_block.closed
    ):
        return "it would change where the front matter starts or ends"
    if not old_block.closed:
        return None
    before = frontmatter.parse(old, old_block)
    if not before.parsed or before.root is None:
        return None
    after = frontmatter.parse(new, new_block)
    if not after.parsed:
        return "it would break the front matter's syntax"
    old_kinds = sorted(p.kind for p in before.problems)
    new_kinds = sorted(p.kind for p in after.problems)
    if len(new_kinds) > len(old_kinds) or not set(new_kinds) <= set(old_kinds):
        added = sorted(set(new_kinds) - set(old_kinds)) or new_kinds
        return f"it would add a front-matter problem ({', '.join(added)})"
    expected, loose = _expected(old, before.root, edits)
    was: dict[KeyPath, Any] = {}
    now: dict[KeyPath, Any] = {}
    _flatten(before.data, (), was, set())
    _flatten(after.data, (), now, set())
    if set(was) != set(now):
        changed = sorted(map(_label, set(was) ^ set(now)))
        return f"it would add or remove front-matter keys ({', '.join(changed[:3])})"
    for path, value in now.items():
        if path in loose:
            continue
        want = expected.get(path, was[path])
        if not _same(value, want):
            return f"YAML would read {_label(path)} as {value!r}, not {want!r}"
    return None
