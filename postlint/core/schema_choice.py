"""Which JSON Schema checks a post, and what it finds there, worked out once.

A run loads each schema once (:class:`Schemas`); a document asks it for its own schema on
first use and keeps the validation errors (:class:`SchemaErrors`) that FM001 reports and
FM007 reads, so the front matter is validated once per file whatever the rules selected.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from postlint.core.config import Config, ConfigError
from postlint.core.diagnostic import Finding
from postlint.core.patterns import matches
from postlint.core.schema import (
    LoadedSchema,
    SchemaApplyError,
    SchemaLoadError,
    is_bundled,
    load_schema,
    schema_files,
    schema_for,
)
from postlint.core.schema_sandbox import SandboxRefused, SchemaSandbox, closure_digests

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

    from postlint.core.document import Document
    from postlint.site.generator import Site


@dataclass(frozen=True)
class SchemaChoice:
    """A post's schema, or None with the reason it cannot be used (reported as PL006)."""

    schema: LoadedSchema | None
    problem: Finding | None = None


@dataclass(frozen=True)
class SchemaErrors:
    """The schema's verdict on a post's front matter: its errors, or why it could not apply."""

    errors: tuple[ValidationError, ...] = ()
    failure: SchemaApplyError | None = None

    @staticmethod
    def of(schema: LoadedSchema | None, data: object) -> SchemaErrors:
        if schema is None:
            return SchemaErrors()
        try:
            return SchemaErrors(tuple(schema.errors(data)))
        except SchemaApplyError as exc:
            return SchemaErrors(failure=exc)

    def replay(self) -> Iterator[ValidationError]:
        """The errors as ``LoadedSchema.errors`` yields them, the failure raised again."""
        if self.failure is not None:
            raise self.failure
        yield from self.errors

    @property
    def rejected_keys(self) -> frozenset[str]:
        """Top-level keys whose own value the schema rejects."""
        return frozenset(str(e.absolute_path[0]) for e in self.errors if len(e.absolute_path) == 1)


class Schemas:
    """One run's schemas: the configured ones, each generator's bundled one and posts' own
    ``$schema``."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self._loaded: dict[tuple[Path, Path], LoadedSchema | SchemaLoadError] = {}
        self._by_generator: dict[str, SchemaChoice] = {}
        if config.schema is not None:  # a broken schema the user named is a usage error now
            self._load_configured(config.schema)

    def for_site(self, site: Site, doc: Document) -> SchemaChoice:
        """The configured ``schema``, else the one bundled for the site's generator; each loads
        with the first post that needs it (a cached run needs none), once per generator."""
        name = site.generator.name
        if name not in self._by_generator:
            chosen = schema_for(site, self.config.schema).path
            self._by_generator[name] = _resolved(self._configured(chosen), doc)
        return self._by_generator[name]

    def choose(self, doc: Document) -> SchemaChoice:
        """A ``[schemas]`` pattern first, then the post's ``$schema``, then the default."""
        # no ``[schemas]`` (most runs): no path to match
        relative = relative_posix(doc.path, self.config.root) if self.config.schemas else ""
        for pattern, schema_path in self.config.schemas:
            if matches(relative, (pattern,)):
                return _resolved(self._configured(schema_path), doc)
        declared = doc.data.get("$schema") if doc.front_matter is not None else None
        if isinstance(declared, str) and declared.strip():
            project = self._project()  # a post's own schema: a file inside the project only
            try:
                path = project.resolve(declared, Path(doc.path).parent)
            except SandboxRefused as exc:
                return SchemaChoice(None, _schema_key_finding(doc, f"$schema {exc}"))
            return _resolved(self._schema(path, project), doc)
        return self.for_site(doc.site, doc)

    def digests(self) -> str:
        """Each configured schema and every file its $refs reach (for the cache key)."""
        parts: list[str] = []
        configured = [*schema_files(self.config.schema), *(p for _, p in self.config.schemas)]
        for schema_path in configured:
            project = self._project()
            sandbox = (
                project
                if project.contains(schema_path)
                else SchemaSandbox.at(Path(schema_path).resolve().parent)
            )
            parts.append("\0".join(closure_digests(Path(schema_path), sandbox)))
        return "".join(parts)

    def _load_configured(self, path: Path) -> LoadedSchema:
        loaded = self._configured(path)
        if isinstance(loaded, SchemaLoadError):
            raise ConfigError(str(loaded))
        return loaded

    def _project(self) -> SchemaSandbox:
        return SchemaSandbox.at(self.config.root)

    def _configured(self, path: Path) -> LoadedSchema | SchemaLoadError:
        """A schema the configuration names: its $refs stay inside the project, or inside the
        schema's own folder when it lies outside (given on the command line, or bundled)."""
        project = self._project()
        if project.contains(path):
            return self._schema(path, project, owned=True)
        return self._schema(path, SchemaSandbox.at(path.resolve().parent), owned=is_bundled(path))

    def _schema(
        self, path: Path, sandbox: SchemaSandbox, owned: bool = True
    ) -> LoadedSchema | SchemaLoadError:
        key = (path.resolve(), sandbox.root)
        if key not in self._loaded:
            try:
                self._loaded[key] = load_schema(path, sandbox, owned=owned)
            except SchemaLoadError as exc:
                self._loaded[key] = exc
        return self._loaded[key]


def _resolved(loaded: LoadedSchema | SchemaLoadError, doc: Document) -> SchemaChoice:
    if isinstance(loaded, SchemaLoadError):
        return SchemaChoice(None, _schema_key_finding(doc, str(loaded)))
    return SchemaChoice(loaded)


def _schema_key_finding(doc: Document, message: str) -> Finding:
    """At the ``$schema`` value when the post names one, else at the start of the file."""
    fm = doc.front_matter
    if fm is not None and fm.root is not None:
        _, value = fm.root.child("$schema")
        if value is not None:
            return Finding(value.start, value.end, message)
    return Finding(0, 0, message)


def relative_posix(path: str, root: Path) -> str:
    """``path`` relative to the project root, with forward slashes (for gitignore patterns)."""
    fast = _relative_parts(path, str(root)) if os.sep == "/" and os.altsep is None else None
    if fast is not None:
        return "/".join(fast) or "."
    try:
        return PurePosixPath(Path(path).absolute().relative_to(root.absolute())).as_posix()
    except (ValueError, OSError, RuntimeError):
        return PurePosixPath(path.replace("\\", "/")).as_posix()


def _relative_parts(path: str, root: str) -> list[str] | None:
    """What ``Path(path).absolute().relative_to(root.absolute())`` names, read as pathlib reads
    POSIX paths, without building Paths (asked several times for every post); None when it
    raises or when pathlib would read a root of its own (``//x``): the slow way decides."""
    try:
        names, top = _absolute_parts(path), _absolute_parts(root)
    except OSError:
        return None
    if names is None or top is None or names[: len(top)] != top:
        return None
    return names[len(top) :]


def _absolute_parts(path: str) -> list[str] | None:
    """``Path(path).absolute().parts`` after the root: empty and ``.`` names dropped, ``..``
    kept (nothing is resolved)."""
    if not path.startswith("/"):
        path = f"{os.getcwd()}/{path}"
    if path.startswith("//") and not path.startswith("///"):
        return None
    return [name for name in path.split("/") if name and name != "."]
