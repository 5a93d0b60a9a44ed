"""Reporters: each turns the run's findings into one output format and decides nothing."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..model import Finding


@dataclass
class Report:
    findings: list[Finding]
    files_checked: int
    fixed: int = 0
    color: bool = False
    source_line: Callable[[str, int], str | None] = lambda path, line: None


def render(fmt: str, report: Report) -> str:
    from . import github, json, text

    return {"text": text.render, "json": json.render, "github": github.render}[fmt](report)


FORMATS = ("text", "json", "github")
