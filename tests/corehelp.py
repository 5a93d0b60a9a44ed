"""Shared helpers for the core tests: run the CLI in-process, write rule packs and configurations."""
from __future__ import annotations

import json
import textwrap
from pathlib import Path

from lint import cli

PACK_HEADER = "rules:\n"


def run(capsys, *args: str):
    """Run `lint ARGS` in-process; returns (exit code, stdout, stderr)."""
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys, *args: str):
    code, out, err = run(capsys, "--format", "json", *args)
    return code, json.loads(out), err


def rule(rule_id: str, check: str, message: str = "found {match}", level: str = "warning", flag: str | None = None,
         passing: str = "Nothing to see here.", **params) -> str:
    """One rule of a pack as YAML text (list item), with the mandatory examples: `flag` (by default
    made from the parameters: the first token, the first form to swap) draws a finding from it,
    `passing` none (the loader checks both)."""
    if flag is None:
        flag = {
            "existence": lambda: params["tokens"][0],
            "substitution": lambda: next(iter(params["swap"])),
            "consistency": lambda: "{1}, {1} and {0}".format(*next(iter(params["either"].items()))),
            "repetition": lambda: "It was the the end.",
        }[check]()
    lines = [f"  - id: {rule_id}", f"    check: {check}", f"    level: {level}",
             f"    message: {json.dumps(message)}", "    description: a rule written for the tests"]
    for key, value in params.items():
        lines.append(f"    {key}: {json.dumps(value)}")
    lines += ["    examples:", f"      flag: [{json.dumps(flag)}]", f"      pass: [{json.dumps(passing)}]"]
    return "\n".join(lines) + "\n"


def write_project(root: Path, *rules: str, config: str = "", pack_name: str = "mypack.yaml") -> Path:
    """A .lint.yaml with builtin rules off and only `rules` (from `rule()`) in `pack_name`."""
    (root / pack_name).write_text(PACK_HEADER + "".join(rules), encoding="utf-8")
    (root / ".lint.yaml").write_text(f"builtin-rules: false\nrules: [{pack_name}]\n" + textwrap.dedent(config),
                                     encoding="utf-8")
    return root


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding=encoding, newline="")
    return path


def positions(findings, rule_id=None):
    """(line, column) of each JSON finding, optionally of one rule only."""
    return [(f["line"], f["column"]) for f in findings if rule_id is None or f["rule"] == rule_id]
