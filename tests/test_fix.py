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


# --- what --fix and --diff say, and what they leave alone --------------------------------------

def test_fix_with_diff_says_it_writes_nothing(project, capsys):
    before = (project / "a.md").read_bytes()
    code, out, err = run(capsys, "a.md", "--fix", "--diff")
    assert (project / "a.md").read_bytes() == before
    assert out.startswith("--- a/a.md\n")
    assert err == "lint: --fix with --diff shows the fixes and writes nothing\n"


def test_diff_with_only_unfixable_findings_says_so(project, capsys):
    write(project / "a.md", "A zebra.\n\nAnother zebra.\n")
    code, out, err = run(capsys, "a.md", "--diff")
    assert (code, out) == (1, "")
    assert err == "lint: --diff: no fix to show (2 findings, none with a fix that can be applied)\n"


def test_a_read_only_file_is_left_alone(project, capsys):
    os.chmod(project / "a.md", 0o444)
    write(project / "b.md", "grey\n")
    code, data, err = run_json(capsys, "a.md", "b.md", "--fix")
    assert (project / "a.md").read_text() == TEXT
    assert (project / "b.md").read_text() == "gray\n"
    assert err == "lint: a.md: not fixed, the file is read-only\n"
    assert [f["path"] for f in data["findings"]] == ["a.md"] * 5  # still reported


def test_a_failed_write_names_the_article_and_the_run_goes_on(project, capsys, monkeypatch):
    import tempfile

    write(project / "b.md", "grey\n")
    real = tempfile.mkstemp

    def refuse(prefix="", suffix="", dir=None):
        if prefix.startswith(".a.md."):  # a directory the linter may not write into
            raise PermissionError(13, "Permission denied", os.path.join(dir, prefix + "x7q" + suffix))
        return real(prefix=prefix, suffix=suffix, dir=dir)

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    code, data, err = run_json(capsys, "a.md", "b.md", "--fix")
    assert err == "lint: a.md: not fixed, cannot write: Permission denied\n"
    assert (project / "a.md").read_text() == TEXT and (project / "b.md").read_text() == "gray\n"


def test_atomic_write_failure_names_the_file(tmp_path, monkeypatch):
    import tempfile

    from lint.atomic import write_atomically

    def refuse(prefix="", suffix="", dir=None):
        raise PermissionError(13, "Permission denied", os.path.join(dir, prefix + "x7q" + suffix))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(OSError) as info:
        write_atomically(tmp_path / "report.json", b"{}")
    assert info.value.filename == str(tmp_path / "report.json") and "lint-tmp" not in str(info.value)


@pytest.mark.parametrize("codec,bom", [("utf-16-le", b"\xff\xfe"), ("utf-32-be", b"\x00\x00\xfe\xff")])
def test_fix_keeps_a_utf16_or_utf32_file_in_its_encoding(project, capsys, codec, bom):
    (project / "a.md").write_bytes(bom + "The grey colour.\r\n".encode(codec))
    code, out, err = run(capsys, "a.md", "--fix")
    assert (err, out) == ("", "No findings (1 file checked, 2 fixed).\n")
    assert (project / "a.md").read_bytes() == bom + "The gray color.\r\n".encode(codec)


def test_fix_in_a_file_with_lone_carriage_returns(project, capsys):
    (project / "a.md").write_bytes(b"The grey\rcolour of the the sky.\r")
    code, out, err = run(capsys, "a.md", "--diff")
    assert out.splitlines(keepends=True)[2:] == [
        "@@ -1,2 +1,2 @@\n", "-The grey\r", "-colour of the the sky.\r", "+The gray\r", "+color of the sky.\r"]
    run(capsys, "a.md", "--fix")
    assert (project / "a.md").read_bytes() == b"The gray\rcolor of the sky.\r"


def test_many_fixes_in_one_file_are_applied_in_one_pass(tmp_path):
    path = tmp_path / "f.md"
    path.write_text("grey " * 3000)
    fixes = [_finding(5 * i, 5 * i + 4, "grey", "gray") for i in range(3000)]
    result = fix.apply(fixes, {"f.md": path}, write=True)
    assert len(result.applied) == 3000 and path.read_text() == "gray " * 3000
