"""--fix and --diff: certain fixes only, written atomically, permissions kept; nothing written otherwise."""
from __future__ import annotations

import os
import stat

import pytest

from lint import fix
from lint.model import Finding, Fix, Location

from corehelp import rule, run, run_json, write, write_project

TEXT = "---\ntitle: Colour of the year\n---\nThe colour grey.\n\nA grey colour, said the the judge.\n"
FIXED = "---\ntitle: Colour of the year\n---\nThe color gray.\n\nA gray color, said the judge.\n"


@pytest.fixture
def project(tmp_path, monkeypatch):
    write_project(tmp_path,
                  rule("house.spell", "substitution", "write {replacement}", swap={"colour": "color", "grey": "gray"}),
                  rule("house.twice", "repetition", "twice: {word}"),
                  rule("house.zebra", "existence", "{match}", tokens=["zebra"]))
    write(tmp_path / "a.md", TEXT)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_without_fix_the_file_is_untouched(project, capsys):
    before = (project / "a.md").read_bytes()
    mtime = (project / "a.md").stat().st_mtime_ns
    code, data, _ = run_json(capsys, "a.md")
    assert code == 1
    assert [(f["line"], f["column"], f["fix"]["replacement"]) for f in data["findings"]] == [
        (4, 5, "color"), (4, 12, "gray"), (6, 3, "gray"), (6, 8, "color"), (6, 21, "the")]
    assert (project / "a.md").read_bytes() == before
    assert (project / "a.md").stat().st_mtime_ns == mtime


def test_fix_rewrites_and_reports_the_count(project, capsys):
    os.chmod(project / "a.md", 0o640)
    inode = (project / "a.md").stat().st_ino
    code, out, err = run(capsys, "a.md", "--fix")
    assert (project / "a.md").read_text(encoding="utf-8") == FIXED
    assert stat.S_IMODE((project / "a.md").stat().st_mode) == 0o640
    assert (project / "a.md").stat().st_ino != inode  # replaced by rename, not written in place
    assert code == 0  # every finding was fixed
    assert out == "No findings (1 file checked, 5 fixed).\n"
    assert [p.name for p in project.iterdir() if "lint-tmp" in p.name] == []
    # a second run has nothing left to fix
    assert run(capsys, "a.md", "--fix") == (0, "No findings (1 file checked).\n", "")


def test_fix_keeps_unfixable_findings(project, capsys):
    write(project / "a.md", "A zebra in grey.\n")
    code, data, _ = run_json(capsys, "a.md", "--fix")
    assert code == 1
    assert [f["rule"] for f in data["findings"]] == ["house.zebra"]
    assert (project / "a.md").read_text() == "A zebra in gray.\n"


def test_diff_prints_and_writes_nothing(project, capsys):
    before = (project / "a.md").read_bytes()
    code, out, err = run(capsys, "a.md", "--diff")
    assert (project / "a.md").read_bytes() == before
    assert out == (
        "--- a/a.md\n+++ b/a.md\n"
        "@@ -1,6 +1,6 @@\n"
        " ---\n title: Colour of the year\n ---\n"
        "-The colour grey.\n+The color gray.\n"
        " \n"
        "-A grey colour, said the the judge.\n+A gray color, said the judge.\n"
    )
    assert code == 1


def test_fix_with_crlf_and_non_ascii(project, capsys):
    (project / "a.md").write_bytes("Café grey\r\n\r\nNaïve colour\r\n".encode("utf-8"))
    run(capsys, "a.md", "--fix")
    assert (project / "a.md").read_bytes() == "Café gray\r\n\r\nNaïve color\r\n".encode("utf-8")


def test_fix_keeps_a_byte_order_mark(project, capsys):
    (project / "a.md").write_bytes(b"\xef\xbb\xbfThe grey colour.\n")
    code, out, err = run(capsys, "a.md", "--fix")
    assert err == ""
    assert (project / "a.md").read_bytes() == b"\xef\xbb\xbfThe gray color.\n"
    assert out == "No findings (1 file checked, 2 fixed).\n"


def test_cp1252_file_is_not_fixed(project, capsys):
    (project / "a.md").write_bytes(b"The caf\xe9 is grey.\n")
    code, data, err = run_json(capsys, "a.md", "--fix")
    assert (project / "a.md").read_bytes() == b"The caf\xe9 is grey.\n"
    assert "a.md: not fixed, the file is not readable as UTF-8" in err
    assert [f["rule"] for f in data["findings"]] == ["input.encoding", "house.spell"]


def test_fix_multiple_files(project, capsys):
    write(project / "b.md", "grey\n")
    code, out, _ = run(capsys, ".", "--fix")
    assert (project / "b.md").read_text() == "gray\n"
    assert out == "No findings (2 files checked, 6 fixed).\n"


# --- the fix applier directly ------------------------------------------------------------------

def _finding(start, end, original, replacement):
    return Finding("x.y", "warning", "m", Location("f.md", 1, start + 1, 1, end + 1),
                   fix=Fix(start, end, original, replacement))


def test_overlapping_fixes_take_one(tmp_path):
    path = tmp_path / "f.md"
    path.write_text("abcdef\n")
    first, overlapping = _finding(0, 3, "abc", "X"), _finding(2, 5, "cde", "Y")
    result = fix.apply([first, overlapping], {"f.md": path}, write=True)
    assert path.read_text() in ("Xdef\n", "abYf\n")
    assert len(result.applied) == 1


def test_file_changed_since_read_is_left_alone(tmp_path):
    path = tmp_path / "f.md"
    path.write_text("grey\n")
    stale = _finding(0, 4, "gray", "grey")
    result = fix.apply([stale], {"f.md": path}, write=True)
    assert path.read_text() == "grey\n"
    assert result.applied == []
    assert result.notices == ["f.md: not fixed, the file changed since it was read"]
