"""Reporters rendered directly (exact strings), and headline checks across articles."""
from __future__ import annotations

import json

import pytest

from lint.model import Excerpt, Finding, Fix, Location, Related
from lint.report import Report, render

from corehelp import run, run_json, write


def finding(level="warning", loc=Location("a.md", 2, 3, 2, 6), related=(), fix=None, rule="x.y", message="msg",
            line=None):
    """A finding; `line` is the text of its line, from which its excerpt is made."""
    excerpt = None if line is None else Excerpt.around(line, loc)
    return Finding(rule, level, message, loc, list(related), fix, excerpt=excerpt)


def test_text_report_exact():
    report = Report([finding(related=[Related(Location("b.md", 7, 1, 7, 4), "also here")],
                             fix=Fix(0, 1, "a", "b"), line="ab zebra cd")], 2)
    assert render("text", report) == (
        "a.md:2:3: warning x.y msg\n"
        "  |\n"
        "2 | ab zebra cd\n"
        "  |   ^^^\n"
        "  = also here: b.md:7:1\n"
        "  = fix: replace with 'b'\n"
        "\n"
        "Found 1 finding (1 warning) in 1 file (2 files checked).\n")


def test_text_report_multiline_span_and_wide_gutter():
    report = Report([finding(loc=Location("a.md", 10, 4, 11, 2), line="0123456789")], 1)
    assert render("text", report).splitlines()[1:4] == [
        "   |",
        "10 | 0123456789",
        "   |    ^^^^^^^",
    ]


def test_text_report_without_source_and_with_colour():
    report = Report([finding(level="error")], 1)
    assert render("text", report) == ("a.md:2:3: error x.y msg\n\n"
                                      "Found 1 finding (1 error) in 1 file (1 file checked).\n")
    coloured = render("text", Report([finding(level="error")], 1, color=True))
    assert "\033[31merror\033[0m" in coloured and "\033[1ma.md:2:3:\033[0m" in coloured


def test_text_report_tabs_keep_the_underline_aligned():
    report = Report([finding(loc=Location("a.md", 1, 3, 1, 6), line="\t\tabc")], 1)
    assert render("text", report).splitlines()[2:4] == ["1 |   abc", "  |   ^^^"]


@pytest.mark.parametrize("findings,files,fixed,summary", [
    ([], 0, 0, "No findings (0 files checked)."),
    ([], 3, 2, "No findings (3 files checked, 2 fixed)."),
    ([finding("info")], 1, 0, "Found 1 finding (1 info) in 1 file (1 file checked)."),
    ([finding("info"), finding("info"), finding("error")], 4, 1,
     "Found 3 findings (1 error, 2 info) in 1 file (4 files checked, 1 fixed)."),
])
def test_text_summary(findings, files, fixed, summary):
    assert render("text", Report(findings, files, fixed)).splitlines()[-1] == summary


def test_json_report_exact():
    report = Report([finding(related=[Related(Location("b.md", 7, 1, 7, 4), "also here")],
                             fix=Fix(0, 1, "a", "b"))], 2)
    assert json.loads(render("json", report)) == {
        "version": 1, "files_checked": 2,
        "findings": [{"path": "a.md", "line": 2, "column": 3, "end_line": 2, "end_column": 6, "rule": "x.y",
                      "level": "warning", "message": "msg",
                      "related": [{"path": "b.md", "line": 7, "column": 1, "message": "also here"}],
                      "fix": {"replacement": "b"}, "kind": "", "data": {}}]}
    assert json.loads(render("json", Report([], 0))) == {"version": 1, "files_checked": 0, "findings": []}


def test_json_keeps_non_ascii():
    out = render("json", Report([finding(message="naïve “quote”")], 1))
    assert "naïve “quote”" in out


def test_github_report():
    report = Report([finding("info", message="a: b, 100%"), finding("error", rule="p.q")], 1)
    assert render("github", report) == (
        "::notice file=a.md,line=2,col=3,endLine=2,endColumn=6,title=x.y::a: b, 100%25\n"
        "::error file=a.md,line=2,col=3,endLine=2,endColumn=6,title=p.q::msg\n")
    assert render("github", Report([], 3)) == ""


def test_source_lines_are_read_fresh_on_each_run(tmp_path, monkeypatch, capsys):
    """Two in-process runs over files with the same relative path must each show their own text."""
    for name, body in (("one", "Bridge reopens after long repairs"), ("two", "Tunnel closes for winter works")):
        project = tmp_path / name
        write(project / "a.md", f"---\ntitle: {body}\n---\n{body}\n")
        (project / ".lint.yaml").write_text("")
        monkeypatch.chdir(project)
        code, out, _ = run(capsys, "a.md", "--select", "headlines")
        assert f"4 | {body}\n" in out


# --- headlines across articles -----------------------------------------------------------------

def article(title: str, body: str = "The story itself is told here.") -> str:
    return f"---\ntitle: \"{title}\"\n---\n{body}\n"


@pytest.fixture
def newsroom(tmp_path, monkeypatch):
    (tmp_path / ".lint.yaml").write_text("")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def across(capsys, *paths):
    code, data, _ = run_json(capsys, *paths, "--select", "headlines.duplicate-across")
    return code, data["findings"]


def test_duplicate_headline_reported_on_each_article(newsroom, capsys):
    write(newsroom / "news" / "a.md", article("Rail strike called off after late talks"))
    write(newsroom / "news" / "b.md", article("Rail strike called off after late talks").replace("---\n", "---\nsource: wire\n", 1))
    write(newsroom / "news" / "c.md", article("Harbour fees rise for the first time in a decade"))
    code, found = across(capsys, "news")
    assert code == 1
    assert [(f["path"], f["line"], f["column"], f["end_column"]) for f in found] == [
        ("news/a.md", 2, 9, 48), ("news/b.md", 3, 9, 48)]
    assert found[0]["related"] == [{"path": "news/b.md", "line": 3, "column": 9,
                                    "message": "same headline: Rail strike called off after late talks"}]
    assert found[1]["related"][0]["path"] == "news/a.md" and found[1]["related"][0]["line"] == 2
    assert found[0]["message"] == 'headline "Rail strike called off after late talks" is also used by news/b.md:3'


@pytest.mark.parametrize("other", [
    "RAIL STRIKE CALLED OFF AFTER LATE TALKS",
    "Rail strike called off after late talks.",
    "Rail strike called off, after late talks!",
    "Rail  strike called off after ‘late’ talks",
    "Rail strike called of after late talks",  # one letter dropped in a long headline
])
def test_near_duplicates_are_flagged(newsroom, capsys, other):
    write(newsroom / "a.md", article("Rail strike called off after late talks"))
    write(newsroom / "b.md", article(other))
    code, found = across(capsys, "a.md", "b.md")
    assert [f["path"] for f in found] == ["a.md", "b.md"]


@pytest.mark.parametrize("first,second", [
    ("Rail strike called off after late talks", "Rail strike goes ahead after talks fail"),
    ("Rail strike called off after late talks", "Bus strike called off after late talks"),
    ("Council approves budget", "Council rejects budget"),
    ("Storm hits coast", "Storm hits coast again"),
])
def test_different_headlines_on_one_topic_are_not_flagged(newsroom, capsys, first, second):
    write(newsroom / "a.md", article(first))
    write(newsroom / "b.md", article(second))
    assert across(capsys, "a.md", "b.md") == (0, [])


def test_three_copies_and_mixed_formats(newsroom, capsys):
    write(newsroom / "a.md", article("Museum reopens its west wing to visitors"))
    write(newsroom / "b.html", "<html><head><title>Museum reopens its west wing to visitors</title></head>"
                               "<body><p>Text.</p></body></html>\n")
    write(newsroom / "c.txt", "Museum Reopens Its West Wing To Visitors\n\nText of the story.\n")
    code, found = across(capsys, ".")
    assert [(f["path"], f["line"], len(f["related"])) for f in found] == [("a.md", 2, 2), ("b.html", 1, 2), ("c.txt", 1, 2)]
    assert found[0]["message"].endswith("is also used by b.html:1")


def test_a_single_file_run_compares_only_what_it_is_given(newsroom, capsys):
    write(newsroom / "a.md", article("Rail strike called off after late talks"))
    write(newsroom / "b.md", article("Rail strike called off after late talks"))
    code, found = across(capsys, "a.md", "--no-cache") if _has_no_cache() else across(capsys, "a.md")
    assert found == []


def _has_no_cache() -> bool:
    from lint import cli
    return any("--no-cache" in a.option_strings for a in cli.build_parser()._actions)
