"""Fingerprints of the code a cached result came from: postlint's own source and the rule set.

A cached result is only the result a fresh run would give if the code that produced it is the
same. The version number is not enough (a checkout, an editable install or a plugin changes
code without changing it), so the cache key carries a digest of the source itself: every
module of the postlint package and, for each rule in the run, its code, name, options and the
source of the module that defines it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import inspect
import os
import sys
from pathlib import Path

from postlint.core.rule import RuleSet

_PACKAGE = Path(__file__).resolve().parents[1]  # the package root, postlint/


def code_fingerprint(package: Path = _PACKAGE) -> str:
    """A digest of every Python file and bundled schema of the postlint package."""
    digest = hashlib.sha256()
    for folder, dirs, files in os.walk(package):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".py", ".json")):
                path = Path(folder, name)
                digest.update(str(path.relative_to(package)).encode() + b"\0")
                try:
                    digest.update(path.read_bytes())
                except OSError:
                    digest.update(b"unreadable")
    return digest.hexdigest()


def rules_fingerprint(rules: RuleSet) -> str:
    """Codes, names, severities, option defaults and defining modules' source of each rule."""
    digest = hashlib.sha256()
    sources: dict[str, bytes] = {}
    for rule in rules:
        options = (
            [(f.name, repr(f.default)) for f in dataclasses.fields(rule.options)]
            if dataclasses.is_dataclass(rule.options)
            else []
        )
        digest.update(
            repr((rule.code, rule.name, rule.severity.label, rule.sub_codes, options)).encode()
        )
        module = _module_of(rule)
        if module not in sources:
            sources[module] = _source_of(module)
        digest.update(module.encode() + b"\0" + sources[module])
    return digest.hexdigest()


def _module_of(rule: object) -> str:
    check = getattr(rule, "check", None)
    func = getattr(check, "func", check)  # functools.partial: the function it wraps
    return getattr(func, "__module__", None) or type(rule).__module__


def _source_of(module_name: str) -> bytes:
    module = sys.modules.get(module_name)
    try:
        path = inspect.getsourcefile(module) if module is not None else None
        return Path(path).read_bytes() if path else b"no source"
    except (OSError, TypeError):
        return b"no source"
