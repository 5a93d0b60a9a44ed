"""Human output in the style of ruff: location, level, rule and message, the source line with the span
underlined, related locations, then a summary."""
from __future__ import annotations

from collections import Counter

from ..model import LEVELS
from . import Report

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m", "bold": "\033[1m",
           "dim": "\033[2m", "reset": "\033[0m"}


def render(report: Report) -> str:
    def paint(text, style):
        return f"{_COLORS[style]}{text}{_COLORS['reset']}" if report.color else text

    out = []
    for f in report.findings:
        loc = f.location
        out.append(f"{paint(f'{loc.path}:{loc.line}:{loc.column}:', 'bold')} "
                   f"{paint(f.level, f.level)} {paint(f.rule, 'bold')} {f.message}")
        excerpt = f.excerpt
        if excerpt is not None:
            gutter = " " * len(str(loc.line))
            shown = excerpt.text.expandtabs(1)
            out.append(f"{gutter} {paint('|', 'dim')}")
            out.append(f"{loc.line} {paint('|', 'dim')} {shown}")
            caret = "^" * max(1, excerpt.end - excerpt.start)
            out.append(f"{gutter} {paint('|', 'dim')} {' ' * excerpt.start}{paint(caret, f.level)}")
        for related in f.related:
            r = related.location
            out.append(f"  = {related.message}: {r.path}:{r.line}:{r.column}")
        if f.fix is not None:
            out.append(f"  = fix: replace with {f.fix.replacement!r}")
        out.append("")
    out.append(_summary(report))
    return "\n".join(out) + "\n"


def _summary(report: Report) -> str:
    files = f"{report.files_checked} file{'s' if report.files_checked != 1 else ''} checked"
    fixed = f", {report.fixed} fixed" if report.fixed else ""
    if not report.findings:
        return f"No findings ({files}{fixed})."
    counts = Counter(f.level for f in report.findings)
    levels = ", ".join(f"{counts[lv]} {lv}{'s' if counts[lv] != 1 and lv != 'info' else ''}"
                       for lv in reversed(LEVELS) if counts[lv])
    affected = len({f.location.path for f in report.findings})
    n = len(report.findings)
    return (f"Found {n} finding{'s' if n != 1 else ''} ({levels}) in {affected} "
            f"file{'s' if affected != 1 else ''} ({files}{fixed}).")
