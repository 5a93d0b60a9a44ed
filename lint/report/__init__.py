"""Reporters: each turns the run's findings into one output format and decides nothing."""
from __future__ import annotations

from dataclasses import dataclass, field
from collections.abc import Callable

from ..model import Document, Finding


@dataclass
class Report:
    findings: list[Finding]
    files_checked: int
    fixed: int = 0
    color: bool = False
    source_line: Callable[[str, int], str | None] = lambda path, line: None
    # The rules of the run (lint.ruleset.Rule), for formats that describe them (SARIF).
    rules: list[object] = field(default_factory=list)
    # The Document of a display path, read again on demand (HTML excerpts and timelines); None when
    # it cannot be read.
    document: Callable[[str], Document | None] = lambda path: None


FORMATS = ("text", "json", "github", "sarif", "html")  # one module each, imported when used


def render(fmt: str, report: Report) -> str:
    import importlib

    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    return importlib.import_module(f"{__name__}.{fmt}").render(report)
