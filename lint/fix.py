"""Applying fixes: only with --fix, only where a check marked its fix certain, and atomically.

Each file is re-read and every fix is checked against the text it expects to replace, so a file
edited since it was linted is left alone. The new content goes to a temporary file in the same
directory, takes the old file's permissions, and is renamed over it.
"""
from __future__ import annotations

import difflib
import stat
from dataclasses import dataclass, field
from pathlib import Path

from .atomic import write_atomically
from .documents import read_breaks, unicode_text
from .model import Finding, Fix, LineIndex


@dataclass
class FixResult:
    applied: list[Finding] = field(default_factory=list)
    diff: str = ""
    notices: list[str] = field(default_factory=list)


def apply(findings: list[Finding], paths: dict[str, str], write: bool) -> FixResult:
    result = FixResult()
    by_path: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.fix is not None and finding.location.path in paths:
            by_path.setdefault(finding.location.path, []).append(finding)
    for display, fixable in sorted(by_path.items()):
        path = Path(paths[display])
        try:
            decoded = unicode_text(path.read_bytes())
        except OSError:
            decoded = None
        if decoded is None:
            result.notices.append(f"{display}: not fixed, the file is not readable as UTF-8")
            continue
        original, codec, bom = decoded
        if write and _read_only(path):
            result.notices.append(f"{display}: not fixed, the file is read-only")
            continue
        applied = _applicable(fixable, read_breaks(original))
        if applied is None:
            result.notices.append(f"{display}: not fixed, the file changed since it was read")
            continue
        text = _rewritten(original, [f.fix for f in applied])
        result.diff += "".join(difflib.unified_diff(
            LineIndex.split(original, keepends=True), LineIndex.split(text, keepends=True),
            fromfile=f"a/{display}", tofile=f"b/{display}"))
        if write:
            try:
                write_atomically(path, bom + text.encode(codec))
            except OSError as exc:
                result.notices.append(f"{display}: not fixed, {exc.strerror}")
                continue
        result.applied.extend(applied)
    return result


def _applicable(fixable: list[Finding], text: str) -> list[Finding] | None:
    """The fixes to apply, in the order of the text, leaving out any that overlaps one before it;
    None if the text no longer reads what a fix expects (the file changed since it was read).
    Offsets are checked against the text as the readers saw it: a lone CR reads as LF."""
    applied: list[Finding] = []
    for finding in sorted(fixable, key=lambda f: (f.fix.start, f.fix.end)):
        fix = finding.fix
        if applied and fix.start < applied[-1].fix.end:
            continue
        if text[fix.start:fix.end] != fix.original:
            return None
        applied.append(finding)
    return applied


def _rewritten(text: str, fixes: list[Fix]) -> str:
    """`text` with each of `fixes` (in order, not overlapping) applied, in one pass."""
    pieces, position = [], 0
    for fix in fixes:
        pieces += [text[position:fix.start], fix.replacement]
        position = fix.end
    pieces.append(text[position:])
    return "".join(pieces)


def _read_only(path: Path) -> bool:
    """No write permission for anyone: a file someone protected on purpose (as root too)."""
    try:
        return not path.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    except OSError:
        return False
