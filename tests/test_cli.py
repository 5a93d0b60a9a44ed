"""The command line: exit codes, output formats, rule selection, `lint rules` and `lint explain`."""
from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from lint import cli
from lint.model import Finding, Location
from lint.report import Report, github

from corehelp import rule, run, run_json, write, write_project

CHECKOUT = Path(__file__).resolve().parent.parent
SEED = "seeds/000_897c2a44bb649566.txt"

ARTICLE = """---
title: "Zoo opens a new enclosure"
date: 2026-11-20
---
The zoo opened a new enclosure on Friday.

Keepers said the zebra settled in quickly.
"""


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project with one user pack (existence rule `house.zebra`) and one article."""
    write_project(tmp_path, rule("house.zebra", "existence", "avoid {match}", tokens=["zebra"]))
    write(tmp_path / "articles" / "zoo.md", ARTICLE)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return tmp_path


# --- the seed article --------------------------------------------------------------------------

def test_seed_repeated_headline_in_process(capsys, monkeypatch):
    monkeypatch.chdir(CHECKOUT)
    code, data, err = run_json(capsys, "seeds/", "--select", "headlines")
    assert code == 1
    assert data["files_checked"] == 1
    assert [(f["path"], f["rule"], f["line"], f["column"]) for f in data["findings"]] == [
        (SEED, "headlines.repeated-in-body", 5, 1)]
    finding = data["findings"][0]
    assert finding["end_line"] == 5 and finding["end_column"] == 77
    assert finding["related"] == [{"path": SEED, "line": 3, "column": 1, "message": "headline"}]
    assert "(the headline is at line 3)" in finding["message"]


def test_seed_via_subprocess_console_script():
    exe = CHECKOUT / ".venv" / "bin" / "lint"
    result = subprocess.run([str(exe), "seeds/", "--select", "headlines"], cwd=CHECKOUT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1, result.stderr
    first = result.stdout.splitlines()[0]
    assert first.startswith(f"{SEED}:5:1: warning headlines.repeated-in-body headline repeated in the body")
    assert "\033[" not in result.stdout  # not a terminal: no colour
    assert result.stdout.splitlines()[-1] == "Found 1 finding (1 warning) in 1 file (1 file checked)."


def test_python_dash_m_exit_codes(project):
    ok = subprocess.run([sys.executable, "-m", "lint", "--ignore", "house"], cwd=project,
                        capture_output=True, text=True, timeout=60)
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout == "No findings (1 file checked).\n"
    bad = subprocess.run([sys.executable, "-m", "lint"], cwd=project, capture_output=True, text=True, timeout=60)
    assert bad.returncode == 1
    assert bad.stdout.startswith("articles/zoo.md:7:18: warning house.zebra avoid zebra\n")
    usage = subprocess.run([sys.executable, "-m", "lint", "--format", "xml"], cwd=project,
                           capture_output=True, text=True, timeout=60)
    assert usage.returncode == 2
    assert usage.stderr.startswith("lint: usage:") and "Traceback" not in usage.stderr


# --- exit codes --------------------------------------------------------------------------------

@pytest.mark.parametrize("level,fail_on,expected", [
    ("warning", None, 1), ("info", None, 0), ("error", None, 1),
    ("warning", "error", 0), ("error", "error", 1),
    ("info", "info", 1), ("info", "warning", 0), ("warning", "info", 1),
])
def test_exit_code_follows_fail_level(tmp_path, monkeypatch, capsys, level, fail_on, expected):
    write_project(tmp_path, rule("house.zebra", "existence", "avoid {match}", level=level, tokens=["zebra"]))
    write(tmp_path / "a.md", "A zebra.\n")
    monkeypatch.chdir(tmp_path)
    args = ["a.md"] + (["--fail-on", fail_on] if fail_on else [])
    code, out, err = run(capsys, *args)
    assert code == expected
    assert out.startswith(f"a.md:1:3: {level} house.zebra avoid zebra\n")


def test_clean_run_exits_zero(project, capsys):
    write(project / "articles" / "zoo.md", "Nothing to see.\n")
    assert run(capsys, "articles") == (0, "No findings (1 file checked).\n", "")


def test_fail_on_from_configuration(tmp_path, monkeypatch, capsys):
    write_project(tmp_path, rule("house.zebra", "existence", tokens=["zebra"]), config="fail-on: error\n")
    write(tmp_path / "a.md", "A zebra.\n")
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "a.md")[0] == 0
    assert run(capsys, "a.md", "--fail-on", "warning")[0] == 1  # the option wins over the file


@pytest.mark.parametrize("args,message", [
    (["--format", "xml"], "lint: usage:"),
    (["--fail-on", "fatal"], "lint: usage:"),
    (["--bogus"], "lint: usage: unrecognized arguments: --bogus"),
    (["missing.md"], "lint: missing.md: no such file or directory"),
    (["--config", "nope.yaml"], "lint: nope.yaml: configuration file not found"),
    (["--published", "25/11/2026"], "lint: --published: expected YYYY-MM-DD, got '25/11/2026'"),
])
def test_usage_errors_exit_two_with_one_line(project, capsys, args, message):
    code, out, err = run(capsys, *args)
    assert code == 2
    assert out == ""
    assert err.startswith(message)
    assert len(err.strip().splitlines()) == 1


# --- JSON --------------------------------------------------------------------------------------

FINDING_KEYS = {"path", "line", "column", "end_line", "end_column", "rule", "level", "message", "related", "fix",
                "kind", "data"}


def test_json_contract(project, capsys):
    code, data, err = run_json(capsys, "articles")
    assert code == 1
    assert set(data) == {"version", "files_checked", "findings"}
    assert data["version"] == 1 and data["files_checked"] == 1
    assert data["findings"] == [{
        "path": "articles/zoo.md", "line": 7, "column": 18, "end_line": 7, "end_column": 23,
        "rule": "house.zebra", "level": "warning", "message": "avoid zebra", "related": [], "fix": None,
        "kind": "existence", "data": {"match": "zebra"},
    }]


def test_json_related_and_fix_shapes(tmp_path, monkeypatch, capsys):
    write_project(tmp_path,
                  rule("house.spelling", "substitution", "{match} -> {replacement}", swap={"colour": "color"}),
                  rule("house.either", "consistency", "{match} vs {preferred}", either={"email": "e-mail"}))
    write(tmp_path / "x.md", "The colour of email.\n\nMore email, one e-mail.\n")
    monkeypatch.chdir(tmp_path)
    code, data, _ = run_json(capsys, "x.md")
    for finding in data["findings"]:
        assert set(finding) == FINDING_KEYS
        for related in finding["related"]:
            assert set(related) == {"path", "line", "column", "message"}
        assert finding["fix"] is None or set(finding["fix"]) == {"replacement"}
    by_rule = {f["rule"]: f for f in data["findings"]}
    assert by_rule["house.spelling"]["fix"] == {"replacement": "color"}
    assert (by_rule["house.spelling"]["line"], by_rule["house.spelling"]["column"]) == (1, 5)
    assert by_rule["house.either"]["related"] == [
        {"path": "x.md", "line": 1, "column": 15, "message": "'email' used here"}]
    assert (by_rule["house.either"]["line"], by_rule["house.either"]["column"]) == (3, 17)


@pytest.mark.parametrize("given,shown", [
    ("articles", "articles/zoo.md"), ("articles/", "articles/zoo.md"), ("./articles", "./articles/zoo.md"),
    ("articles/zoo.md", "articles/zoo.md"), (".", "articles/zoo.md"),
])
def test_paths_are_shown_as_given(project, capsys, given, shown):
    _, data, _ = run_json(capsys, given)
    assert [f["path"] for f in data["findings"]] == [shown]


def test_output_file(project, capsys):
    code, out, err = run(capsys, "--format", "json", "--output", "report.json")
    assert code == 1 and out == ""
    data = json.loads((project / "report.json").read_text(encoding="utf-8"))
    assert data["findings"][0]["rule"] == "house.zebra"


# --- text --------------------------------------------------------------------------------------

def test_text_format_exact(project, capsys):
    code, out, err = run(capsys, "articles")
    assert code == 1
    assert out == (
        "articles/zoo.md:7:18: warning house.zebra avoid zebra\n"
        "  |\n"
        "7 | Keepers said the zebra settled in quickly.\n"
        "  |                  ^^^^^\n"
        "\n"
        "Found 1 finding (1 warning) in 1 file (1 file checked).\n"
    )


def test_text_summary_counts_levels_and_files(tmp_path, monkeypatch, capsys):
    write_project(tmp_path, rule("house.zebra", "existence", level="error", tokens=["zebra"]),
                  rule("house.lion", "existence", level="info", tokens=["lion"]),
                  rule("house.ox", "existence", tokens=["ox"]))
    write(tmp_path / "a.md", "zebra zebra lion\n")
    write(tmp_path / "b.md", "ox lion\n")
    write(tmp_path / "c.md", "nothing\n")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, ".")
    assert out.splitlines()[-1] == "Found 5 findings (2 errors, 1 warning, 2 info) in 2 files (3 files checked)."


def test_text_shows_related_and_fix(tmp_path, monkeypatch, capsys):
    write_project(tmp_path, rule("house.spelling", "substitution", "use {replacement}", swap={"colour": "color"}),
                  rule("house.either", "consistency", "{match} vs {preferred}", either={"email": "e-mail"}))
    write(tmp_path / "x.md", "The colour.\n\nemail email e-mail\n")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run(capsys, "x.md")
    assert "  = fix: replace with 'color'\n" in out
    assert "  = 'email' used here: x.md:3:1\n" in out


class _Tty(io.StringIO):
    def isatty(self):
        return True


@pytest.mark.parametrize("env,fmt,colored", [
    ({}, "text", True), ({"NO_COLOR": "1"}, "text", False), ({"NO_COLOR": ""}, "text", True),
    ({}, "json", False),
])
def test_colour_only_on_a_terminal_without_no_color(project, monkeypatch, env, fmt, colored):
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    fake = _Tty()
    monkeypatch.setattr(sys, "stdout", fake)
    cli.main(["--format", fmt])
    assert ("\033[" in fake.getvalue()) is colored


def test_no_colour_when_not_a_terminal(project, capsys):
    out = run(capsys)[1]
    assert "\033[" not in out and out.startswith("articles/zoo.md:7:18:")


# --- github ------------------------------------------------------------------------------------

def test_github_format(tmp_path, monkeypatch, capsys):
    write_project(tmp_path, rule("house.zebra", "existence", "100% sure: no {match}", tokens=["zebra"]),
                  rule("house.lion", "existence", "lion", level="info", tokens=["lion"]),
                  rule("house.ox", "existence", "ox", level="error", tokens=["ox"]))
    write(tmp_path / "a,b:c.md", "zebra\nlion ox\n")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "--format", "github", "a,b:c.md")
    assert code == 1
    assert out.splitlines() == [
        "::warning file=a%2Cb%3Ac.md,line=1,col=1,endLine=1,endColumn=6,title=house.zebra::100%25 sure: no zebra",
        "::notice file=a%2Cb%3Ac.md,line=2,col=1,endLine=2,endColumn=5,title=house.lion::lion",
        "::error file=a%2Cb%3Ac.md,line=2,col=6,endLine=2,endColumn=8,title=house.ox::ox",
    ]


def test_github_escapes_newlines_in_messages():
    finding = Finding("a.b", "warning", "first\r\nsecond 50%", Location("x.md", 1, 2, 3, 4))
    assert github.render(Report([finding], 1)) == (
        "::warning file=x.md,line=1,col=2,endLine=3,endColumn=4,title=a.b::first%0D%0Asecond 50%25\n")


# --- selection ---------------------------------------------------------------------------------

@pytest.fixture
def three_rules(tmp_path, monkeypatch):
    write_project(tmp_path, rule("house.zebra", "existence", tokens=["zebra"]),
                  rule("house.crossing", "existence", tokens=["crossing"]),
                  rule("other.lion", "existence", tokens=["lion"]))
    write(tmp_path / "a.md", "zebra crossing lion\n")
    monkeypatch.chdir(tmp_path)


@pytest.mark.parametrize("args,rules", [
    ([], ["house.crossing", "house.zebra", "other.lion"]),
    (["--select", "house"], ["house.crossing", "house.zebra"]),
    (["--select", "house."], ["house.crossing", "house.zebra"]),
    (["--select", "house.zebra"], ["house.zebra"]),
    (["--select", "other.lion,house.zebra"], ["house.zebra", "other.lion"]),
    (["--select", "other", "--select", "house.crossing"], ["house.crossing", "other.lion"]),
    (["--select", "ALL"], ["house.crossing", "house.zebra", "other.lion"]),
    (["--ignore", "house"], ["other.lion"]),
    (["--ignore", "house.zebra"], ["house.crossing", "other.lion"]),
    (["--ignore", "house.zebra,other"], ["house.crossing"]),
    (["--select", "house", "--ignore", "house.crossing"], ["house.zebra"]),
])
def test_select_and_ignore(three_rules, capsys, args, rules):
    _, data, _ = run_json(capsys, "a.md", *args)
    assert sorted(f["rule"] for f in data["findings"]) == rules


def test_a_rule_id_selects_that_rule_only(tmp_path, monkeypatch, capsys):
    write_project(tmp_path, rule("dates.future", "existence", tokens=["tomorrow"]),
                  rule("dates.future-tense", "existence", tokens=["will"]),
                  rule("dates.past", "existence", tokens=["yesterday"]))
    write(tmp_path / "a.md", "tomorrow will yesterday\n")
    monkeypatch.chdir(tmp_path)
    _, data, _ = run_json(capsys, "a.md", "--select", "dates.future")
    assert [f["rule"] for f in data["findings"]] == ["dates.future"]
    _, data, _ = run_json(capsys, "a.md", "--ignore", "dates.future")
    assert sorted(f["rule"] for f in data["findings"]) == ["dates.future-tense", "dates.past"]


@pytest.mark.parametrize("option", ["--select", "--ignore"])
@pytest.mark.parametrize("selector,closest", [
    ("headline", "did you mean headlines?"), ("date", "did you mean dates?"), ("Dates", "did you mean dates"),
    ("hou", "did you mean house?"),  # a family is a whole word before the dot
    ("house.zebr", "did you mean house.zebra"), ("zzz", "see 'lint rules'"),
])
def test_a_selector_that_names_no_rule_is_an_error(three_rules, tmp_path, capsys, option, selector, closest):
    (tmp_path / ".lint.yaml").write_text("rules: [mypack.yaml]\n")  # the shipped packs and the user's
    code, out, err = run(capsys, "a.md", option, f"house.zebra,{selector}")
    assert (code, out) == (2, "")
    assert err.startswith(f"lint: {option}: '{selector}' matches no rule ({closest}") and err.count("\n") == 1


def test_input_rules_and_rules_of_unloaded_packs_as_selectors(three_rules, capsys):
    assert run(capsys, "a.md", "--select", "input.encoding,input.nul-byte")[0] == 0
    assert run(capsys, "a.md", "--ignore", "dates,style.banned-phrase")[0] == 1  # shipped, not loaded here
    code, _, err = run(capsys, "a.md", "--select", "dates")
    assert code == 2
    assert err == "lint: --select: 'dates' matches no rule (it names rules of rules/dates.yaml, which this run does not load)\n"


def test_input_findings_can_be_selected_and_ignored(three_rules, tmp_path, capsys):
    (tmp_path / "b.md").write_bytes(b"caf\xe9 zebra\n")
    _, data, _ = run_json(capsys, "b.md", "--select", "input")
    assert [f["rule"] for f in data["findings"]] == ["input.encoding"]
    _, data, _ = run_json(capsys, "b.md", "--ignore", "input")
    assert [f["rule"] for f in data["findings"]] == ["house.zebra"]


# --- lint rules / lint explain -----------------------------------------------------------------

def test_rules_lists_builtin_and_user_rules(three_rules, tmp_path, capsys):
    code, out, _ = run(capsys, "rules")
    assert code == 0
    lines = out.splitlines()
    ids = [line.split()[0] for line in lines]
    assert ids[:3] == ["house.zebra", "house.crossing", "other.lion"]
    assert "input.encoding" in ids and "input.front-matter" in ids
    assert lines[0].split()[1] == "warning"
    (tmp_path / ".lint.yaml").write_text("rules: [mypack.yaml]\n")
    ids = [line.split()[0] for line in run(capsys, "rules")[1].splitlines()]
    for shipped in ("headlines.repeated-in-body", "headlines.duplicate-paragraph",
                    "headlines.duplicate-across", "style.repeated-word", "house.zebra"):
        assert shipped in ids


def test_explain_prints_the_rule_doc_with_examples(capsys, monkeypatch):
    monkeypatch.chdir(CHECKOUT)
    code, out, err = run(capsys, "explain", "headlines.repeated-in-body")
    assert code == 0, err
    assert out.startswith("## headlines.repeated-in-body\n")
    assert "check: `headline-repeated`" in out
    assert "### What it does" in out and "### Why" in out and "### Examples" in out
    assert "Flagged:\n\n```markdown\n---\ntitle: \"Council approves new bus routes\"\n---\nCOUNCIL APPROVES NEW BUS ROUTES" in out
    assert "Not flagged:" in out


@pytest.mark.parametrize("args,message", [
    (["explain", "headlines.nope"], "lint: unknown rule or check kind 'headlines.nope' (see 'lint rules')"),
    (["explain"], "lint: usage:"),
    (["rules", "--bogus"], "lint: usage:"),
])
def test_explain_errors_exit_two(capsys, monkeypatch, args, message):
    monkeypatch.chdir(CHECKOUT)
    code, out, err = run(capsys, *args)
    assert code == 2 and out == ""
    assert err.startswith(message)


def test_cache_without_an_action_prints_its_usage(capsys, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "cache") == (2, "", "lint: usage: lint cache clear [PATH ...] (removes the archive index)\n")


def test_unwritable_output_is_one_line_and_exit_2(tmp_path, monkeypatch, capsys):
    (tmp_path / "a.md").write_text("Plain words.\n")
    monkeypatch.chdir(tmp_path)
    code = cli.main(["--no-cache", "--output", "missing-dir/report.txt", "a.md"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("lint: missing-dir/report.txt: No such file or directory")
    assert len(err.strip().splitlines()) == 1


def test_an_internal_error_is_one_line_unless_debugging(tmp_path, monkeypatch, capsys):
    (tmp_path / "a.md").write_text("Plain words.\n")
    monkeypatch.chdir(tmp_path)

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(cli.engine, "run", broken)
    assert cli.main(["--no-cache", "a.md"]) == 2
    err = capsys.readouterr().err
    assert err.strip() == "lint: internal error: RuntimeError: boom (run with LINT_DEBUG=1 for the traceback)"
    monkeypatch.setenv("LINT_DEBUG", "1")
    with pytest.raises(RuntimeError):
        cli.main(["--no-cache", "a.md"])
