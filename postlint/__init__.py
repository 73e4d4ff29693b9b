"""postlint: an editorial linter for Markdown posts with front matter."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from postlint.api import iter_results, lint_paths, lint_text
    from postlint.core.config import Config, ConfigError

__all__ = ["Config", "ConfigError", "__version__", "iter_results", "lint_paths", "lint_text"]


def __getattr__(name: str) -> Any:
    # Imported lazily: `postlint --version` and pre-commit runs should not pay for the engine.
    if name in ("lint_text", "lint_paths", "iter_results"):
        from postlint import api

        return getattr(api, name)
    if name in ("Config", "ConfigError"):
        from postlint.core import config

        return getattr(config, name)
    raise AttributeError(name)
