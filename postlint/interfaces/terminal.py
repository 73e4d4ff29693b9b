"""Whether the terminal gets colour: --color, then the conventions other tools follow.

``--color always|never`` decides; with ``auto``: ``NO_COLOR`` (no-color.org) turns colour off,
``FORCE_COLOR`` or ``CLICOLOR_FORCE`` (set to anything but ``0``) turn it on even when the
output is not a terminal (CI logs that render colours), ``TERM=dumb`` turns it off, and
otherwise colour goes only to a terminal. Turning off wins over forcing: it is the safe side.
"""

from __future__ import annotations

from collections.abc import Mapping


def _set(env: Mapping[str, str], name: str) -> bool:
    return env.get(name, "") not in ("", "0")


def color_wanted(choice: str, is_terminal: bool, env: Mapping[str, str]) -> bool:
    if choice != "auto":
        return choice == "always"
    if env.get("NO_COLOR"):
        return False
    if _set(env, "FORCE_COLOR") or _set(env, "CLICOLOR_FORCE"):
        return True
    return is_terminal and env.get("TERM") != "dumb"
