"""PS001's package: facts copied from proselint match the installed proselint, and discovering
the rules neither imports proselint nor takes the engine's helper modules for rules."""

from __future__ import annotations

import subprocess
import sys

from postlint.core.rule import discover
from postlint.rules.prose.proselint.checks import MAX_ERRORS
from postlint.rules.prose.proselint.paths import DEFAULT_CHECK_PATHS


def test_default_check_paths_are_proselints() -> None:
    from proselint.checks import __register__
    from proselint.config import DEFAULT

    enabled = DEFAULT["checks"]
    expected = {
        check.path
        for check in __register__
        if any(check.matches_partial(key) and on for key, on in enabled.items())
    }
    assert tuple(sorted(expected)) == DEFAULT_CHECK_PATHS


def test_max_errors_is_proselints() -> None:
    from proselint.config import DEFAULT

    assert DEFAULT["max_errors"] == MAX_ERRORS


def test_discovery_finds_ps001_once_and_no_helper_module() -> None:
    rules = discover()
    ps001 = rules.get("PS001")
    assert ps001 is not None and ps001.sub_codes == DEFAULT_CHECK_PATHS
    assert ps001.docs.startswith("All of proselint's default checks")
    modules = {rule.check.__module__ for rule in rules}
    helpers = {"checks", "compiler", "direct", "engine", "fixes", "paths", "plans", "prefilter"}
    assert not {f"postlint.rules.prose.proselint.{name}" for name in helpers} & modules
    assert [rule.code for rule in rules].count("PS001") == 1


def test_discovery_does_not_import_proselint() -> None:
    # A fresh interpreter: this test process may have imported proselint already.
    code = (
        "import sys; from postlint.core.rule import discover; discover(); "
        "print(sorted(m for m in sys.modules if m == 'proselint' or m.startswith('proselint.')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
