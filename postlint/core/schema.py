"""Loading JSON Schemas offline and turning validation errors into located findings.

Schemas are loaded per run (no global cache). Local ``$ref``s resolve relative to the schema
file; remote ones are refused, never fetched: postlint does not use the network.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from postlint.core.frontmatter import FrontMatter, Located
from postlint.core.schema_re2 import (
    PatternRefused,
    Patterns,
    ValidValues,
    refuse_unevaluated_with_patterns,
)
from postlint.core.schema_sandbox import REF_KEYWORDS, SandboxRefused, SchemaSandbox, digest
from postlint.site.generator import Site

if TYPE_CHECKING:
    import referencing
    from jsonschema.exceptions import ValidationError
    from jsonschema.protocols import Validator

# jsonschema and referencing are imported where a schema is loaded, not here: a run answered
# from the cache never loads one, and their import is a sizeable part of start-up.

DEFAULT_SCHEMA_NAME = "post.schema.json"  # the plain profile's: no generator detected
# The schema bundled for each generator's posts: the keys and date forms that generator reads.
GENERATOR_SCHEMAS: dict[str, str] = {
    "jekyll": "jekyll.schema.json",
    "hugo": "hugo.schema.json",
    "eleventy": "eleventy.schema.json",
    "astro": "astro.schema.json",
    "vuepress": "vuepress.schema.json",
    "zola": "zola.schema.json",
    "plain": DEFAULT_SCHEMA_NAME,
}


class SchemaLoadError(Exception):
    """The schema cannot be used: unreadable, invalid, or it needs the network."""


class SchemaApplyError(Exception):
    """Validating against the schema failed (an unresolvable dynamic reference, a pattern
    RE2 cannot run): the message names the problem, never the schema's contents."""


def bundled_schema_path(name: str = DEFAULT_SCHEMA_NAME) -> Path:
    """A schema shipped with postlint: inside the wheel, or ``schemas/`` in a source checkout."""
    installed = Path(str(resources.files("postlint"))) / "schemas" / name
    if installed.is_file():
        return installed
    return Path(__file__).resolve().parents[2] / "schemas" / name


def is_bundled(path: Path) -> bool:
    """Whether ``path`` is one of postlint's own schemas (its text may be quoted in messages)."""
    resolved = Path(path).resolve()
    if resolved.name not in GENERATOR_SCHEMAS.values():
        return False
    return resolved == bundled_schema_path(resolved.name).resolve()


@dataclass(frozen=True)
class SchemaPick:
    path: Path
    reason: str  # why this schema, in words (for `postlint config PATH`)


def schema_for(site: Site, configured: Path | None = None) -> SchemaPick:
    """The schema for the posts of ``site``: a configured ``schema`` wins, else the one
    bundled for the site's generator (per-file ``schemas`` and a post's ``$schema`` come first,
    in the engine)."""
    if configured is not None:
        return SchemaPick(Path(configured), "`schema` in the configuration")
    name = site.generator.name
    if name not in GENERATOR_SCHEMAS or name == "plain":
        reason = "bundled for posts of no detected generator: the keys most blogs agree on"
    else:
        reason = f"bundled for {name} posts: the keys and date forms {name} reads"
    return SchemaPick(bundled_schema_path(GENERATOR_SCHEMAS.get(name, DEFAULT_SCHEMA_NAME)), reason)


def schema_files(configured: Path | None = None) -> tuple[Path, ...]:
    """Every schema a run may choose without a per-file mapping: what a cached result's
    fingerprint must cover, since the generator is decided per post."""
    if configured is not None:
        return (Path(configured),)
    return tuple(bundled_schema_path(name) for name in GENERATOR_SCHEMAS.values())


def required_keys(schema: LoadedSchema) -> frozenset[str]:
    """The top-level keys the schema requires, also under a top-level if/then (Hugo's `title`
    unless `Title` is given); a key required only on some branch counts as required."""
    root = schema.validator.schema
    if not isinstance(root, dict):
        return frozenset()
    keys: set[str] = set()
    for node in (root, root.get("then"), root.get("else")):
        if isinstance(node, dict) and isinstance(node.get("required"), list):
            keys.update(key for key in node["required"] if isinstance(key, str))
    return frozenset(keys)


@dataclass(frozen=True)
class LoadedSchema:
    path: Path
    validator: Validator
    # every file read to build it (the schema and each file a $ref reached), with its digest:
    # what a cached result depends on
    closure: tuple[tuple[str, str], ...] = ()
    # False for a schema from outside the project (given on the command line): its text is
    # not quoted in diagnostics
    owned: bool = True
    patterns: Patterns = field(default_factory=Patterns, compare=False)

    def errors(self, data: Any) -> Iterator[ValidationError]:
        """The validation errors; a failure of the validator itself is a SchemaApplyError."""
        try:
            yield from self.validator.iter_errors(data)
        except SchemaApplyError:
            raise
        except Exception as exc:  # referencing's and jsonschema's own errors, RecursionError
            raise SchemaApplyError(
                f"schema {self.path.name} cannot be applied to this front matter "
                f"({type(exc).__name__}); check its references"
            ) from None


_REF_KEYWORDS = REF_KEYWORDS


def _read_json(path: Path, sandbox: SchemaSandbox, closure: list[tuple[str, str]]) -> Any:
    try:
        data = sandbox.read(path)
    except SandboxRefused as exc:
        raise SchemaLoadError(f"schema {exc}") from None
    closure.append((str(path), digest(data)))
    try:
        return json.loads(data)
    except (ValueError, RecursionError) as exc:
        raise SchemaLoadError(f"schema {path.name} is not valid JSON: {exc}") from None


def _retriever(sandbox: SchemaSandbox, base_dir: Path, closure: list[tuple[str, str]]) -> Any:
    import referencing
    from referencing.jsonschema import DRAFT202012

    def retrieve(uri: str) -> referencing.Resource[Any]:
        try:
            target = sandbox.resolve_uri(uri, base_dir)
        except SandboxRefused as exc:
            raise SchemaLoadError(str(exc)) from None
        contents = _read_json(target, sandbox, closure)
        return referencing.Resource.from_contents(contents, default_specification=DRAFT202012)

    return retrieve


def load_schema(
    path: Path, sandbox: SchemaSandbox | None = None, *, owned: bool = True
) -> LoadedSchema:
    """Load and check a schema; it and every file it refers to must lie inside ``sandbox``
    (default: the schema's own folder)."""
    import jsonschema
    import referencing
    import referencing.jsonschema
    from referencing.jsonschema import DRAFT202012

    path = Path(path)
    sandbox = sandbox or SchemaSandbox.at(path.resolve().parent)
    closure: list[tuple[str, str]] = []
    schema = _read_json(path, sandbox, closure)
    if not isinstance(schema, dict | bool):
        raise SchemaLoadError(f"schema {path} must be a JSON object")
    base = jsonschema.validators.validator_for(schema, default=jsonschema.Draft202012Validator)
    try:
        base.check_schema(schema)
    except jsonschema.SchemaError as exc:
        where = "/".join(str(p) for p in exc.absolute_path) or "(root)"
        raise SchemaLoadError(f"schema {path} is invalid at {where}: {exc.message}") from None
    except RecursionError:
        raise SchemaLoadError(f"schema {path} is nested too deeply") from None
    patterns = Patterns()
    try:
        patterns.check_schema(schema)
        refuse_unevaluated_with_patterns(schema)
    except PatternRefused as exc:
        raise SchemaLoadError(f"schema {path.name}: {exc}") from None
    keywords = {**ValidValues(base).keywords(), **patterns.keywords()}
    cls = jsonschema.validators.extend(base, keywords)
    base_uri = path.resolve().as_uri()
    registry: referencing.Registry[Any] = referencing.Registry(
        retrieve=_retriever(sandbox, path.resolve().parent, closure)  # type: ignore[call-arg]  # attrs field
    )
    spec = referencing.jsonschema.specification_with(
        schema.get("$schema", "") if isinstance(schema, dict) else "", default=DRAFT202012
    )
    registry = registry.with_resource(base_uri, spec.create_resource(schema))
    if isinstance(schema, dict) and "$id" not in schema:  # its relative $refs resolve from it
        schema_with_id: Any = {**schema, "$id": base_uri}
    else:
        schema_with_id = schema
    # Built from ``cls`` itself: ``evolve`` picks the plain class a ``$schema`` names, which
    # dropped the RE2 keywords (a schema's patterns ran in Python's backtracking ``re``).
    validator = cls(schema_with_id, registry=registry, format_checker=cls.FORMAT_CHECKER)
    _resolve_all_refs(
        schema,
        validator,
        path,
        schema.get("$id", base_uri) if isinstance(schema, dict) else base_uri,
        patterns,
    )
    return LoadedSchema(path, validator, tuple(closure), owned, patterns)


def _remote(uri: str) -> bool:
    return urlsplit(uri).scheme not in ("", "file")


def _load_error_in(exc: BaseException) -> SchemaLoadError | None:
    """The SchemaLoadError our retriever raised, wrapped by referencing's own exceptions."""
    seen = 0
    current: BaseException | None = exc
    while current is not None and seen < 10:
        if isinstance(current, SchemaLoadError):
            return current
        current = current.__cause__ or current.__context__
        seen += 1
    return None


def _resolve_all_refs(
    schema: Any, validator: Any, path: Path, base_uri: str, patterns: Patterns
) -> None:
    """Resolve every ``$ref`` (and dynamic ref) now, so a bad, remote or outside ref is a
    load error, not a crash later; the patterns of each file reached are checked too."""
    import referencing.exceptions

    resolver = validator._resolver  # the resolver rooted at this schema
    stack = [schema]
    seen = 0
    while stack and seen < 10_000:
        seen += 1
        node = stack.pop()
        if isinstance(node, dict):
            for keyword in _REF_KEYWORDS:
                ref = node.get(keyword)
                if not isinstance(ref, str):
                    continue
                if urlsplit(ref).scheme and not ref.startswith("#"):
                    raise SchemaLoadError(
                        f"schema {path.name}: {keyword} {ref!r} refused: postlint never uses the "
                        "network or reads outside the project; refer to a file inside it by a "
                        "relative path (no URLs, no file: scheme)"
                    )
                if not ref.startswith("#") and _remote(urljoin(base_uri, ref)):
                    raise SchemaLoadError(
                        f"schema {path}: remote $ref {ref!r} refused: postlint never uses the "
                        "network; download the schema and refer to it by a relative path"
                    )
                try:
                    resolved = resolver.lookup(ref)
                    patterns.check_schema(resolved.contents)
                    refuse_unevaluated_with_patterns(resolved.contents)
                except PatternRefused as exc:
                    raise SchemaLoadError(f"schema {path.name}: {ref}: {exc}") from None
                except SchemaLoadError:
                    raise
                except referencing.exceptions.Unresolvable as exc:  # Unretrievable included
                    cause = _load_error_in(exc)
                    if cause is not None:  # refused by the sandbox, or unreadable: say why
                        raise cause from None
                    raise SchemaLoadError(
                        f"schema {path}: cannot resolve {keyword} {ref!r}"
                    ) from None
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)


# --- errors -> located findings ------------------------------------------------------------


@dataclass(frozen=True)
class SchemaProblem:
    start: int
    end: int
    message: str
    keyword: str


def _describe_path(path: tuple[Any, ...]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "front matter"


def _expected_type(schema_type: Any) -> str:
    names = {
        "string": "text",
        "array": "a list",
        "object": "a mapping",
        "boolean": "true or false",
        "integer": "a whole number",
        "number": "a number",
        "null": "empty",
    }
    if isinstance(schema_type, list):
        return " or ".join(names.get(t, str(t)) for t in schema_type)
    return names.get(schema_type, str(schema_type))


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:57] + "..."


_QUOTES_SCHEMA = {"enum", "const", "pattern", "anyOf", "oneOf", "not", "if", "then", "else"}


def _message(error: ValidationError, owned: bool = True) -> str:
    where = _describe_path(tuple(error.absolute_path))
    keyword, value, instance = error.validator, error.validator_value, error.instance
    if not owned and (keyword in _QUOTES_SCHEMA or keyword not in _OWN_WORDS):
        # a schema from outside the project: say which rule failed, never what it holds
        return f"`{where}` does not satisfy the schema's `{keyword}` rule"
    if keyword == "type":
        return f"`{where}` must be {_expected_type(value)}, not {_show(instance)}"
    if keyword == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return f"missing required key `{missing}`" + (
            f" in `{where}`" if error.absolute_path else ""
        )
    if keyword == "minLength" and value == 1:
        return f"`{where}` must not be empty"
    if keyword == "minLength":
        return f"`{where}` is too short: at least {value} characters expected"
    if keyword == "maxLength":
        return f"`{where}` is too long ({len(instance)} characters): at most {value} allowed"
    if keyword == "minItems":
        return f"`{where}` needs at least {value} item{'s' if value != 1 else ''}"
    if keyword == "enum":
        options = ", ".join(_show(v) for v in value)
        return f"`{where}` is {_show(instance)}; expected one of: {options}"
    if keyword == "format":
        return f"`{where}` is {_show(instance)}, which is not a valid {value}"
    if keyword == "pattern":
        description = error.schema.get("description") if isinstance(error.schema, dict) else None
        expected = description or f"text matching {value!r}"
        return f"`{where}` is {_show(instance)}; expected {expected}"
    if keyword in {"anyOf", "oneOf"}:
        description = error.schema.get("description") if isinstance(error.schema, dict) else None
        if description:
            return f"`{where}` is {_show(instance)}; expected {description}"
        from jsonschema.exceptions import best_match

        best = best_match(error.context or [])
        return _message(best, owned) if best is not None else f"`{where}`: {error.message}"
    return f"`{where}`: {error.message}"


# keywords whose message above is written from the instance and numbers only
_OWN_WORDS = {"type", "required", "minLength", "maxLength", "minItems", "format"}


def _extra_keys(error: ValidationError, patterns: Patterns) -> list[str]:
    instance = error.instance
    if not isinstance(instance, dict):
        return []
    return patterns.additional(instance, error.schema if isinstance(error.schema, dict) else {})


def _node_at(root: Located, path: tuple[Any, ...]) -> tuple[Located | None, Located]:
    """(key node, value node) for a path; stops at the deepest located ancestor."""
    key_node: Located | None = None
    node = root
    for part in path:
        k, v = node.child(part)
        if v is None:
            break
        key_node, node = k, v
    return key_node, node


_PER_KEY_KEYWORDS = {
    "additionalProperties",
    "unevaluatedProperties",
    "required",
    "dependentRequired",
}
_PRIORITY = {"type": 0, "const": 1, "enum": 2, "minLength": 3, "format": 4, "anyOf": 5, "oneOf": 5}


def problems(
    fm: FrontMatter, schema: LoadedSchema, found: Iterable[ValidationError] | None = None
) -> Iterator[SchemaProblem]:
    """One located problem per schema violation in the front matter (``found``: the errors
    already computed for it, so that the front matter is validated once)."""
    if fm.root is None:
        return
    try:
        errors = sorted(
            schema.errors(fm.data) if found is None else found,
            key=lambda e: (list(map(str, e.absolute_path)), _PRIORITY.get(str(e.validator), 50)),
        )
    except SchemaApplyError as exc:
        yield SchemaProblem(fm.block.open_start, fm.block.open_end, str(exc), "schema")
        return
    # One diagnostic per value (the most telling error); a value with a refused YAML tag is
    # already reported by FM011.
    reported = {(p.start, p.end) for p in fm.problems if p.kind == "unsupported-tag"}
    for error in errors:
        path = tuple(error.absolute_path)
        key_node, node = _node_at(fm.root, path)
        if error.validator not in _PER_KEY_KEYWORDS:
            if (node.start, node.end) in reported:
                continue
            reported.add((node.start, node.end))
        if error.validator in {"additionalProperties", "unevaluatedProperties"}:
            extras: list[str | None] = list(_extra_keys(error, schema.patterns)) or [None]
            for extra in extras:
                k, _ = node.child(extra) if extra is not None else (None, None)
                target = k or node
                message = (
                    f"unexpected key `{extra}` in `{_describe_path(path)}`; "
                    "remove it or add it to the schema"
                    if extra is not None
                    else _message(error, schema.owned)
                )
                yield SchemaProblem(target.start, target.end, message, str(error.validator))
            continue
        if error.validator in {"required", "dependentRequired"}:
            # the mapping itself: its key in the parent, or the opening fence for the root
            if key_node is None or not path:
                start, end = fm.block.open_start, fm.block.open_end
            else:
                start, end = key_node.start, key_node.end
            yield SchemaProblem(start, end, _message(error, schema.owned), str(error.validator))
            continue
        yield SchemaProblem(
            node.start, node.end, _message(error, schema.owned), str(error.validator)
        )
