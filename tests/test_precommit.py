"""The published pre-commit hook, end to end: a newsroom repo points pre-commit at this checkout,
a commit of a defective article is blocked with the finding printed, a clean one goes through."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

CHECKOUT = Path(__file__).resolve().parent.parent

DEFECTIVE = """---
title: "Library extends weekend opening hours"
---
Library extends weekend opening hours

The central library will stay open until eight in the evening on weekends, the council said.
"""

CLEAN = """---
title: "Library extends weekend opening hours"
---
The central library will stay open until eight in the evening on weekends, the council said.
"""


def _git(repo: Path, *args: str, env=None) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, env=env)


@pytest.fixture(scope="module")
def hook_home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


def test_commit_of_defective_article_is_blocked_and_clean_one_accepted(tmp_path, hook_home):
    head = _git(CHECKOUT, "rev-parse", "HEAD")
    if head.returncode != 0:
        pytest.skip("this checkout is not a git repository, so pre-commit cannot install the hook from it")
    env = {**os.environ, "PRE_COMMIT_HOME": str(hook_home), "NO_COLOR": "1",
           "GIT_AUTHOR_NAME": "Desk", "GIT_AUTHOR_EMAIL": "desk@example.org",
           "GIT_COMMITTER_NAME": "Desk", "GIT_COMMITTER_EMAIL": "desk@example.org"}
    repo = tmp_path / "newsroom"
    repo.mkdir()
    assert _git(repo, "init", "-q", env=env).returncode == 0
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {CHECKOUT}\n    rev: {head.stdout.strip()}\n    hooks:\n      - id: lint\n")
    install = subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=repo, env=env,
                             capture_output=True, text=True)
    assert install.returncode == 0, install.stderr

    article = repo / "library.md"
    article.write_text(DEFECTIVE)
    _git(repo, "add", "library.md", ".pre-commit-config.yaml", env=env)
    blocked = _git(repo, "commit", "-m", "Add library story", env=env)
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, output
    assert "library.md:4:1: warning headlines.repeated-in-body" in output
    assert _git(repo, "rev-parse", "--verify", "HEAD", env=env).returncode != 0  # nothing committed

    article.write_text(CLEAN)
    _git(repo, "add", "library.md", env=env)
    accepted = _git(repo, "commit", "-m", "Add library story", env=env)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert "Add library story" in _git(repo, "log", "--oneline", env=env).stdout


def test_the_projects_own_hook_runs_without_lint_on_path(hook_home):
    if _git(CHECKOUT, "rev-parse", "HEAD").returncode != 0:
        pytest.skip("this checkout is not a git repository, so pre-commit cannot run its hooks")
    env = {**os.environ, "PATH": os.pathsep.join(["/usr/bin", "/bin"]), "PRE_COMMIT_HOME": str(hook_home),
           "NO_COLOR": "1"}
    result = subprocess.run([sys.executable, "-m", "pre_commit", "run", "lint-seeds", "--files",
                             "seeds/000_897c2a44bb649566.txt"], cwd=CHECKOUT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr  # the seed's findings are warnings
    assert "warning headlines.repeated-in-body" in result.stdout
