"""Reporters: each turns the run's findings into one output format and decides nothing.

A reporter reads a finding's location, excerpt, related locations, fix, check kind and data; it
never parses a message, never opens an article, and knows no check family by name.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Finding


@dataclass
class Report:
    findings: list[Finding]
    files_checked: int
    fixed: int = 0
    color: bool = False
    # The rules of the run (lint.ruleset.Rule), for formats that describe them (SARIF).
    rules: list[object] = field(default_factory=list)
    # What a report may show of each article, by display path (HTML): its "headline", and the notes
    # checks gave about it (a date check's "timeline").
    articles: dict[str, dict] = field(default_factory=dict)


# The HTML report names its maker, so that a report written inside the archive is known as one.
REPORT_SIGNATURE = "newsroom-lint report"

FORMATS = ("text", "json", "github", "sarif", "html")  # one module each, imported when used
_WITH_EXCERPTS = {"text", "html"}  # the formats that show each finding's line


def shows_excerpts(fmt: str) -> bool:
    """Does the format show findings' excerpts (so every finding needs one)?"""
    return fmt in _WITH_EXCERPTS


def render(fmt: str, report: Report) -> str:
    import importlib

    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    return importlib.import_module(f"{__name__}.{fmt}").render(report)
