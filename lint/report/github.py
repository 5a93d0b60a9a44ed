"""GitHub Actions workflow commands: one annotation per finding."""
from __future__ import annotations

from . import Report

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def _escape(value: str, property_: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def render(report: Report) -> str:
    lines = []
    for f in report.findings:
        loc = f.location
        props = (f"file={_escape(loc.path, True)},line={loc.line},col={loc.column},"
                 f"endLine={loc.end_line},endColumn={loc.end_column},title={_escape(f.rule, True)}")
        lines.append(f"::{_COMMAND[f.level]} {props}::{_escape(f.message)}")
    return "".join(line + "\n" for line in lines)
