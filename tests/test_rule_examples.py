"""Every rule in every shipped pack (examples/ included) must ship examples, and they must hold:
each `flag` example draws at least one finding from its rule, each `pass` example none."""
from __future__ import annotations

import pytest

from lint import ruleset
from lint.examples import lint_texts
from lint.ruleset import RuleSet

PACK_DIR = ruleset.builtin_pack_dir()
SOURCES = ruleset.pack_files(PACK_DIR, "rules") + ruleset.pack_files(PACK_DIR / "examples", "rules/examples")
RULES = ruleset.load_rules(SOURCES).rules


def _cases():
    for rule in RULES:
        for i, documents in enumerate(rule.examples_flag):
            yield pytest.param(rule, documents, True, id=f"{rule.id}-flag-{i}")
        for i, documents in enumerate(rule.examples_pass):
            yield pytest.param(rule, documents, False, id=f"{rule.id}-pass-{i}")


@pytest.mark.parametrize("rule,documents,should_flag", list(_cases()))
def test_rule_example(rule, documents, should_flag):
    findings = [f for f in lint_texts(documents, RuleSet([rule])) if f.rule == rule.id]
    if should_flag:
        assert findings, f"{rule.id}: flag example drew no finding:\n{documents}"
    else:
        assert not findings, f"{rule.id}: pass example was flagged: {[f.message for f in findings]}"


def test_every_shipped_rule_has_both_kinds_of_example():
    assert RULES
    for rule in RULES:
        assert rule.examples_flag and rule.examples_pass, rule.id


def test_a_rule_without_examples_is_rejected(tmp_path):
    pack = tmp_path / "x.yaml"
    pack.write_text("rules:\n  - id: x.y\n    check: repetition\n    level: warning\n"
                    "    message: m\n    description: d\n")
    with pytest.raises(Exception) as info:
        ruleset.load_rules([(pack, "x.yaml")])
    assert "x.yaml:2: rule 'x.y' is missing required key 'examples'" in str(info.value)
