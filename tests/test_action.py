"""The GitHub Action (action.yml): its inputs are declared, it installs from its own checkout,
and its check script, run for real with bash as the runner would, annotates and writes SARIF."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import REPO

ACTION = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
POST = "---\ntitle: A post\ndate: 2025-11-20 09:30:00 +0000\n---\n\nWe went with with them.\n"


def step(name: str) -> dict:
    return next(s for s in ACTION["runs"]["steps"] if s.get("name") == name)


def test_composite_action_declares_every_input_it_uses_and_installs_itself() -> None:
    assert ACTION["runs"]["using"] == "composite"
    used = set(re.findall(r"inputs\.([\w-]+)", (REPO / "action.yml").read_text(encoding="utf-8")))
    assert used == set(ACTION["inputs"])
    assert '"$GITHUB_ACTION_PATH"' in step("Install postlint")["run"]
    upload = next(s for s in ACTION["runs"]["steps"] if "upload-sarif" in s.get("uses", ""))
    assert "always()" in upload["if"]


@pytest.mark.skipif(shutil.which("bash") is None or shutil.which("git") is None, reason="no bash")
def test_check_script_annotates_writes_sarif_and_reports_the_exit_code(tmp_path: Path) -> None:
    workspace = tmp_path / "site"
    (workspace / "_posts").mkdir(parents=True)
    (workspace / "_posts" / "a.md").write_text(POST, encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=workspace, check=True)
    output = tmp_path / "github-output"
    env = {
        **os.environ,
        "GITHUB_WORKSPACE": str(workspace),
        "GITHUB_OUTPUT": str(output),
        "POSTLINT_PATHS": "_posts",
        "POSTLINT_ARGS": "--no-cache --isolated",
        "POSTLINT_DIFF_BASE": "",
        "POSTLINT_SARIF": "postlint.sarif",
    }
    run = subprocess.run(
        ["bash", "-e", "-c", step("Check posts")["run"]],
        cwd=workspace,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert run.returncode == 1, run.stderr
    assert run.stdout.startswith(
        "::error file=_posts/a.md,line=6,col=9,endLine=6,endColumn=18,title=PR108 repeated-word::"
    )
    sarif = json.loads((workspace / "postlint.sarif").read_text(encoding="utf-8"))
    (result,) = sarif["runs"][0]["results"]
    assert result["ruleId"] == "PR108"
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "_posts/a.md"
    assert output.read_text(encoding="utf-8").splitlines() == [
        "sarif-file=postlint.sarif",
        "exit-code=1",
    ]
