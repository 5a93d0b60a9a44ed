"""Snapshots in ruff's manner: the text and JSON output of `lint` on each fixture folder (and on the
seed), stored next to the folder and compared exactly, so that any change to any output shows in
review. After a deliberate change, rewrite them with

    UPDATE_SNAPSHOTS=1 .venv/bin/pytest tests/test_snapshots.py

and read the diff before committing it."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from corehelp import run

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# every fixture folder, and the seed (its snapshots live beside the fixtures, not in seeds/)
FOLDERS = sorted(p for p in FIXTURES.iterdir() if p.is_dir()) + [ROOT / "seeds"]


def snapshot_path(folder: Path, fmt: str) -> Path:
    return FIXTURES / f"{folder.name}.{fmt}.snap"


@pytest.mark.parametrize("fmt", ["text", "json"])
@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_output_matches_the_snapshot(folder, fmt, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("NO_COLOR", "1")
    code, out, err = run(capsys, "--no-cache", "--jobs", "1", "--format", fmt, folder.relative_to(ROOT).as_posix())
    assert code in (0, 1), err
    got = f"exit {code}\n{out}"
    stored = snapshot_path(folder, fmt)
    if os.environ.get("UPDATE_SNAPSHOTS"):
        stored.write_text(got, encoding="utf-8")
    assert stored.exists(), f"no snapshot {stored.name}: run with UPDATE_SNAPSHOTS=1 and review it"
    assert got == stored.read_text(encoding="utf-8"), f"output differs from {stored.name}"


def test_every_snapshot_belongs_to_a_folder():
    names = {snapshot_path(folder, fmt).name for folder in FOLDERS for fmt in ("text", "json")}
    assert {p.name for p in FIXTURES.glob("*.snap")} == names
