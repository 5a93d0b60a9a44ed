"""Rule documentation, generated from the rules themselves: `lint explain` and docs/rules.md.

`python -m lint.docs > docs/rules.md` writes the whole reference: every shipped pack, the rules the
readers report, and the off-by-default packs of rules/examples/ in their own section.
"""
from __future__ import annotations

import sys

from .ruleset import INPUT_RULES, Rule, builtin_pack_dir, load_rules, pack_files

COMMAND = "python -m lint.docs > docs/rules.md"


def rule_doc(rule: Rule) -> str:
    lines = [f"## {rule.id}", "",
             f"Level: {rule.level} · check: `{rule.kind.name}` ({rule.kind.summary}) · defined in {rule.origin}", "",
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


# The rules the readers report (ruleset.INPUT_RULES): their level and why they matter.
INPUT_RULE_DOCS = {
    "input.encoding": ("warning", "Every check reads the text the file decodes to; a file in a legacy encoding (or with "
                       "bytes its encoding cannot hold) is read as well as it can be, and the words near a bad byte "
                       "may be wrong. Save the file as UTF-8."),
    "input.front-matter": ("error", "Front matter gives the headline and the publication date that the date checks "
                           "judge the story against. A malformed block, or a date no calendar has (February 30, "
                           "hour 25, a word), is not used: the article is still checked, with the publication date "
                           "taken from `--published` or inferred from the text."),
    "input.nul-byte": ("warning", "A NUL byte never belongs in an article; it comes from a damaged file, a bad "
                       "export or a copy from a binary format, and shows as nothing or as a box. The file is "
                       "read as text and checked; remove the byte."),
}


def input_rule_doc(rule_id: str) -> str:
    """The documentation of a rule the readers report, shaped like a pack rule's."""
    level, why = INPUT_RULE_DOCS[rule_id]
    return "\n".join([f"## {rule_id}", "", f"Level: {level} · reported by the readers", "",
                      "### What it does", "", f"Reports that {INPUT_RULES[rule_id]}.", "",
                      "### Why", "", why, ""]) + "\n"


def _pack(path, display: str) -> list[str]:
    from . import yamlfile

    data = yamlfile.load(path, display)
    rules = load_rules([(path, display)]).rules
    out = [f"# Pack `{display}`", ""]
    description = data.get("description") if hasattr(data, "get") else None
    if description:
        out += [str(description).strip(), ""]
    out += [f"- [`{r.id}`](#{r.id.replace('.', '')}) ({r.level})" for r in rules] + [""]
    return out + [rule_doc(r) for r in rules]


def rules_markdown() -> str:
    """The whole of docs/rules.md."""
    root = builtin_pack_dir()
    out = ["<!-- Generated from the rule packs by `" + COMMAND + "`; do not edit by hand. -->", "",
           "# Rules", "",
           "Every rule of the shipped packs (loaded by default), the findings the readers report, and",
           "the example packs of `rules/examples/`, which are off until a configuration lists them.",
           "`lint explain RULE` prints the section of one rule.", ""]
    for path, display in pack_files(root, "rules"):
        out += _pack(path, display)
    out += ["# Reported by the readers", "",
            "These findings come from reading the files, not from a pack; they can be selected, ignored",
            "and given levels like any rule.", ""]
    out += [input_rule_doc(rule_id) for rule_id in INPUT_RULES]
    out += ["# Off by default: `rules/examples/`", "",
            "Packs to copy and adapt; list your copy under `rules:` in `.lint.yaml` to use one.", ""]
    for path, display in pack_files(root / "examples", "rules/examples"):
        out += [line.replace("# Pack ", "# Example pack ", 1) if line.startswith("# Pack ") else line
                for line in _pack(path, display)]
    return "\n".join(out).rstrip("\n") + "\n"


def main() -> int:
    sys.stdout.write(rules_markdown())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
