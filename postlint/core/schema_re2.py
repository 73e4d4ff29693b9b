"""JSON Schema's regular expressions, run by RE2 (linear time) instead of Python's ``re``.

jsonschema evaluates ``pattern`` and ``patternProperties`` with ``re.search``: a schema
pattern such as ``^(a+)+$`` then takes 46 s on a 27-character title. A schema is data from
the project, so its patterns must not be able to hang a run. Every pattern is compiled by RE2
when the schema loads (one that RE2 cannot run, such as a backreference or a lookahead, is a
clear load error naming it), and the keywords that match patterns are replaced by versions
that use those compiled expressions.

The other keywords replaced here (:class:`ValidValues`) remember what one loaded schema
already found valid, so that a run's posts do not validate the same values over and over.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import re2


class PatternRefused(Exception):
    """A schema pattern RE2 cannot run; the message names the pattern and where it is."""


def _options() -> re2.Options:
    options = re2.Options()
    options.log_errors = False  # the error is ours to report, not absl's to print on stderr
    return options


class Patterns:
    """One schema's compiled patterns (built per schema: no module-level cache)."""

    def __init__(self) -> None:
        self._compiled: dict[str, Any] = {}
        # the same expressions compiled from their UTF-8 bytes, for ``search`` (see there)
        self._encoded: dict[str, Any] = {}
        self._options = _options()

    def compile(self, pattern: str, where: str = "") -> Any:
        found = self._compiled.get(pattern)
        if found is None:
            try:
                found = re2.compile(pattern, self._options)
            except re2.error as exc:
                reason = exc.args[0] if exc.args else exc
                if isinstance(reason, bytes):
                    reason = reason.decode("utf-8", "replace")
                raise PatternRefused(
                    f"pattern {pattern!r}{f' at {where}' if where else ''} cannot be run by RE2, "
                    f"postlint's linear-time regular expressions ({reason}); rewrite it without "
                    "backreferences or lookaround"
                ) from None
            self._compiled[pattern] = found
        return found

    def search(self, pattern: str, text: str) -> bool:
        """Whether ``pattern`` matches anywhere in ``text``.

        The answer of ``compile(pattern).search(text) is not None``, found on bytes: for a str
        the re2 module encodes pattern and text to UTF-8 and runs the same RE2 program with the
        same options, then maps every match offset back to characters, which is most of its
        cost and of no use for a yes or no. Compiling the encoded pattern with the same options
        builds the same program, and ``text.encode("utf-8")`` is the module's own encoding (it
        fails on a lone surrogate exactly as the str path does), so the verdict is the same."""
        found = self._encoded.get(pattern)
        if found is None:
            self.compile(pattern)  # a pattern RE2 refuses is refused as before
            found = re2.compile(pattern.encode("utf-8"), self._options)
            self._encoded[pattern] = found
        return found.search(text.encode("utf-8")) is not None

    def check_schema(self, schema: Any) -> None:
        """Compile every pattern of ``schema`` now, so a bad one is a load error."""
        stack: list[tuple[Any, str]] = [(schema, "")]
        while stack:
            node, where = stack.pop()
            if isinstance(node, dict):
                pattern = node.get("pattern")
                if isinstance(pattern, str):
                    self.compile(pattern, f"{where or '/'}pattern")
                props = node.get("patternProperties")
                if isinstance(props, dict):
                    for key in props:
                        self.compile(str(key), f"{where}/patternProperties")
                stack.extend((value, f"{where}/{key}") for key, value in node.items())
            elif isinstance(node, list):
                stack.extend((value, f"{where}/{i}") for i, value in enumerate(node))

    def keywords(self) -> dict[str, Any]:
        """Replacements for jsonschema's pattern-matching keywords."""
        return {
            "pattern": self._pattern,
            "patternProperties": self._pattern_properties,
            "additionalProperties": self._additional_properties,
        }

    def _pattern(self, validator: Any, pattern: Any, instance: Any, schema: Any) -> Iterator[Any]:
        from jsonschema.exceptions import ValidationError

        if validator.is_type(instance, "string") and not self.search(pattern, instance):
            yield ValidationError(f"{instance!r} does not match {pattern!r}")

    def _pattern_properties(
        self, validator: Any, properties: Any, instance: Any, schema: Any
    ) -> Iterator[Any]:
        if not validator.is_type(instance, "object"):
            return
        for pattern, subschema in properties.items():
            for key, value in instance.items():
                if self.search(pattern, key):
                    yield from validator.descend(value, subschema, path=key, schema_path=pattern)

    def additional(self, instance: dict[str, Any], schema: Any) -> list[str]:
        """The keys neither ``properties`` nor ``patternProperties`` cover."""
        properties = schema.get("properties", {}) if isinstance(schema, dict) else {}
        patterns = list(schema.get("patternProperties", {})) if isinstance(schema, dict) else []
        return [
            key
            for key in instance
            if key not in properties and not any(self.search(p, str(key)) for p in patterns)
        ]

    def _additional_properties(
        self, validator: Any, allowed: Any, instance: Any, schema: Any
    ) -> Iterator[Any]:
        from jsonschema.exceptions import ValidationError

        if not validator.is_type(instance, "object"):
            return
        extras = self.additional(instance, schema)
        if validator.is_type(allowed, "object"):
            for extra in extras:
                yield from validator.descend(instance[extra], allowed, path=extra)
        elif not allowed and extras:
            listed = ", ".join(repr(each) for each in sorted(extras, key=str))
            verb = "was" if len(extras) == 1 else "were"
            yield ValidationError(
                f"Additional properties are not allowed ({listed} {verb} unexpected)"
            )


def refuse_unevaluated_with_patterns(schema: Any) -> None:
    """jsonschema's unevaluatedProperties matches patternProperties with Python's ``re``
    (deep in its helpers): a schema with both would bring back the exponential case."""
    has = {"unevaluatedProperties": False, "patternProperties": False}
    stack = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for keyword in has:
                if keyword in node:
                    has[keyword] = True
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    if all(has.values()):
        raise PatternRefused(
            "a schema that uses both unevaluatedProperties and patternProperties is not "
            "supported (its patterns would run outside RE2); use additionalProperties instead"
        )


_SCALARS = (str, bool, int, float, type(None))
_MAX_DEPTH = 32
_MAX_REMEMBERED = 50_000


def _frozen(value: Any, depth: int = 0) -> Any:
    """A hashable stand-in for plain JSON-like data, its types kept (``1``, ``1.0`` and
    ``True`` differ); None for anything else, which is then always validated."""
    kind = type(value)
    if kind in _SCALARS:
        return (kind, value)
    if depth >= _MAX_DEPTH:
        return None
    if kind is list:
        items = tuple(_frozen(item, depth + 1) for item in value)
        return None if None in items else (list, items)
    if kind is dict:
        pairs = tuple((_frozen(k, depth + 1), _frozen(v, depth + 1)) for k, v in value.items())
        return None if any(None in pair for pair in pairs) else (dict, pairs)
    return None


_TYPE_NAMES = frozenset({"array", "boolean", "integer", "null", "number", "object", "string"})
_KINDS = (str, bool, int, type(None), list, dict)


def _kind(value: Any) -> Any:
    """What jsonschema's own type checkers read of a value: its exact type, and for a float
    whether it is whole (draft 6 on, ``integer`` accepts ``1.0``); None for any other type,
    which is then always validated."""
    kind = type(value)
    if kind is float:
        return (float, value.is_integer())
    return kind if kind in _KINDS else None


def _names_read(schema: Any, validators: Any, depth: int = 0) -> frozenset[str] | None:
    """The keys whose presence jsonschema's verdict on a value against ``schema`` reads, when
    that verdict is a function of the value's :func:`_kind` and of those keys' presence (in a
    mapping) alone; None when it may read more. So it is when every keyword the validator
    applies is ``type`` naming built-in types, ``required`` (which only tests ``key in value``,
    and only in a mapping), or ``anyOf``, ``allOf``, ``oneOf`` or ``not`` over such subschemas:
    jsonschema's own keywords, whose verdict follows from their subschemas' verdicts; true and
    false are constant. A ``$schema`` could switch the validator class: it rules a subschema
    out, as does any keyword replaced or unknown to this list."""
    from jsonschema import _keywords

    if isinstance(schema, bool):
        return frozenset()
    if not isinstance(schema, dict) or "$schema" in schema or depth >= _MAX_DEPTH:
        return None
    nested = {
        "anyOf": _keywords.anyOf,
        "allOf": _keywords.allOf,
        "oneOf": _keywords.oneOf,
        "not": _keywords.not_,
    }
    names: set[str] = set()
    for keyword, value in schema.items():
        if keyword not in validators:  # an annotation (description, title...): not applied
            continue
        function = validators[keyword]
        if keyword == "type" and function is _keywords.type:
            types = [value] if isinstance(value, str) else value
            if not isinstance(types, list) or not all(t in _TYPE_NAMES for t in types):
                return None
        elif keyword == "required" and function is _keywords.required:
            if not isinstance(value, list) or not all(isinstance(n, str) for n in value):
                return None
            names.update(value)
        elif nested.get(keyword) is function:
            branches = [value] if keyword == "not" else value
            if not isinstance(branches, list):
                return None
            for each in branches:
                found = _names_read(each, validators, depth + 1)
                if found is None:
                    return None
                names.update(found)
        else:
            return None
    return frozenset(names)


class ValidValues:
    """Keywords of jsonschema that skip a value already found valid against the same subschema
    in the same resolver scope: posts repeat most values (layout, tags, draft), and a valid
    one yields no error either way. Anything else is validated as before, so every message
    and its order stay as they were. One per loaded schema: ``base`` holds the originals."""

    def __init__(self, base: Any) -> None:
        import referencing.exceptions
        from jsonschema import _keywords

        self._original = base.VALIDATORS
        # the subschema is kept alive with its key, so its id cannot be reused meanwhile
        self._valid: dict[tuple[Any, ...], Any] = {}
        # each reference resolved once per resolver scope, not once per post (see _resolved)
        self._lookups: dict[tuple[Any, ...], tuple[Any, Any]] = {}
        self._plain_ref = self._original.get("$ref") is _keywords.ref
        self._unresolvable = referencing.exceptions.Unresolvable
        # per subschema: the keys its verdict reads beside the value's kind, or None when it
        # reads more (see _names_read)
        self._reads: dict[int, tuple[Any, tuple[str, ...] | None]] = {}
        # the ``if`` schemas' verdicts, by the same keys
        self._verdicts: dict[tuple[Any, ...], tuple[Any, bool]] = {}
        self._builtin_types = base.TYPE_CHECKER in _builtin_type_checkers()

    def keywords(self) -> dict[str, Any]:
        from jsonschema import _keywords

        found = {"items": self._items, "$ref": self._ref}
        if self._original.get("properties") is _keywords.properties:  # draft 3's differs
            found["properties"] = self._properties
        if self._original.get("if") is _keywords.if_:
            found["if"] = self._if
        return found

    def _key(
        self, validator: Any, subschema: Any, value: Any, part: str = ""
    ) -> tuple[Any, ...] | None:
        """What decides the verdict on ``value``: the subschema (``part`` of it, or all of
        it), the scope its references resolve in, and the value with its types, or only its
        kind and the presence of the keys the subschema requires where the whole subschema
        reads nothing else (a description, a name of any length: one verdict per kind)."""
        names = self._names(validator, subschema) if part in ("", "if") else None
        if names is None:
            frozen = None if part == "if" else _frozen(value)
        else:
            frozen, part = _kind(value), f"{part}kind"
            if names and frozen is dict:
                frozen = (dict, tuple(name in value for name in names))
        if frozen is None:
            return None
        resolver = validator._resolver
        return (part, id(subschema), resolver._base_uri, resolver._previous, frozen)

    def _names(self, validator: Any, subschema: Any) -> tuple[str, ...] | None:
        found = self._reads.get(id(subschema))
        if found is None:
            names = _names_read(subschema, validator.VALIDATORS) if self._builtin_types else None
            found = (subschema, None if names is None else tuple(sorted(names)))
            if len(self._reads) < _MAX_REMEMBERED:  # kept alive: its id cannot be reused
                self._reads[id(subschema)] = found
        return found[1]

    def _remember(self, key: tuple[Any, ...] | None, subschema: Any) -> None:
        if key is not None and len(self._valid) < _MAX_REMEMBERED:
            self._valid[key] = subschema

    def _checked(
        self, errors: Iterable[Any], key: tuple[Any, ...] | None, subschema: Any
    ) -> Iterator[Any]:
        """``errors`` passed on; the value is remembered when there were none."""
        found = False
        for error in errors:
            found = True
            yield error
        if not found:
            self._remember(key, subschema)

    def _properties(
        self, validator: Any, properties: Any, instance: Any, schema: Any
    ) -> Iterator[Any]:
        if not validator.is_type(instance, "object"):
            return
        for name, subschema in properties.items():
            if name not in instance:
                continue
            value = instance[name]
            key = self._key(validator, subschema, value)
            if key is None or key not in self._valid:
                errors = validator.descend(value, subschema, path=name, schema_path=name)
                yield from self._checked(errors, key, subschema)

    def _items(self, validator: Any, items: Any, instance: Any, schema: Any) -> Iterator[Any]:
        original = self._original["items"](validator, items, instance, schema) or ()
        if not isinstance(items, dict) or "prefixItems" in schema:
            yield from original
            return
        if not validator.is_type(instance, "array"):
            return
        keys = [self._key(validator, items, each) for each in instance]
        if all(key is not None and key in self._valid for key in keys):
            return
        found = False
        for error in original:  # each element descends into ``items``
            found = True
            yield error
        if not found:
            for key in keys:
                self._remember(key, items)

    def _if(self, validator: Any, if_schema: Any, instance: Any, schema: Any) -> Iterator[Any]:
        """jsonschema's ``if``, its condition's verdict remembered where the condition reads
        only the value's kind and the presence of some keys (Hugo's "unless `Title` is
        given"): that verdict, true or false, is all ``if`` takes from it."""
        key = self._key(validator, if_schema, instance, "if")
        found = self._verdicts.get(key) if key is not None else None
        if found is None:
            found = (if_schema, validator.evolve(schema=if_schema).is_valid(instance))
            if key is not None and len(self._verdicts) < _MAX_REMEMBERED:
                self._verdicts[key] = found
        if found[1]:
            if "then" in schema:
                yield from validator.descend(instance, schema["then"], schema_path="then")
        elif "else" in schema:
            yield from validator.descend(instance, schema["else"], schema_path="else")

    def _ref(self, validator: Any, ref: Any, instance: Any, schema: Any) -> Iterator[Any]:
        key = self._key(validator, schema, instance, "$ref")
        if key is None or key not in self._valid:
            yield from self._checked(self._referred(validator, ref, instance, schema), key, schema)

    def _referred(self, validator: Any, ref: Any, instance: Any, schema: Any) -> Iterator[Any]:
        """jsonschema's ``$ref`` keyword, its lookup remembered (see _resolved). It stands where
        that keyword's generator stood and looks up as deep in the stack, so even a schema
        that recurses to Python's limit fails where it failed."""
        resolved = self._resolved(validator, ref)
        if resolved is None:  # not the plain keyword, or unresolvable: its own path decides
            yield from self._original["$ref"](validator, ref, instance, schema) or ()
        else:
            yield from validator.descend(instance, resolved.contents, resolver=resolved.resolver)

    def _resolved(self, validator: Any, ref: Any) -> Any:
        """What ``validator._resolver.lookup(ref)`` returns, looked up once per scope.

        jsonschema's ``$ref`` is exactly ``descend(instance, resolved.contents,
        resolver=resolved.resolver)`` with ``resolved = validator._resolver.lookup(ref)``. A
        resolver is a frozen value (base URI, dynamic scope, immutable registry) and ``lookup``
        reads nothing else (a file it retrieves is inside the sandbox and was digested at load),
        so its answer for the same four is the same: the registry is kept alive with the entry,
        so its id cannot be reused. None when the keyword is not jsonschema's own, when the
        legacy resolver is in use, or when the reference is unresolvable: the original keyword
        then runs and raises its own error, so a failure reads as before (any other exception
        of the lookup propagates as it did)."""
        if not self._plain_ref or validator._ref_resolver is not None or not isinstance(ref, str):
            return None
        resolver = validator._resolver
        registry = resolver._registry
        key = (id(registry), resolver._base_uri, resolver._previous, ref)
        found = self._lookups.get(key)
        if found is None:
            try:
                resolved = resolver.lookup(ref)
            except self._unresolvable:
                return None
            found = (registry, resolved)
            if len(self._lookups) < _MAX_REMEMBERED:
                self._lookups[key] = found
        return found[1]


def _builtin_type_checkers() -> tuple[Any, ...]:
    """jsonschema's type checkers from draft 4 on: each decides by the exact Python type (and
    a float's wholeness), which is what :func:`_kind` keeps."""
    from jsonschema import _types

    return (
        _types.draft4_type_checker,
        _types.draft6_type_checker,
        _types.draft7_type_checker,
        _types.draft201909_type_checker,
        _types.draft202012_type_checker,
    )
