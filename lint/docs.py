"""Rule documentation, generated from the rules and check kinds themselves: `lint explain` and
docs/rules.md.

`python -m lint.docs > docs/rules.md` writes the whole reference: every shipped pack, the rules the
readers report, the off-by-default packs of rules/examples/ in their own section, and every check
kind with its parameters and message fields, so that a newsroom can write rules of its own.
"""
from __future__ import annotations

import re
import sys

from . import checks
from .checks import CheckKind
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


def kind_doc(kind: CheckKind, used_by: list[Rule] = ()) -> str:
    """A check kind's section: what it does, its parameters (type, default, what each does) and the
    fields a message template may use."""
    module = sys.modules[type(kind).__module__]
    about = re.sub(r"^`[\w-]+`:\s*", "", (module.__doc__ or "").strip())
    lines = [f"## Check kind `{kind.name}`", "", f"{kind.summary[:1].upper()}{kind.summary[1:]}.", ""]
    if about:
        about = about[:1].upper() + about[1:]
        lines += [" ".join(about.split("\n\n")[0].split()), ""]
        lines += [" ".join(p.split()) + "\n" for p in about.split("\n\n")[1:]]
    if kind.cross_article:
        lines += ["Compares articles with each other (and with the archive index).", ""]
    if kind.params:
        lines += ["| parameter | type | default | what it does |", "|---|---|---|---|"]
        for name, param in kind.params.items():
            default = "required" if param.required else ("none" if param.default is None else f"`{param.default!r}`")
            lines.append(f"| `{name}` | {param.type} | {default} | {param.doc} |")
        lines.append("")
    else:
        lines += ["No parameters.", ""]
    if kind.fields:
        lines += ["| message field | holds |", "|---|---|"]
        lines += [f"| `{{{name}}}` | {doc} |" for name, doc in kind.fields.items()]
        lines.append("")
    if used_by:
        lines += ["Used by: " + ", ".join(f"`{rule.id}`" for rule in used_by) + ".", ""]
    return "\n".join(lines) + "\n"


def kinds_markdown(rules: list[Rule]) -> list[str]:
    """Every registered check kind, with the rules of `rules` that use it."""
    out = ["# Check kinds", "",
           "A rule picks its kind with `check:` and sets the kind's parameters beside `id`, `level`,",
           "`message`, `description`, `why` and `examples`; its message may use the kind's fields as",
           "`{field}` placeholders. `lint explain KIND` prints one kind's section.", ""]
    for name, kind in sorted(checks.load_all().items()):
        out.append(kind_doc(kind, [r for r in rules if r.kind is kind]))
    return out


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
    "input.skipped": ("warning", "A file that is not checked says nothing, and a run that passes over it in "
                      "silence looks clean: an article saved in a binary format, a picture given an "
                      "article's name, an unreadable folder. The skip is reported in every output format, "
                      "at warning level, so `--fail-on` decides whether it fails the run."),
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
    examples = pack_files(root / "examples", "rules/examples")
    for path, display in examples:
        out += [line.replace("# Pack ", "# Example pack ", 1) if line.startswith("# Pack ") else line
                for line in _pack(path, display)]
    out += kinds_markdown(load_rules(pack_files(root, "rules") + examples).rules)
    return "\n".join(out).rstrip("\n") + "\n"


def main() -> int:
    sys.stdout.write(rules_markdown())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
