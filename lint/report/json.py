"""The JSON contract other tools rely on: {"version": 1, "files_checked": N, "findings": [...]}."""
from __future__ import annotations

import json

from . import Report


def render(report: Report) -> str:
    return json.dumps({
        "version": 1,
        "files_checked": report.files_checked,
        "findings": [f.to_json() for f in report.findings],
    }, indent=2, ensure_ascii=False) + "\n"
