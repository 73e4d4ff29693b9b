"""JSON Schema's regular expressions, run by RE2 (linear time) instead of Python's ``re``.

jsonschema evaluates ``pattern`` and ``patternProperties`` with ``re.search``: a schema
pattern such as ``^(a+)+$`` then takes 46 s on a 27-character title. A schema is data from
the project, so its patterns must not be able to hang a run. Every pattern is compiled by RE2
when the schema loads (one that RE2 cannot run, such as a backreference or a lookahead, is a
clear load error naming it), and the keywords that match patterns are replaced by versions
that use those compiled expressions.
"""

from __future__ import annotations

from collections.abc import Iterator
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
        return self.compile(pattern).search(text) is not None

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
