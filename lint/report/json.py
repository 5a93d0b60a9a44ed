"""The JSON contract other tools rely on: {"version": 1, "files_checked": N, "findings": [...]}."""
from __future__ import annotations

import json

from . import Report


def render(report: Report) -> str:
    """One finding per line: readable, and written by json's C encoder (an indented dump is not)."""
    findings = ",\n    ".join(json.dumps(f.to_json(), ensure_ascii=False) for f in report.findings)
    return (f'{{\n  "version": 1,\n  "files_checked": {report.files_checked},\n'
            f'  "findings": [{chr(10) + "    " + findings + chr(10) + "  " if findings else ""}]\n}}\n')
