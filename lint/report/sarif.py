"""SARIF 2.1.0 (GitHub code scanning): one rule entry per rule of the run, one result per finding.

Columns count characters (Unicode code points), as every location of the linter does, so the run
says `columnKind: unicodeCodePoints`; `endColumn` is the column after the span, as SARIF wants.
"""
from __future__ import annotations

import json
import os
import re
from pathlib import PurePosixPath
from urllib.parse import quote

from ..model import Finding, Location
from . import Report

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
TOOL = "newsroom-lint"


def _version() -> str:
    try:
        from importlib.metadata import version

        return version(TOOL)
    except Exception:  # not installed (a bare checkout): the version is optional in SARIF
        return "0"


def uri(path: str) -> str:
    """A relative URI for a display path: relative to the working directory when absolute."""
    if os.path.isabs(path):
        try:
            path = os.path.relpath(path)
        except ValueError:  # another drive on Windows
            pass
    posix = PurePosixPath(path.replace(os.sep, "/")).as_posix()
    while posix.startswith("./"):
        posix = posix[2:]
    return quote(posix, safe="/-._~")


def _region(loc: Location) -> dict:
    return {"startLine": loc.line, "startColumn": loc.column,
            "endLine": loc.end_line, "endColumn": loc.end_column}


def _first_sentence(text: str) -> str:
    text = " ".join(text.split())
    match = re.match(r"(.+?[.!?])(?:\s|$)", text)
    return match.group(1) if match else text


def _rule_entries(report: Report) -> list[dict]:
    from ..docs import rule_doc
    from ..ruleset import INPUT_RULES

    entries = []
    for rule in report.rules:
        first = _first_sentence(rule.description) or rule.id
        text = rule.description.strip() + (f"\n\nWhy: {rule.why.strip()}" if rule.why else "")
        entries.append({
            "id": rule.id,
            "name": rule.id,
            "shortDescription": {"text": first},
            "fullDescription": {"text": rule.description.strip() or first},
            "help": {"text": text, "markdown": rule_doc(rule)},
            "defaultConfiguration": {"level": LEVEL[rule.level]},
            "properties": {"tags": [rule.family], "check": rule.kind.name, "origin": rule.origin},
        })
    known = {e["id"] for e in entries}
    used = {f.rule for f in report.findings}
    for rule_id, text in INPUT_RULES.items():
        if rule_id not in known:
            entries.append({
                "id": rule_id, "name": rule_id,
                "shortDescription": {"text": text},
                "fullDescription": {"text": f"{text} (reported by the readers)"},
                "help": {"text": f"{text} (reported by the readers)",
                         "markdown": f"## {rule_id}\n\n{text} (reported by the readers).\n"},
                "properties": {"tags": [rule_id.split(".")[0]]},
            })
    for rule_id in sorted(used - known - set(INPUT_RULES)):  # findings of rules the run did not list
        entries.append({"id": rule_id, "name": rule_id, "shortDescription": {"text": rule_id}})
    return entries


def _result(f: Finding, index: dict[str, int], report: Report) -> dict:
    loc = f.location
    result = {
        "ruleId": f.rule,
        "ruleIndex": index[f.rule],
        "level": LEVEL[f.level],
        "message": {"text": f.message},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": uri(loc.path)},
            "region": _region(loc),
        }}],
    }
    if f.related:
        result["relatedLocations"] = [
            {"id": i, "message": {"text": r.message},
             "physicalLocation": {"artifactLocation": {"uri": uri(r.location.path)},
                                  "region": _region(r.location)}}
            for i, r in enumerate(f.related, 1)]
    if f.fix is not None:
        fix = f.fix
        deleted = {"charOffset": fix.start, "charLength": fix.end - fix.start}
        if fix.location is not None:
            deleted.update(_region(fix.location))
        result["fixes"] = [{
            "description": {"text": f"replace {fix.original!r} with {fix.replacement!r}"},
            "artifactChanges": [{
                "artifactLocation": {"uri": uri(loc.path)},
                "replacements": [{"deletedRegion": deleted, "insertedContent": {"text": fix.replacement}}],
            }],
        }]
    return result


def render(report: Report) -> str:
    rules = _rule_entries(report)
    index = {entry["id"]: i for i, entry in enumerate(rules)}
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": TOOL, "version": _version(), "rules": rules}},
            "columnKind": "unicodeCodePoints",
            "results": [_result(f, index, report) for f in report.findings],
        }],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
