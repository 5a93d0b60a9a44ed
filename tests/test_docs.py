"""docs/rules.md is generated from the rule packs and must be current; `lint explain` prints the same
section for one rule."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from lint import cli
from lint.docs import COMMAND, rules_markdown
from lint.ruleset import INPUT_RULES, builtin_pack_dir, load_rules, pack_files

from corehelp import run

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "rules.md"


def test_committed_rules_md_is_current():
    assert DOC.read_text(encoding="utf-8") == rules_markdown(), (
        f"docs/rules.md is stale: regenerate it with `{COMMAND}`")


def test_module_command_prints_the_document():
    result = subprocess.run([sys.executable, "-m", "lint.docs"], capture_output=True, text=True, cwd=ROOT,
                            check=True)
    assert result.stdout == rules_markdown()


def test_every_rule_is_documented_and_examples_are_in_their_own_section():
    text = rules_markdown()
    shipped, examples = text.split("# Off by default: `rules/examples/`")
    for rule in load_rules(pack_files(builtin_pack_dir(), "rules")).rules:
        assert f"\n## {rule.id}\n" in shipped
        assert rule.description.strip() in shipped
    example_rules = [r for path, display in pack_files(builtin_pack_dir() / "examples", "rules/examples")
                     for r in load_rules([(path, display)]).rules]
    assert example_rules
    for rule in example_rules:
        assert f"\n## {rule.id}\n" in examples and f"defined in {rule.origin}" in examples
    for rule_id in INPUT_RULES:
        assert f"\n## {rule_id}\n" in shipped
    section = shipped.split("\n## dates.timeline-outlier\n")[1].split("\n## ")[0]
    assert "### What it does" in section and "### Why" in section
    assert "Flagged:" in section and "Not flagged:" in section and "```markdown" in section


def test_explain_prints_the_rules_md_section(capsys, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)  # no configuration: the shipped packs only
    doc = DOC.read_text(encoding="utf-8")
    _, rules = cli._load(None)
    for rule in rules.rules:
        code, out, _ = run(capsys, "explain", rule.id)
        assert code == 0 and out.startswith(f"## {rule.id}\n")
        assert "\n" + out in doc
    for rule_id in INPUT_RULES:  # the readers' rules are explained like the packs' rules
        code, out, _ = run(capsys, "explain", rule_id)
        assert code == 0 and out.startswith(f"## {rule_id}\n") and "\n### Why\n" in out
        assert "\n" + out in doc
    code, _, err = run(capsys, "explain", "dates.nope")
    assert code == 2 and "unknown rule or check kind 'dates.nope'" in err


def test_every_check_kind_documents_its_parameters_and_fields(capsys, monkeypatch, tmp_path):
    """A newsroom writes rules of its own from the docs alone: every kind has a summary, every
    parameter a doc, every message field a description, all in docs/rules.md and `lint explain KIND`."""
    from lint import checks

    monkeypatch.chdir(tmp_path)
    doc = DOC.read_text(encoding="utf-8")
    kinds = checks.load_all()
    assert "\n# Check kinds\n" in doc
    for name, kind in kinds.items():
        assert kind.summary, name
        assert all(param.doc for param in kind.params.values()), name
        assert all(kind.fields.values()), name
        code, out, _ = run(capsys, "explain", name)
        assert code == 0 and out.startswith(f"## Check kind `{name}`\n"), name
        assert out.split("\nUsed by:")[0] in doc, name
        for param in kind.params:
            assert f"| `{param}` |" in out, (name, param)
        for field in kind.fields:
            assert f"| `{{{field}}}` |" in out, (name, field)
    section = doc.split("## Check kind `existence`\n")[1].split("\n## ")[0]
    assert "| `tokens` | list | none | words or phrases, matched as whole words |" in section
    assert "Used by: `style.banned-phrase`." in section


def test_the_readme_table_lists_every_shipped_rule():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("## What it checks")[1].split("\n\n")[2]
    listed = set(re.findall(r"`([a-z]+\.[a-z-]+)`", table))
    shipped = {rule.id for rule in load_rules(pack_files(builtin_pack_dir(), "rules")).rules} | set(INPUT_RULES)
    assert shipped - listed == set()


def test_ci_runs_exactly_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("```sh\n", 1)[1].split("```", 1)[0]
    command = [line for line in block.splitlines() if "pytest" in line and not line.startswith("#")]
    assert len(command) == 1
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").rstrip("\n").splitlines()
    assert ci[-1] == command[0]
