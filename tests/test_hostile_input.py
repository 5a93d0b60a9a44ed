"""Bad input a newsroom archive really holds: impossible front-matter dates, every kind of line
ending, UTF-16 and UTF-32 files, stray NUL bytes. Each is reported on its own article; no file
stops the run or the archive index."""
from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from lint.sources import SourceLines

from corehelp import run, run_json, write

DATES = ["2025-02-30", "0000-01-01", "2025-01-01T25:99", "2025-01-01 10:99:00", "2025-01-01T25:00:00",
         "yesterday", "12345"]


def dated(value: str) -> str:
    return f"---\ntitle: Council votes on the budget\ndate: {value}\n---\nThe council met and the the vote passed.\n"


@pytest.fixture
def newsroom(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --- publication dates -------------------------------------------------------------------------

@pytest.mark.parametrize("value", DATES)
def test_a_bad_front_matter_date_is_a_finding_and_the_article_is_still_checked(newsroom, capsys, value):
    write(newsroom / "a.md", dated(value))
    code, data, err = run_json(capsys, "--no-cache", "a.md")
    assert code == 1 and err == ""
    found = [(f["rule"], f["line"]) for f in data["findings"]]
    assert found == [("input.front-matter", 3), ("style.repeated-word", 5)]
    message = data["findings"][0]["message"]
    assert f"date: {value}" in message and "not taken as the publication date" in message


def test_good_front_matter_dates_are_read_without_a_finding(newsroom, capsys):
    for number, value in enumerate(["2019-03-26 12:38:00 -0500", "2019-03-26 9:38:00 -5",
                                    "'2019-03-26T12:38:00-05:00'", "2019-03-26T12:38:00.123Z", "2019-03-26"]):
        write(newsroom / f"g{number}.md", dated(value).replace("Council", f"Council {number}"))
    code, data, _ = run_json(capsys, "--no-cache", "--select", "input", ".")
    assert code == 0 and data["findings"] == []


def test_a_bad_date_in_an_html_meta_tag_is_a_finding(newsroom, capsys):
    write(newsroom / "p.html", '<html><head>\n<meta name="date" content="2025-02-30">\n</head>\n'
                               "<body><h1>Council votes</h1><p>The council met and the the vote passed.</p></body></html>\n")
    code, data, _ = run_json(capsys, "--no-cache", "p.html")
    assert [(f["rule"], f["line"]) for f in data["findings"]] == [("input.front-matter", 2), ("style.repeated-word", 4)]
    assert "2025-02-30" in data["findings"][0]["message"]


def test_the_archive_index_survives_an_article_with_a_bad_date(tmp_path, monkeypatch, capsys):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "news" / "bad.md", dated("2025-02-30"))
    write(tmp_path / "news" / "good.md", "---\ntitle: Bridge reopens\ndate: 2025-03-01\n---\nThe bridge reopened.\n")
    for _ in range(2):  # the first run builds the index, the second reads it
        code, data, err = run_json(capsys, "news/good.md")
        assert (code, data["findings"], err) == (0, [], "")
    code, data, _ = run_json(capsys, "news/bad.md")
    assert [f["rule"] for f in data["findings"]] == ["input.front-matter", "style.repeated-word"]


@pytest.mark.parametrize("front_matter", ["count: !!int abc", "when: !!timestamp soon", "n: !!float x"])
def test_a_value_its_tag_cannot_make_is_malformed_front_matter(newsroom, capsys, front_matter):
    write(newsroom / "t.md", f"---\n{front_matter}\n---\nThe the end.\n")
    code, data, err = run_json(capsys, "--no-cache", "t.md")
    assert err == "" and [f["rule"] for f in data["findings"]] == ["input.front-matter", "style.repeated-word"]


# --- line endings ------------------------------------------------------------------------------

BODY = ("Harbour bridge reopens after repairs\n\n"
        "Engineers said the the deck was sound. Work began on February 30.\n"
        "Traffic returned by noon.\n\n"
        "Crews said the the paint was dry.\n")
FORMATS = {
    "md": "---\ntitle: Harbour bridge reopens after repairs\n---\nThe bridge reopened this week.\n\n" + BODY,
    "txt": "Harbour bridge reopens after repairs\n\nThe bridge reopened this week.\n\n" + BODY,
    "html": "<html><head><title>Harbour bridge reopens after repairs</title></head><body>\n"
            "<h1>Harbour bridge reopens after repairs</h1>\n<p>The bridge reopened this week.</p>\n<div>\n"
            + BODY.replace("\n\n", "\n</div>\n<p>\n") + "</p></body></html>\n",
}
ENDINGS = {
    "lf": lambda t: t,
    "crlf": lambda t: t.replace("\n", "\r\n"),
    "cr": lambda t: t.replace("\n", "\r"),
    "mixed": lambda t: t.replace("\n", "\r\n", 4).replace("sound. ", "sound.\r"),
    "cr-cr-in-paragraph": lambda t: t.replace("sound. ", "sound.\r\r"),
    "stray-cr": lambda t: t.replace("reopened this", "reopened\rthis"),
    "u2028": lambda t: t.replace("sound. ", "sound.\u2028"),
    "form-feed": lambda t: t.replace("Traffic", "\fTraffic"),
}
EXPECTED = [("headlines.repeated-in-body", "Harbour bridge reopens after repairs"),
            ("style.repeated-word", "the the"), ("dates.impossible", "February 30"),
            ("style.repeated-word", "the the")]


def line_of(raw: str, offset: int) -> int:
    """The line model, written out: a line ends at CRLF, a lone CR or LF."""
    return len(re.findall(r"\r\n|\r|\n", raw[:offset])) + 1


@pytest.mark.parametrize("suffix", FORMATS)
@pytest.mark.parametrize("ending", ENDINGS)
def test_every_line_ending_gives_the_same_findings_at_the_right_lines(newsroom, capsys, suffix, ending):
    raw = ENDINGS[ending](FORMATS[suffix])
    (newsroom / f"a.{suffix}").write_bytes(raw.encode("utf-8"))
    code, data, err = run_json(capsys, "--no-cache", "--select", "headlines,style,dates,input", f"a.{suffix}")
    assert err == ""
    lines = SourceLines({f"a.{suffix}": f"a.{suffix}"})
    found, cursor = [], raw.index("this week")  # the findings follow, in order
    for finding in data["findings"]:
        excerpt = lines.line(finding["path"], finding["line"])
        text = excerpt[finding["column"] - 1:finding["end_column"] - 1]
        found.append((finding["rule"], text))
        cursor = raw.index(text, cursor)
        assert finding["line"] == line_of(raw, cursor), finding
        cursor += 1
    assert found == EXPECTED


def test_source_lines_follow_the_line_model(tmp_path):
    path = tmp_path / "x.txt"
    path.write_bytes("one\r\ntwo\rthree\nfour\u2028still four\ffive\n".encode("utf-8"))
    lines = SourceLines({"x.txt": str(path)})
    assert [lines.line("x.txt", n) for n in range(1, 6)] == [
        "one", "two", "three", "four\u2028still four\ffive", None]


# --- encodings and NUL bytes -------------------------------------------------------------------

UNICODE_ARTICLE = "Café owners said the the rent rose.\n\nA second paragraph.\n"


@pytest.mark.parametrize("codec,bom", [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
                                       ("utf-32-le", b"\xff\xfe\x00\x00"), ("utf-32-be", b"\x00\x00\xfe\xff")])
def test_utf16_and_utf32_are_read_by_their_byte_order_mark(newsroom, capsys, codec, bom):
    (newsroom / "u.txt").write_bytes(bom + UNICODE_ARTICLE.encode(codec))
    code, data, err = run_json(capsys, "--no-cache", "u.txt")
    assert err == "" and data["files_checked"] == 1
    assert [(f["rule"], f["line"], f["column"]) for f in data["findings"]] == [("style.repeated-word", 1, 18)]
    code, out, _ = run(capsys, "--no-cache", "u.txt")
    assert "1 | Café owners said the the rent rose." in out


def test_bad_utf16_is_read_with_a_finding(newsroom, capsys):
    (newsroom / "u.txt").write_bytes(b"\xff\xfe" + "One.\nTwo the the.\n".encode("utf-16-le") + b"\x00\xd8")
    code, data, err = run_json(capsys, "--no-cache", "u.txt")
    assert err == ""
    assert [(f["rule"], f["line"]) for f in data["findings"]] == [("style.repeated-word", 2), ("input.encoding", 3)]
    assert data["findings"][1]["message"].startswith("file is not valid UTF-16-LE")


def test_a_nul_byte_in_text_is_a_finding_not_a_skip(newsroom, capsys):
    (newsroom / "n.md").write_bytes(b"# Budget passes\n\nThe council\x00 voted and the the budget passed.\n")
    code, data, err = run_json(capsys, "--no-cache", "n.md")
    assert err == "" and data["files_checked"] == 1
    assert [(f["rule"], f["level"], f["line"], f["column"]) for f in data["findings"]] == [
        ("input.nul-byte", "warning", 3, 12), ("style.repeated-word", "warning", 3, 24)]


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(range(256)),
    b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 5 >>\nstream\n\x00\x01\x02\x03\x04\nendstream\n",
    b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(200),
    bytes(range(256)) * 8,
    bytes(64),
])
def test_real_binaries_are_still_skipped(newsroom, capsys, data):
    (newsroom / "image.md").write_bytes(data)
    code, data, err = run_json(capsys, "--no-cache", "image.md")
    assert (code, err) == (1, "")
    assert [(f["rule"], f["message"]) for f in data["findings"]] == [("input.skipped", "skipped: binary file")]


def test_a_folder_of_hostile_files_and_the_seed(newsroom, capsys):
    seed = Path(__file__).resolve().parent.parent / "seeds" / "000_897c2a44bb649566.txt"
    (newsroom / "seed.txt").write_bytes(seed.read_bytes())
    for number, value in enumerate(DATES):
        write(newsroom / f"date{number}.md", dated(value).replace("budget", f"budget {number}"))
    for ending in ("cr", "cr-cr-in-paragraph", "stray-cr"):
        (newsroom / f"{ending}.md").write_bytes(ENDINGS[ending](FORMATS["md"]).encode("utf-8"))
    (newsroom / "utf16.txt").write_bytes(b"\xff\xfe" + UNICODE_ARTICLE.encode("utf-16-le"))
    (newsroom / "nul.md").write_bytes(b"# Budget\n\nThe council\x00 voted.\n")
    (newsroom / "cp1252.txt").write_bytes(b"Caf\xe9 owners\n\nThe rent rose.\n")
    (newsroom / "photo.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    write(newsroom / "minified.html", "<html><body><p>" + "The the port reopened on March 3. " * 3000 + "</p></body></html>")
    (newsroom / "report.html").write_text('<html><head><meta name="generator" content="newsroom-lint report">'
                                          '</head><body><p>The the report.</p></body></html>')
    code, data, err = run_json(capsys, "--no-cache", ".")
    assert code == 1 and err == "lint: report.html: passed over, a report this linter wrote\n"
    by_file = {}
    for finding in data["findings"]:
        by_file.setdefault(finding["path"], []).append(finding["rule"])
    assert data["files_checked"] == 1 + len(DATES) + 3 + 3 + 1
    assert by_file["seed.txt"] == ["input.page-residue", "headlines.repeated-in-body", "dates.timeline-outlier"]
    for number in range(len(DATES)):
        assert by_file[f"date{number}.md"][0] == "input.front-matter"
    assert by_file["nul.md"] == ["input.nul-byte"] and by_file["cp1252.txt"] == ["input.encoding"]
    assert "style.repeated-word" in by_file["utf16.txt"]
    assert by_file["photo.md"] == ["input.skipped"]
    assert by_file["minified.html"].count("style.repeated-word") == 3000
    for ending in ("cr", "cr-cr-in-paragraph", "stray-cr"):
        assert by_file[f"{ending}.md"].count("style.repeated-word") == 2


# --- long lines ---------------------------------------------------------------------------------

def test_a_long_line_is_shown_as_a_window_around_each_finding(newsroom, capsys):
    """A minified export puts a whole article on one line: every format shows a window around the
    span, so output and memory follow the input, not findings times the line's length."""
    sentence = "The port said the the ships would sail on February 30 from the harbour. "
    write(newsroom / "a.html", "<html><body><p>" + sentence * 1500 + "</p></body></html>\n")  # one 110 KB line
    code, out, _ = run(capsys, "--no-cache", "--select", "style.repeated-word,dates.impossible", "a.html")
    assert code == 1
    findings = out.count("\n  |\n")
    assert findings == 3000
    assert len(out) < findings * 700  # a window of the line each, not 110 KB each
    shown = [line for line in out.splitlines() if line.startswith("1 | ")]
    assert len(shown) == findings and all(len(line) < 400 for line in shown)
    assert sum(line.startswith("1 | …") and line.endswith("…") for line in shown) > findings - 10
    code, data, _ = run_json(capsys, "--no-cache", "--select", "dates", "a.html")
    assert code == 1 and len(data["findings"]) == 1500
    assert all(len(json.dumps(f)) < 1000 for f in data["findings"])  # each finding carries its own dates


# --- what the walk cannot read ------------------------------------------------------------------

def test_an_unreadable_folder_is_reported_not_passed_over(newsroom, capsys, monkeypatch):
    """(The tests may run as root, who reads every folder: the refusal is simulated.)"""
    import os as real_os

    write(newsroom / "news" / "a.md", "The council met.\n")
    write(newsroom / "news" / "locked" / "b.md", "The the council met.\n")
    scandir = real_os.scandir

    def refusing(path):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr("lint.collect.os.scandir", refusing)
    code, data, err = run_json(capsys, "--no-cache", "news")
    assert (code, err) == (1, "")
    assert [(f["path"], f["rule"], f["message"]) for f in data["findings"]] == [
        ("news/locked", "input.skipped", "skipped: directory could not be read: Permission denied")]


def test_a_symbolic_link_loop_in_the_archive_is_reported_and_the_run_goes_on(newsroom, capsys):
    subprocess.run(["git", "init", "-q", str(newsroom)], check=True)
    write(newsroom / "news" / "a.md", "The the council met.\n")
    (newsroom / "news" / "loop").symlink_to("loop")  # a link to itself
    (newsroom / "news" / "up").symlink_to("..")  # a link to a directory: not followed
    (newsroom / ".lint.yaml").write_text("content-paths: [news]\n")
    code, data, err = run_json(capsys, "news/a.md")  # the archive walk meets the loop: no abort
    assert (code, err) == (1, "") and [f["rule"] for f in data["findings"]] == ["style.repeated-word"]
    code, data, err = run_json(capsys, "news")
    assert (code, err) == (1, "")
    assert sorted((f["path"], f["rule"]) for f in data["findings"]) == [
        ("news/a.md", "style.repeated-word"), ("news/loop", "input.skipped")]
    assert "Too many levels of symbolic links" in data["findings"][1]["message"]


def test_a_cached_file_that_can_no_longer_be_read_is_an_error_not_its_old_findings(newsroom, capsys, monkeypatch):
    import subprocess as sp

    sp.run(["git", "init", "-q", str(newsroom)], check=True)
    write(newsroom / "a.md", "The the council met.\n")
    code, data, _ = run_json(capsys, "a.md")
    assert code == 1 and data["findings"]  # now in the index
    read_bytes = Path.read_bytes
    monkeypatch.setattr("lint.incremental.os.access", lambda path, mode: not str(path).endswith("a.md"))
    monkeypatch.setattr(Path, "read_bytes", lambda self: (_ for _ in ()).throw(PermissionError(13, "Permission denied"))
                        if self.name == "a.md" else read_bytes(self))
    code, out, err = run(capsys, "a.md")
    assert code == 2 and err == "lint: a.md: cannot read: Permission denied\n"


# --- signals ------------------------------------------------------------------------------------

def _children(pid: int) -> set[int]:
    found = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found |= {int(c) for c in (task / "children").read_text().split()}
        except OSError:
            pass
    return found


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc to see the workers")
@pytest.mark.parametrize("how", ["SIGTERM", "SIGKILL"])
def test_the_worker_processes_end_with_the_run(tmp_path, how):
    import signal
    import sys
    import time

    for n in range(3000):
        write(tmp_path / "news" / f"a{n:04}.md", f"# Council meets {n}\n\nThe the council met on March {n % 28 + 1}. " * 20)
    proc = subprocess.Popen([sys.executable, "-m", "lint", "--no-cache", "--jobs", "2", "news"], cwd=tmp_path,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline, workers = time.time() + 60, set()
    while time.time() < deadline and len(workers) < 2 and proc.poll() is None:
        workers = _children(proc.pid)
        time.sleep(0.05)
    assert len(workers) >= 2, "the run never started its workers"
    proc.send_signal(getattr(signal, how))
    _, err = proc.communicate(timeout=60)
    deadline = time.time() + 20
    while time.time() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.1)
    assert not any(_alive(w) for w in workers), f"workers outlived the run ({how})"
    if how == "SIGTERM":
        assert proc.returncode == 143 and err.strip() == "lint: terminated", err


# --- reports written inside the archive ---------------------------------------------------------

@pytest.mark.parametrize("fmt,name", [("html", "report.html"), ("text", "report.txt"), ("github", "notes.txt")])
def test_a_report_written_into_the_tree_is_not_linted_next_time(newsroom, capsys, fmt, name):
    write(newsroom / "news" / "a.md", "---\ntitle: Council\n---\nThe the council met on February 30.\n")
    code, _, _ = run(capsys, "--no-cache", "--format", fmt, "--output", f"news/{name}", "news")
    assert code == 1 and (newsroom / "news" / name).exists()
    code, data, err = run_json(capsys, "--no-cache", "news")
    assert {f["path"] for f in data["findings"]} == {"news/a.md"} and data["files_checked"] == 1
    assert err == f"lint: news/{name}: passed over, a report this linter wrote\n"


def test_an_article_quoting_a_lint_line_is_still_an_article(newsroom, capsys):
    write(newsroom / "a.txt", "a.md:3:1: warning dates.impossible is what the linter printed.\n\n"
                              "The the editors laughed.\n")
    code, data, err = run_json(capsys, "--no-cache", "a.txt")
    assert err == "" and [f["rule"] for f in data["findings"]] == ["style.repeated-word"]
