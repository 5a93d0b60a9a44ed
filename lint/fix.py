"""Applying fixes: only with --fix, only where a check marked its fix certain, and atomically.

Each file is re-read and every fix is checked against the text it expects to replace, so a file
edited since it was linted is left alone. The new content goes to a temporary file in the same
directory, takes the old file's permissions, and is renamed over it.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from .atomic import write_atomically
from .model import Finding


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
            raw = path.read_bytes()
            bom = b"\xef\xbb\xbf" if raw.startswith(b"\xef\xbb\xbf") else b""  # readers drop it; offsets follow
            original = raw[len(bom):].decode("utf-8")
        except (OSError, UnicodeDecodeError):
            result.notices.append(f"{display}: not fixed, the file is not readable as UTF-8")
            continue
        text, applied = original, []
        for finding in sorted(fixable, key=lambda f: f.fix.start, reverse=True):
            fix = finding.fix
            if applied and fix.end > applied[-1].fix.start:
                continue  # overlaps a fix already taken
            if text[fix.start:fix.end] != fix.original:
                result.notices.append(f"{display}: not fixed, the file changed since it was read")
                applied = []
                break
            text = text[:fix.start] + fix.replacement + text[fix.end:]
            applied.append(finding)
        if not applied:
            continue
        result.diff += "".join(difflib.unified_diff(
            original.splitlines(keepends=True), text.splitlines(keepends=True),
            fromfile=f"a/{display}", tofile=f"b/{display}"))
        if write:
            write_atomically(path, bom + text.encode("utf-8"))
        result.applied.extend(applied)
    return result
