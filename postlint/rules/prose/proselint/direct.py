"""proselint's own evaluation of a text: its check objects and its ``LintFile``.

Used for little text (one post in pre-commit), where compiling the engine would cost more than
it saves, and by the parity tests as the reference the engine must agree with.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import islice
from operator import itemgetter

from postlint.rules.prose.proselint.checks import MAX_ERRORS, ProselintHit, _default_checks


def reference_check(text: str, enabled: Callable[[str], bool] | None = None) -> list[ProselintHit]:
    """proselint's own findings for ``text``: its check objects and its ``LintFile``.

    ``LintFile.lint`` reads its checks from the ``CheckRegistry`` singleton; this runs the same
    lines over ``proselint.checks.__register__`` filtered by the default configuration (and by
    ``enabled``, as :class:`ProselintEngine` is). (``LintFile`` cannot take empty content;
    proselint finds nothing in an empty text.)
    """
    if not text:
        return []
    from proselint.tools import LintFile

    lint_file = LintFile("<text>", text)
    checks = [c for c in _default_checks() if enabled is None or enabled(c.path)]
    found = islice(
        (
            (lint_file.line_col_of(result.span[0]), result)
            for check in checks
            for result in check.check_with_flags(lint_file.content)
            if check.flags.allow_quotes or not lint_file.is_quoted_pos(result.span[0])
        ),
        MAX_ERRORS,
    )
    limit = len(text)
    return [ProselintHit.of(result, limit) for _, result in sorted(found, key=itemgetter(0))]
