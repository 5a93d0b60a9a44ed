"""Rule documentation, generated from the rules themselves: `lint explain` and docs/rules.md."""
from __future__ import annotations

from .ruleset import Rule


def rule_doc(rule: Rule) -> str:
    lines = [f"## {rule.id}", "",
             f"Level: {rule.level} · check: `{rule.kind.name}` · defined in {rule.origin}", "",
             "### What it does", "", rule.description, ""]
    if rule.why:
        lines += ["### Why", "", rule.why, ""]
    lines += ["### Examples", ""]
    for title, examples in (("Flagged", rule.examples_flag), ("Not flagged", rule.examples_pass)):
        for documents in examples:
            lines.append(f"{title}:")
            lines.append("")
            for text in documents:
                lines += ["```markdown", text.rstrip("\n"), "```", ""]
    return "\n".join(lines) + "\n"
