"""Baselines: adopt the linter on a legacy archive today, and hear only about new findings.

`--baseline FILE` writes the run's findings to FILE when it does not exist; later runs drop every
finding that matches one recorded there. A finding is matched by path, rule, the text it points at
and the text of its line, not by line number, so edits elsewhere in a file (lines added above it)
do not bring old findings back; a second pass matches by path, rule and text alone, for a line that
was itself edited around the flagged words.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from .atomic import write_atomically
from .model import Finding, LintError

VERSION = 1


def _keys(finding: Finding) -> tuple[tuple, tuple]:
    """The finding's path, rule and flagged text, with and without the text of its line (the
    excerpt: the line itself, or the window of a long line a reporter shows)."""
    loc, excerpt = finding.location, finding.excerpt
    text = excerpt.text[excerpt.start:excerpt.end] if excerpt else ""
    context = excerpt.text.strip() if excerpt else ""
    return (loc.path, finding.rule, text, context), (loc.path, finding.rule, text)


def write(path: Path, findings: list[Finding]):
    entries = []
    for finding in findings:
        (p, rule, text, context), _ = _keys(finding)
        entries.append({"path": p, "rule": rule, "text": text, "context": context,
                        "line": finding.location.line, "message": finding.message})
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps({"version": VERSION, "findings": entries}, indent=1, ensure_ascii=False) + "\n"
    write_atomically(path, text.encode("utf-8"))


def read(path: Path) -> list[dict]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != VERSION:
            raise LintError(f"{path}: baseline version {data.get('version')!r}, expected {VERSION}")
        return [e for e in data["findings"] if {"path", "rule", "text", "context"} <= set(e)]
    except (OSError, ValueError, AttributeError, KeyError, TypeError) as exc:
        raise LintError(f"{path}: not a baseline file ({exc})") from None


def new_findings(findings: list[Finding], baseline: list[dict]) -> list[Finding]:
    """The findings the baseline does not account for."""
    exact = Counter((e["path"], e["rule"], e["text"], e["context"]) for e in baseline)
    loose = Counter((e["path"], e["rule"], e["text"]) for e in baseline)
    keyed = [(f, *_keys(f)) for f in findings]
    unmatched = []
    for finding, full, short in keyed:
        if exact[full] > 0:
            exact[full] -= 1
            loose[short] -= 1
        else:
            unmatched.append((finding, short))
    result = []
    for finding, short in unmatched:
        if loose[short] > 0:
            loose[short] -= 1
        else:
            result.append(finding)
    return result
