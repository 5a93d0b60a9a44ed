#!/usr/bin/env python3
"""Time `lint --fix` on generated archives holding N certain fixes each ("the the", fixed by
style.repeated-word), spread over files of 200 fixes and all in one file, to show the cost grows
with N and not with N squared.

usage: bench/bench_fix.py [N ...]     (default: 4000 16000 54000)
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PER_FILE = 200


def archive(directory: Path, fixes: int, files: int):
    per = fixes // files
    for number in range(files):
        paragraphs = "\n\n".join(f"Paragraph {p} said the the council met." for p in range(per))
        (directory / f"a{number:05d}.md").write_text(f"# Story {number}\n\n{paragraphs}\n", encoding="utf-8")


def timed_fix(fixes: int, files: int) -> float:
    with tempfile.TemporaryDirectory() as top:
        archive(Path(top), fixes, files)
        started = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "lint", "--no-cache", "--fix", "--select", "style", top],
                              cwd=ROOT, capture_output=True, text=True)
        elapsed = time.perf_counter() - started
        if proc.returncode != 0 or f"{fixes} fixed" not in proc.stdout:
            sys.exit(f"lint --fix failed ({proc.returncode}): {proc.stdout[-300:]} {proc.stderr[-300:]}")
    return elapsed


def main() -> int:
    counts = [int(n) for n in sys.argv[1:]] or [4000, 16000, 54000]
    for fixes in counts:
        spread = timed_fix(fixes, max(1, fixes // PER_FILE))
        single = timed_fix(fixes, 1)
        print(f"{fixes:>6} fixes: {spread:6.1f} s in {max(1, fixes // PER_FILE)} files, {single:6.1f} s in one file, "
              f"{1e6 * spread / fixes:5.0f} us per fix")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
