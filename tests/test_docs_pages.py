"""The rule pages in docs/rules/ are generated from the rule files and must not go stale."""

from __future__ import annotations

from conftest import REPO
from postlint.application.docs_pages import stale_pages
from postlint.core.rule import discover


def test_rule_pages_are_up_to_date() -> None:
    stale = stale_pages(discover(), REPO / "docs" / "rules")
    assert not stale, f"run `postlint generate-docs` to refresh: {stale}"
