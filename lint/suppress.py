"""Inline suppression comments and per-path ignores, applied to findings after the checks ran.

    <!-- lint-disable RULE[,RULE] -->   ...   <!-- lint-enable [RULE] -->
    <!-- lint-disable-next-line RULE -->
A comment without rule ids applies to every rule; ids may be families or prefixes (`dates`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .config import glob_matches, relative_to_root
from .model import Document, Finding
from .ruleset import matches

_COMMENT = re.compile(r"<!--\s*lint-(disable-next-line|disable|enable)\b([^>]*?)-->")


@dataclass(frozen=True)
class Suppression:
    selectors: tuple[str, ...]  # empty: every rule
    first_line: int
    last_line: int

    def covers(self, finding: Finding) -> bool:
        line = finding.location.line
        return self.first_line <= line <= self.last_line and (
            not self.selectors or any(matches(finding.rule, s) for s in self.selectors))


def suppressions(doc: Document) -> list[Suppression]:
    if "lint-" not in doc.source:
        return []
    result, open_ranges = [], {}
    last_line = doc.lines.position(len(doc.source))[0]
    for match in _COMMENT.finditer(doc.source):
        action = match.group(1)
        selectors = tuple(s.strip() for s in re.split(r"[,\s]+", match.group(2)) if s.strip())
        line = doc.lines.position(match.start())[0]
        end_line = doc.lines.position(match.end())[0]
        if action == "disable-next-line":
            result.append(Suppression(selectors, end_line + 1, end_line + 1))
        elif action == "disable":
            open_ranges.setdefault(selectors, line)
        else:
            for key in [k for k in open_ranges if not selectors or k == selectors or set(selectors) & set(k)]:
                result.append(Suppression(key, open_ranges.pop(key), line))
    result.extend(Suppression(k, start, last_line) for k, start in open_ranges.items())
    return result


def suppressed(finding: Finding, rules: list[Suppression]) -> bool:
    return any(s.covers(finding) for s in rules)


def path_ignored(path: str, rule_id: str, per_path_ignores: dict[str, list[str]], root: Path | None = None) -> bool:
    """Globs match the path as shown or, given the configuration's directory `root`, relative to it
    (as `exclude` globs do), so they hold wherever lint is run from."""
    if not per_path_ignores:
        return False
    candidates = {path.replace("\\", "/").removeprefix("./")}
    if root is not None and (relative := relative_to_root(path, root)) is not None:
        candidates.add(relative)
    for pattern, selectors in per_path_ignores.items():
        if any(glob_matches(p, pattern) for p in candidates):
            if any(matches(rule_id, s) for s in selectors):
                return True
    return False
